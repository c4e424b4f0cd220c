package org.fengqiao.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.ObjectMapper;

import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.TestClock;

/**
 * The outbox delivers every message exactly once: through a gateway that fails and recovers (retries with
 * growing waits, no duplicate), and across a worker that dies in the middle of its work and a new worker that
 * takes over the same table (nothing lost, nothing sent twice).
 */
@IntegrationTest
class OutboxDeliveryTest {

    private static final AtomicInteger RUN = new AtomicInteger();

    @Autowired
    Notifications notifications;
    @Autowired
    OutboxWorker worker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager txm;
    @Autowired
    Texts texts;
    @Autowired
    NotificationProperties properties;
    @Autowired
    ObjectMapper json;
    @Autowired
    TestClock clock;
    @Autowired
    org.fengqiao.cases.CaseContacts contacts;

    OutboxRows rows;
    String prefix;

    @BeforeEach
    void setUp() {
        clock.reset();
        rows = new OutboxRows(jdbc);
        prefix = "test-outbox-" + System.nanoTime() + "-" + RUN.incrementAndGet() + ":";
        worker.drain(); // what earlier tests and the demo left due goes out first, so the runs below see only ours
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Citizens' messages to distinct numbers (a block no demo or other test uses), written in one transaction. */
    private List<String> sendMessages(int count, String block) {
        List<String> keys = new ArrayList<>();
        new TransactionTemplate(txm).executeWithoutResult(s -> {
            for (int i = 0; i < count; i++) {
                String key = prefix + i;
                notifications.send(new Notification(key, NotificationKind.CITIZEN_ACCEPTED,
                        new Notification.Recipient.Citizen(block + String.format("%03d", i)),
                        Map.of("code", "330681-TEST-" + i), null, false));
                keys.add(key);
            }
        });
        return keys;
    }

    private OutboxWorker workerWith(SmsGateway gateway) {
        return new OutboxWorker(jdbc, txm, gateway, null, texts, properties, json, clock, contacts);
    }

    @Test
    void aGatewayThatFailsThenRecoversDeliversEachMessageExactlyOnce() {
        List<String> keys = sendMessages(5, "13600001");
        Map<String, Integer> accepted = new ConcurrentHashMap<>();
        AtomicInteger calls = new AtomicInteger();
        SmsGateway down = sms -> {
            calls.incrementAndGet();
            throw new IllegalStateException("gateway unavailable");
        };
        SmsGateway up = sms -> accepted.merge(sms.idempotencyKey(), 1, Integer::sum);

        assertThat(workerWith(down).deliverDue()).isZero();
        assertThat(calls).hasValue(5);
        assertThat(rows.withKeyPrefix(prefix)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("PENDING");
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.nextAttemptAt()).isEqualTo(clock.instant().plus(properties.delivery().firstRetry()));
        });
        // not due yet: nobody calls the gateway before the wait is over
        assertThat(workerWith(down).deliverDue()).isZero();
        assertThat(calls).hasValue(5);

        clock.advance(properties.delivery().firstRetry());
        assertThat(workerWith(down).deliverDue()).isZero();
        assertThat(rows.withKeyPrefix(prefix)).allSatisfy(r -> {
            assertThat(r.attempts()).isEqualTo(2);
            assertThat(r.nextAttemptAt()).as("the second wait is twice the first")
                    .isEqualTo(clock.instant().plus(properties.delivery().firstRetry().multipliedBy(2)));
        });

        clock.advance(properties.delivery().firstRetry().multipliedBy(2));
        assertThat(workerWith(up).drain()).isEqualTo(5);
        assertThat(workerWith(up).drain()).isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(workerWith(up).drain()).isZero();

