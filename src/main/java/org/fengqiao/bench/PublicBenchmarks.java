package org.fengqiao.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fengqiao.notifications.NotificationProperties;
import org.fengqiao.notifications.OutboxWorker;

/**
 * The public side under load ({@code --only=public}): {@link PublicBenchmark} over real HTTP on the seeded county,
 * the outbox delivered meanwhile as the recurring task does (the benchmark turns the scheduler off, so it runs the
 * same {@link OutboxWorker#deliverDue} at the same interval), and then the counts in the database: every report
 * acknowledged is a registered case, and every message it caused is delivered once — each citizen's 已登记 SMS is in
 * the outbox exactly once, every outbox row of these cases is SENT, no idempotency key twice, and the recording
 * gateway received each SMS once.
 */
@Component
class PublicBenchmarks {

    /** The demo's Open311 client key (README). */
    static final String DEMO_KEY = "demo-open311-key";

    private final CaseSeeder seeder;
    private final JdbcClient jdbc;
    private final OutboxWorker worker;
    private final NotificationProperties notifications;

    PublicBenchmarks(CaseSeeder seeder, JdbcClient jdbc, OutboxWorker worker, NotificationProperties notifications) {
        this.seeder = seeder;
        this.jdbc = jdbc;
        this.worker = worker;
        this.notifications = notifications;
    }

    Benchmark publicSide(int pageCases, int citizens, int seconds, int thinkMillis, int reportsPerMinute, int port,
                         int threads, java.nio.file.Path sharedData) {
        return new Benchmark() {
            public String name() {
                return "public";
            }

            public List<Figure> run() {
                SeedTexts texts = SeedTexts.from(sharedData);
                int added = seeder.seedUpTo(pageCases, threads, texts);
                long total = seeder.count();
                System.out.printf(Locale.ROOT, "bench: public side on %d cases (%d seeded now), %d citizens, %d reports "
                        + "a minute, think %d ms%n", total, added, citizens, reportsPerMinute, thinkMillis);
                jdbc.sql("analyze").update();
                deliverBacklog();
                ScheduledExecutorService delivery = Executors.newSingleThreadScheduledExecutor();
                long every = notifications.delivery().interval().toMillis();
                delivery.scheduleWithFixedDelay(this::deliver, every, every, TimeUnit.MILLISECONDS);
                PublicBenchmark.Outcome outcome;
                try {
                    outcome = new PublicBenchmark(port, thinkMillis, DEMO_KEY).run(citizens,
                            Duration.ofSeconds(Math.max(20, seconds / 3)), Duration.ofSeconds(seconds), reportsPerMinute);
                } finally {
                    delivery.shutdownNow();
                }
                outcome.failures().stream().collect(java.util.stream.Collectors.groupingBy(
                        f -> f.replaceAll("\\d+", "N"), java.util.TreeMap::new, java.util.stream.Collectors.counting()))
                        .forEach((f, n) -> System.out.println("bench: public: " + n + " × " + f));
                long drainStart = System.nanoTime();
                Counts counts = counts(outcome.reported());
                while (counts.pending() > 0 && System.nanoTime() - drainStart < TimeUnit.MINUTES.toNanos(5)) {
                    if (worker.deliverDue() == 0) {
                        sleep();
                    }
                    counts = counts(outcome.reported());
                }
                double drained = (System.nanoTime() - drainStart) / 1e9;
                System.out.printf(Locale.ROOT, "bench: public: %d reports sent, %d acknowledged, %d registered; outbox "
                                + "of their cases: %d messages (%d keys), %d sent, %d pending, %d failed; %d citizen "
                                + "已登记 SMS for %d reports with a mobile; the gateway recorded %d of the %d SMS; "
                                + "the outbox was empty %.1f s after the load%n", outcome.reportsSent(),
                        outcome.reported().size(), counts.registered(), counts.messages(), counts.keys(), counts.sent(),
                        counts.pending(), counts.failed(), counts.citizenRegistered(), outcome.reported().size(),
                        counts.recorded(), counts.sms(), drained);
                List<Figure> figures = new ArrayList<>();
                int requests = 0;
                for (Map.Entry<PublicBenchmark.Page, double[]> e : outcome.latencies().entrySet()) {
                    String page = e.getKey().name().toLowerCase(Locale.ROOT).replace('_', '-');
                    requests += e.getValue().length;
                    if (e.getValue().length > 0) {
                        figures.add(new Figure("public-" + page + "-p50", PageBenchmark.percentile(e.getValue(), 0.50), "ms"));
                        figures.add(new Figure("public-" + page + "-p95", PageBenchmark.percentile(e.getValue(), 0.95), "ms"));
                    }
                }
                figures.add(new Figure("public-throughput", requests / (double) seconds, "requests/s"));
                figures.add(new Figure("public-cases", total, "cases"));
                figures.add(new Figure("public-reports-sent", outcome.reportsSent(), "reports"));
                figures.add(new Figure("public-reports-unregistered", outcome.reportsSent() - counts.registered(), "reports"));
                figures.add(new Figure("public-failures", outcome.failures().size(), "requests"));
                figures.add(new Figure("public-notifications-sent", counts.sent(), "messages"));
                figures.add(new Figure("public-notifications-undelivered", counts.messages() - counts.sent(), "messages"));
                figures.add(new Figure("public-notifications-duplicated", counts.messages() - counts.keys()
                        + Math.abs(counts.recorded() - counts.sms()), "messages"));
                figures.add(new Figure("public-citizen-sms-missing",
                        outcome.reported().size() - counts.citizenRegistered(), "messages"));
                return figures;
            }

            /**
             * The seeded history's messages (written by the same services while the benchmark ran without the
             * scheduler) are delivered first, as a platform in service would have done long ago: otherwise the
             * run's own messages wait behind them and the delivery figures measure the backlog.
             */
            private void deliverBacklog() {
                long started = System.nanoTime();
                int sent = worker.drain();
                System.out.printf(Locale.ROOT, "bench: public: delivered the seeded history's %d waiting messages "
                        + "in %.0f s before the run%n", sent, (System.nanoTime() - started) / 1e9);
            }

            private void deliver() {
                try {
                    while (worker.deliverDue() >= notifications.delivery().batch()) {
                        // a full batch: more may be due, as the recurring task would find on its next run
                    }
                } catch (RuntimeException e) {
                    System.out.println("bench: public: a delivery run failed: " + e);
                }
            }
        };
    }

    /** What the database holds for the benchmark's reports. */
    record Counts(long registered, long messages, long keys, long sent, long pending, long failed,
                  long citizenRegistered, long sms, long recorded) {
    }

    private Counts counts(List<String> codes) {
        String[] array = codes.toArray(String[]::new);
        long registered = jdbc.sql("select count(*) from case_report where tracking_code = any(?)").param(array)
                .query(Long.class).single();
        return jdbc.sql("""
                with reported as (select id from case_report where tracking_code = any(?)),
                     outbox as (select o.* from notification_outbox o join reported r on r.id = o.case_id)
                select count(*), count(distinct idempotency_key), count(*) filter (where status = 'SENT'),
                       count(*) filter (where status = 'PENDING'), count(*) filter (where status = 'FAILED'),
                       count(*) filter (where kind = 'CITIZEN_REGISTERED' and channel = 'SMS'),
                       count(*) filter (where channel = 'SMS' and status = 'SENT'),
                       (select count(*) from sms_recorded s join outbox o on o.idempotency_key = s.idempotency_key)
                from outbox
                """).param(array).query((rs, n) -> new Counts(registered, rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8))).single();
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
