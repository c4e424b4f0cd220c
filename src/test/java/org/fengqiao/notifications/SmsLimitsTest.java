package org.fengqiao.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.fengqiao.platform.ChinaTime;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.TestClock;

/**
 * SMS respect people's nights and their patience: nothing that is not urgent goes out between 22:00 and 07:00
 * China time (it waits for the morning, it is not dropped), and no number gets more than the daily cap.
 */
@IntegrationTest
class SmsLimitsTest {

    private static final AtomicInteger RUN = new AtomicInteger();

    @Autowired
    Notifications notifications;
    @Autowired
    OutboxWorker worker;
    @Autowired
    NotificationProperties properties;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager txm;
    @Autowired
    TestClock clock;

    OutboxRows rows;
    String prefix;

    @BeforeEach
    void setUp() {
        clock.reset();
        rows = new OutboxRows(jdbc);
        prefix = "test-limits-" + System.nanoTime() + "-" + RUN.incrementAndGet() + ":";
        worker.drain();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void send(String key, String mobile, boolean urgent) {
        new TransactionTemplate(txm).executeWithoutResult(s -> notifications.send(new Notification(prefix + key,
                NotificationKind.CITIZEN_ACCEPTED, new Notification.Recipient.Citizen(mobile),
                Map.of("code", "330681-TEST"), null, urgent)));
    }

    private String status(String key) {
        return rows.withKeyPrefix(prefix + key).getFirst().status();
    }

    @Test
    void smsThatIsNotUrgentWaitsThroughTheQuietHoursAndGoesOutAtSeven() {
        clock.set(LocalDateTime.of(2026, 11, 20, 23, 30));
        send("night", "13500001001", false);
        send("urgent", "13500001002", true);
        worker.drain();
        assertThat(status("night")).isEqualTo("PENDING");
        assertThat(rows.withKeyPrefix(prefix + "night").getFirst().nextAttemptAt())
                .isEqualTo(LocalDateTime.of(2026, 11, 21, 7, 0).atZone(ChinaTime.ZONE).toInstant());
        assertThat(rows.withKeyPrefix(prefix + "night").getFirst().attempts()).as("waiting is not failing").isZero();
        assertThat(status("urgent")).as("urgent matters go out at night").isEqualTo("SENT");

        clock.set(LocalDateTime.of(2026, 11, 21, 6, 59));
        worker.drain();
        assertThat(status("night")).isEqualTo("PENDING");
        clock.set(LocalDateTime.of(2026, 11, 21, 7, 0));
        worker.drain();
        assertThat(status("night")).isEqualTo("SENT");
        assertThat(rows.recordedTimes(prefix + "night")).isEqualTo(1);
    }

    @Test
    void quietHoursRunFromTenAtNightToSevenInTheMorningChinaTime() {
        assertThat(worker.quietEnd(LocalDateTime.of(2026, 11, 20, 21, 59).atZone(ChinaTime.ZONE).toInstant())).isNull();
        assertThat(worker.quietEnd(LocalDateTime.of(2026, 11, 20, 22, 0).atZone(ChinaTime.ZONE).toInstant()))
                .isEqualTo(LocalDateTime.of(2026, 11, 21, 7, 0).atZone(ChinaTime.ZONE).toInstant());
        assertThat(worker.quietEnd(LocalDateTime.of(2026, 11, 21, 3, 0).atZone(ChinaTime.ZONE).toInstant()))
                .isEqualTo(LocalDateTime.of(2026, 11, 21, 7, 0).atZone(ChinaTime.ZONE).toInstant());
        assertThat(worker.quietEnd(LocalDateTime.of(2026, 11, 21, 7, 0).atZone(ChinaTime.ZONE).toInstant())).isNull();
    }

    @Test
    void oneNumberGetsAtMostTheDailyCapAndTheRestTheNextMorning() {
        int cap = properties.sms().dailyCap();
        clock.set(LocalDateTime.of(2026, 11, 20, 9, 0));
        for (int i = 0; i < cap + 2; i++) {
            send("cap-" + i, "13500002001", false);
        }
        send("other-number", "13500002002", false);
        worker.drain();
        long sentToday = rows.withKeyPrefix(prefix + "cap-").stream().filter(r -> r.status().equals("SENT")).count();
        assertThat(sentToday).isEqualTo(cap);
        assertThat(status("other-number")).as("the cap is per number").isEqualTo("SENT");
        assertThat(rows.withKeyPrefix(prefix + "cap-").stream().filter(r -> r.status().equals("PENDING")))
                .hasSize(2).allSatisfy(r -> assertThat(r.nextAttemptAt())
                        .isEqualTo(LocalDateTime.of(2026, 11, 21, 7, 0).atZone(ChinaTime.ZONE).toInstant()));

        clock.set(LocalDateTime.of(2026, 11, 21, 7, 0));
        worker.drain();
        assertThat(rows.withKeyPrefix(prefix + "cap-")).allSatisfy(r -> assertThat(r.status()).isEqualTo("SENT"));
    }
}
