package org.fengqiao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fengqiao.FengqiaoApplication;
import org.fengqiao.support.TestClock;

/**
 * The durable scheduler really runs the sweep: with the platform's clock past the demo's open deadlines,
 * the overdue cases are marked without anyone calling the sweep, and the task's state lives in the database.
 */
@SpringBootTest(classes = FengqiaoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "fengqiao.ephemeral=true", "fengqiao.durable=false", "fengqiao.clock.external=true",
        "fengqiao.demo.enabled=true", "fengqiao.scheduler.enabled=true",
        "fengqiao.scheduler.sweep-interval=PT1S", "fengqiao.scheduler.polling-interval=PT0.2S",
        "logging.level.org.fengqiao=WARN"})
@Import(TestClock.Configuration.class)
class SchedulerIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Test
    void theScheduledSweepMarksCasesWhoseDeadlinesPassed() throws InterruptedException {
        clock.set(Instant.parse("2027-03-01T02:00:00Z"));
        long open = jdbc.sql("select count(*) from cases where status in ('ASSIGNED', 'IN_PROGRESS')")
                .query(Long.class).single();
        assertThat(open).isPositive();
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        long unmarked = open;
        while (unmarked > 0 && Instant.now().isBefore(until)) {
            Thread.sleep(200);
            unmarked = jdbc.sql("""
                    select count(*) from cases where status in ('ASSIGNED', 'IN_PROGRESS') and reported_at is null
                    """).query(Long.class).single();
        }
        assertThat(unmarked).as("open cases not yet reported by the scheduled sweep").isZero();
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'deadline-sweep'")
                .query(Long.class).single()).isEqualTo(1);
    }
}