        assertThat(accepted).containsOnlyKeys(keys).allSatisfy((k, times) -> assertThat(times).isEqualTo(1));
        assertThat(rows.withKeyPrefix(prefix)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("SENT");
            assertThat(r.attempts()).isEqualTo(3);
        });
    }

    @Test
    void aMessageThatNeverGoesThroughFailsAfterTheLastAttemptAndIsNotRetried() {
        List<String> keys = sendMessages(1, "13600002");
        SmsGateway down = sms -> {
            throw new IllegalStateException("number unreachable");
        };
        for (int i = 0; i < properties.delivery().maxAttempts(); i++) {
            workerWith(down).deliverDue();
            clock.advance(properties.delivery().maxRetry());
        }
        OutboxRows.Row row = rows.withKeyPrefix(prefix).getFirst();
        assertThat(row.key()).isEqualTo(keys.getFirst());
        assertThat(row.status()).isEqualTo("FAILED");
        assertThat(row.attempts()).isEqualTo(properties.delivery().maxAttempts());
        AtomicInteger calls = new AtomicInteger();
        workerWith(sms -> calls.incrementAndGet()).drain();
        assertThat(calls).hasValue(0);
    }

    /** A worker that dies (an Error, as the JVM going down) after the gateway took the third message. */
    private static final class Crash extends Error {
    }

    @Test
    void aRestartInBetweenLosesNothingAndSendsNothingTwice() {
        List<String> keys = sendMessages(6, "13600003");
        RecordingSmsGateway gateway = new RecordingSmsGateway(jdbc, json, clock);
        AtomicInteger handedOver = new AtomicInteger();
        SmsGateway dying = sms -> {
            gateway.send(sms); // the gateway has it …
            if (handedOver.incrementAndGet() == 3) {
                throw new Crash(); // … and the worker dies before recording that it was sent
            }
        };
        try {
            workerWith(dying).deliverDue();
        } catch (Crash expected) {
            // the first worker is gone
        }
        assertThat(rows.withKeyPrefix(prefix).stream().filter(r -> r.status().equals("SENT")).count())
                .as("delivered before the crash").isEqualTo(2);
        assertThat(rows.withKeyPrefix(prefix).get(2).status()).as("its transaction rolled back").isEqualTo("PENDING");

        // a new worker (a restarted instance) over the same table
        OutboxWorker restarted = workerWith(gateway);
        assertThat(restarted.drain()).isEqualTo(4);
        assertThat(rows.withKeyPrefix(prefix)).allSatisfy(r -> assertThat(r.status()).isEqualTo("SENT"));
        for (String key : keys) {
            assertThat(rows.recordedTimes(key)).as(key).isEqualTo(1);
        }
    }

    @Test
    void twoWorkersAtOnceNeverSendTheSameMessage() throws InterruptedException {
        List<String> keys = sendMessages(20, "13600004");
        Map<String, Integer> accepted = new ConcurrentHashMap<>();
        SmsGateway slow = sms -> {
            accepted.merge(sms.idempotencyKey(), 1, Integer::sum);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread a = Thread.ofVirtual().start(() -> workerWith(slow).drain());
        Thread b = Thread.ofVirtual().start(() -> workerWith(slow).drain());
        a.join();
        b.join();
        assertThat(accepted).containsOnlyKeys(keys).allSatisfy((k, times) -> assertThat(times).isEqualTo(1));
    }

    @Test
    void theSameMessageWrittenTwiceIsOneMessageWithTheLaterParameters() {
        String key = prefix + "twice";
        TransactionTemplate tx = new TransactionTemplate(txm);
        tx.executeWithoutResult(s -> {
            notifications.send(new Notification(key, NotificationKind.CITIZEN_REGISTERED,
                    new Notification.Recipient.Citizen("13600005001"), Map.of("code", "330681-TEST-1"), null, false));
            notifications.send(new Notification(key, NotificationKind.CITIZEN_REGISTERED,
                    new Notification.Recipient.Citizen("13600005001"), Map.of("code", "330681-TEST-1",
                    "trackingUrl", "https://example.cn/public/track", "accessKey", "K7QX-92MD"), null, false));
        });
        assertThat(rows.withKeyPrefix(key)).hasSize(1);
        RecordingSmsGateway gateway = new RecordingSmsGateway(jdbc, json, clock);
        workerWith(gateway).drain();
        assertThat(rows.recordedText(key)).contains("330681-TEST-1").contains("K7QX-92MD")
                .contains("https://example.cn/public/track");
        assertThat(rows.withKeyPrefix(key).getFirst().params()).as("the access key is not kept once sent")
                .doesNotContain("K7QX-92MD").contains("trackingUrl");
        // once sent, a later write changes nothing and sends nothing
        tx.executeWithoutResult(s -> notifications.send(new Notification(key, NotificationKind.CITIZEN_REGISTERED,
                new Notification.Recipient.Citizen("13600005001"), Map.of("code", "330681-TEST-2"), null, false)));
        assertThat(workerWith(gateway).drain()).isZero();
        assertThat(rows.recordedTimes(key)).isEqualTo(1);
    }
}
