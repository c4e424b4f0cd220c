package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.aCase;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.TestClock;

/**
 * Missed deadlines are marked, chased the next working day and reported five working days later — also when
 * the platform was down while they fell due.
 */
@IntegrationTest
class DeadlineSweepTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    DeadlineSweep sweep;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        // a Monday morning: a consultation is due at the end of Thursday
        clock.set(LocalDateTime.of(2026, 11, 16, 9, 0));
        sweep.run();
    }

    @AfterEach
    void tidy() {
        clock.reset();
    }

    long consultationAcceptedByTheLabourOffice() {
        Api.Response r = api.post("fq.intake", "/api/cases", aCase().kind("CONSULTATION").with("assignTo",
                unit("FQ-LDBZ")).body());
        long id = r.get("id").asLong();
        assertThat(api.post("fq.labour", "/api/cases/" + id + "/accept", null).status()).isEqualTo(200);
        assertThat(r.get("deadlines").get("handleDueAt").asString()).isEqualTo("2026-11-19T16:00:00Z");
        return id;
    }

    @Test
    void afterADowntimeTheFirstSweepMarksChasesAndReportsEverythingThatFellDue() {
        long id = consultationAcceptedByTheLabourOffice();
        clock.set(LocalDateTime.of(2026, 12, 7, 8, 0));
        DeadlineSweep.Result result = sweep.run();
        assertThat(result.markedOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(types(id)).containsSubsequence("DeadlineMissed", "CaseChased", "CaseReported");
        assertThat(jdbc.sql("select kind from supervision_notice where case_id = ? order by id").param(id)
                .query(String.class).list()).containsExactly("CHASE", "REPORT");
        Api.Response c = api.get("fq.intake", "/api/cases/" + id);
        assertThat(c.get("deadlines").get("overdue").asBoolean()).isTrue();
        assertThat(c.get("deadlines").get("overdueSince").asString()).isEqualTo("2026-11-19T16:00:00Z");
        assertThat(c.get("deadlines").get("workingDaysLeft").asInt()).isLessThan(0);

        sweep.run();
        assertThat(types(id).stream().filter(t -> t.equals("CaseChased")).count()).isEqualTo(1);
        assertThat(types(id).stream().filter(t -> t.equals("CaseReported")).count()).isEqualTo(1);
    }

    @Test
    void theChaseWaitsForTheNextWorkingDayAndTheReportForFiveMore() {
        long id = consultationAcceptedByTheLabourOffice();
        clock.set(LocalDateTime.of(2026, 11, 20, 0, 30));
        sweep.run();
        assertThat(types(id)).contains("DeadlineMissed").doesNotContain("CaseChased");
        clock.set(LocalDateTime.of(2026, 11, 20, 8, 29));
        sweep.run();
        assertThat(types(id)).doesNotContain("CaseChased");
        clock.set(LocalDateTime.of(2026, 11, 20, 8, 31));
        sweep.run();
        assertThat(types(id)).contains("CaseChased").doesNotContain("CaseReported");
        // the chase fell due on Friday the 20th; five working days later is Friday the 27th
        clock.set(LocalDateTime.of(2026, 11, 27, 8, 29));
        sweep.run();
        assertThat(types(id)).doesNotContain("CaseReported");
        clock.set(LocalDateTime.of(2026, 11, 27, 8, 31));
        sweep.run();
        assertThat(types(id)).contains("CaseReported");
    }

    @Test
    void aMissedDeadlineRaisesTheRiskAndSaysWhy() {
        long id = consultationAcceptedByTheLabourOffice();
        assertThat(api.get("fq.intake", "/api/cases/" + id).get("risk").get("level").asString()).isEqualTo("LOW");
        clock.set(LocalDateTime.of(2026, 11, 20, 0, 30));
        sweep.run();
        Api.Response c = api.get("fq.intake", "/api/cases/" + id);
        assertThat(c.get("risk").get("level").asString()).isEqualTo("MEDIUM");
        assertThat(c.get("risk").get("reasons").toString()).contains("已超过办理期限");
        assertThat(types(id)).containsSubsequence("DeadlineMissed", "RiskReassessed");
        assertThat(jdbc.sql("select reason from case_event where case_id = ? and type = 'RiskReassessed'").param(id)
                .query(String.class).single()).contains("已超过办理期限");
    }

    @Test
    void aCaseClosedInTimeIsNeverMarked() {
        long id = consultationAcceptedByTheLabourOffice();
        clock.advance(Duration.ofDays(1));
        api.post("fq.labour", "/api/cases/" + id + "/close", java.util.Map.of("outcome", "ANSWERED", "summary", "已答复", "reply", "您好，已办理，特此答复。"));
        clock.set(LocalDateTime.of(2026, 12, 20, 8, 0));
        sweep.run();
        assertThat(types(id)).doesNotContain("DeadlineMissed");
    }

    @Test
    void aSweepAskedToStopLeavesTheRestForTheNextSweep() {
        long first = consultationAcceptedByTheLabourOffice();
        long second = consultationAcceptedByTheLabourOffice();
        clock.set(LocalDateTime.of(2026, 11, 20, 0, 30));
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        // the scheduler starts shutting down after the first case
        DeadlineSweep.Result cut = sweep.run(() -> asked.incrementAndGet() > 1);
        assertThat(cut.markedOverdue()).isEqualTo(1);
        assertThat(types(first)).contains("DeadlineMissed");
        assertThat(types(second)).doesNotContain("DeadlineMissed");

        assertThat(sweep.run().markedOverdue()).isEqualTo(1);
        assertThat(types(second)).contains("DeadlineMissed");
    }

    List<String> types(long id) {
        return jdbc.sql("select type from case_event where case_id = ? order by id").param(id).query(String.class).list();
    }

    long unit(String code) {
        return jdbc.sql("select id from unit where code = ?").param(code).query(Long.class).single();
    }
}
