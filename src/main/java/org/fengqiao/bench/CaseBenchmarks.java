package org.fengqiao.bench;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseCommands.*;
import org.fengqiao.cases.CaseKind;
import org.fengqiao.cases.CaseService;
import org.fengqiao.cases.Channel;
import org.fengqiao.cases.Outcome;
import org.fengqiao.cases.PartyRole;
import org.fengqiao.cases.Rating;

/**
 * Throughput of the closed loop through the service layer, as staff would drive it: every call is its own
 * transaction with routing, deadlines, risk assessment and events, committed durably.
 */
@Component
class CaseBenchmarks {

    private static final String[] DISPUTES = {"NEIGHBOUR", "MARRIAGE_FAMILY", "LABOUR_WAGES", "CONTRACT_DEBT",
            "HOUSING_HOMESTEAD", "TRAFFIC", "CONSUMER"};

    private final CaseService cases;
    private final BenchActors actors;
    private final JdbcClient jdbc;
    private final CaseSeeder seeder;

    CaseBenchmarks(CaseService cases, BenchActors actors, JdbcClient jdbc, CaseSeeder seeder) {
        this.cases = cases;
        this.actors = actors;
        this.jdbc = jdbc;
        this.seeder = seeder;
    }

    /** Refuses to measure on a database that does not sync commits. */
    void verifyDurable() {
        String fsync = jdbc.sql("show fsync").query(String.class).single();
        String sync = jdbc.sql("show synchronous_commit").query(String.class).single();
        if (!"on".equals(fsync) || !"on".equals(sync)) {
            throw new IllegalStateException("benchmarks need fsync=on and synchronous_commit=on, found " + fsync + "/" + sync);
        }
        System.out.println("bench: database fsync=" + fsync + " synchronous_commit=" + sync);
    }

    List<Benchmark> all(int count, int threads, int pageCases, int users, int seconds, int thinkMillis,
                        int writesPerMinute, int port, java.nio.file.Path sharedData) {
        return List.of(intake(count, threads), closedLoop(Math.max(1000, count / 4), threads),
                pages(pageCases, users, seconds, thinkMillis, writesPerMinute, port, threads, sharedData));
    }

    private Benchmark pages(int pageCases, int users, int seconds, int thinkMillis, int writesPerMinute, int port,
                            int threads, java.nio.file.Path sharedData) {
        return new Benchmark() {
            public String name() {
                return "pages";
            }

            public List<Figure> run() {
                SeedTexts texts = SeedTexts.from(sharedData);
                int added = seeder.seedUpTo(pageCases, threads, texts);
                if (added > 0) {
                    System.out.printf("bench: seeded %d cases with %s%n", added, texts.source());
                }
                long total = seeder.count();
                System.out.printf("bench: pages on %d cases (%d seeded now)%n", total, added);
                jdbc.sql("analyze").update();
                PageBenchmark load = new PageBenchmark(port, thinkMillis);
                // cases are registered at the given rate all along: every change to a case ends the panels' cached
                // answers and has the in-memory indexes catch up, as in a county where work goes on
                Actor intake = actors.named("fq.intake");
                List<String> villages = actors.fengqiaoVillages();
                var writes = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
                java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
                // other numbers (titles, phones) each run, so runs on a kept directory do not pile up one matter
                int firstWrite = 2_000_000 + (int) (System.currentTimeMillis() / 1000 % 1_000_000) * 100;
                if (writesPerMinute > 0) {
                    long every = 60_000_000L / writesPerMinute;
                    writes.scheduleAtFixedRate(() -> {
                        try {
                            cases.register(intake, command(firstWrite + written.incrementAndGet(), villages, true));
                        } catch (RuntimeException e) {
                            System.out.println("bench: a registration during the page run failed: " + e);
                        }
                    }, every, every, java.util.concurrent.TimeUnit.MICROSECONDS);
                }
                Map<PageBenchmark.Sample, double[]> result;
                List<PageBenchmark.Visitor> visitors = visitors(users);
                try {
                    // a warm-up of a third of the run (at least 20 s): the just-in-time compiler, the caches and the
                    // indexes built at start reach their steady state before anything is measured
                    result = load.run(visitors, java.time.Duration.ofSeconds(Math.max(20, seconds / 3)),
                            java.time.Duration.ofSeconds(seconds), org.fengqiao.demo.DemoData.PASSWORD);
                } finally {
                    writes.shutdownNow();
                }
                System.out.printf("bench: %d cases registered during the page run%n", written.get());
                List<Figure> figures = new java.util.ArrayList<>();
                int requests = 0;
                for (var e : result.entrySet()) {
                    String level = e.getKey().level();
                    String page = (level.isEmpty() ? "" : level + "-")
                            + e.getKey().page().name().toLowerCase(java.util.Locale.ROOT);
                    requests += e.getValue().length;
                    if (e.getValue().length > 0) {
                        figures.add(new Figure("page-" + page + "-p50", PageBenchmark.percentile(e.getValue(), 0.50), "ms"));
                        figures.add(new Figure("page-" + page + "-p95", PageBenchmark.percentile(e.getValue(), 0.95), "ms"));
                    }
                }
                long timedOut = 0;
                for (var t : load.timeouts().entrySet()) {
                    System.out.printf("bench: %d requests for %s %s timed out%n", t.getValue(), t.getKey().level(),
                            t.getKey().page());
                    timedOut += t.getValue();
                }
                figures.add(new Figure("pages-timed-out", timedOut, "requests"));
                figures.add(new Figure("pages-throughput", requests / (double) seconds, "pages/s"));
                figures.add(new Figure("pages-cases", total, "cases"));
                return figures;
            }
        };
    }

    /**
     * Who browses: in the demo county its ten people in turn; on a generated province (it has {@code province.leader})
     * the centres' own accounts of distinct villages, townships and counties, and the province's leader — with each
     * level's figures reported apart, as the targets differ (a county opens last month's figures, its monthly review).
     */
    private List<PageBenchmark.Visitor> visitors(int users) {
        boolean province = jdbc.sql("select count(*) from staff_user where username = 'province.leader'")
                .query(Long.class).single() > 0;
        if (!province) {
            return java.util.stream.IntStream.range(0, users)
                    .mapToObj(u -> PageBenchmark.DEMO_USERS.get(u % PageBenchmark.DEMO_USERS.size())).toList();
        }
        java.time.LocalDate firstOfMonth = java.time.LocalDate.now(org.fengqiao.platform.ChinaTime.ZONE).withDayOfMonth(1);
        String lastMonth = "/dashboard?from=" + firstOfMonth.minusMonths(1) + "&to=" + firstOfMonth.minusDays(1);
        int leaders = Math.max(1, users / 25);
        int counties = Math.max(1, users * 3 / 25);
        int townships = Math.max(1, (users - leaders - counties) / 2);
        int villages = Math.max(1, users - leaders - counties - townships);
        List<PageBenchmark.Visitor> visitors = new java.util.ArrayList<>();
        visitors.addAll(centreAccounts("VILLAGE", villages, "village", "/dashboard"));
        visitors.addAll(centreAccounts("TOWNSHIP", townships, "township", "/dashboard"));
        visitors.addAll(centreAccounts("COUNTY", counties, "county", lastMonth));
        for (int i = 0; i < leaders; i++) {
            visitors.add(new PageBenchmark.Visitor("province.leader", "province", "/dashboard"));
        }
        return visitors;
    }

    /** The generated province's centre accounts at one level, each of another unit, in a fixed mixed order. */
    private List<PageBenchmark.Visitor> centreAccounts(String regionLevel, int count, String level, String dashboard) {
        return jdbc.sql("""
                        select u.username from staff_user u join unit n on n.id = u.unit_id
                        join region r on r.code = n.region_code
                        where n.kind = 'CENTRE' and r.level = ? and r.code like '3399%'
                        order by md5(u.username) limit ?""")
                .params(regionLevel, count).query(String.class).list().stream()
                .map(u -> new PageBenchmark.Visitor(u, level, dashboard)).toList();
    }

    private RegisterCase command(int i, List<String> villages, boolean autoDispatch) {
        Random r = new Random(i);
        String village = villages.get(r.nextInt(villages.size()));
        String dispute = DISPUTES[r.nextInt(DISPUTES.length)];
        return new RegisterCase(Channel.WALK_IN, null, CaseKind.DISPUTE, null, dispute,
                "压测事项 " + i + "：两户因宅前通道发生争执",
                "当事人反映邻居长期在共用通道堆放杂物，双方多次争吵，请求调解。编号" + i,
                "枫桥镇测试地址" + i + "号", null, null, village, 2, null, false,
                List.of(new PartyInput(PartyRole.APPLICANT, "压测甲" + i, String.format("1370000%04d", i % 10_000), null, null),
                        new PartyInput(PartyRole.RESPONDENT, "压测乙" + i, null, null, null)),
                null, autoDispatch);
    }

    private Benchmark intake(int count, int threads) {
        return new Benchmark() {
            public String name() {
                return "intake";
            }

            public List<Figure> run() {
                Actor intake = actors.named("fq.intake");
                List<String> villages = actors.fengqiaoVillages();
                LoadGenerator.run(Math.min(2000, count), threads, i -> cases.register(intake, command(-1 - i, villages, true)));
                LoadGenerator.Result r = LoadGenerator.run(count, threads, i -> cases.register(intake, command(i, villages, true)));
                return List.of(new Figure("intake", r.perSecond(), "cases/s"),
                        new Figure("intake-p50", r.p50(), "ms"), new Figure("intake-p99", r.p99(), "ms"));
            }
        };
    }

    private Benchmark closedLoop(int count, int threads) {
        return new Benchmark() {
            public String name() {
                return "closed-loop";
            }

            public List<Figure> run() {
                Actor intake = actors.named("fq.intake");
                Actor dispatcher = actors.named("fq.dispatcher");
                List<String> villages = actors.fengqiaoVillages();
                java.util.function.IntConsumer loop = i -> {
                    long id = cases.register(intake, command(1_000_000 + i, villages, false)).id();
                    cases.assign(dispatcher, id, new Assign(null, null));
                    long unit = jdbc.sql("select handling_unit from case_report where id = ?").param(id).query(Long.class).single();
                    Actor handler = actors.handlerOf(unit);
                    cases.accept(handler, id, null);
                    cases.close(handler, id, new Close(Outcome.RESOLVED, "经调解双方达成一致", "您反映的问题已调解化解"));
                    cases.evaluate(intake, id, new Evaluation(Rating.SATISFIED, null, "PHONE"));
                    cases.archive(dispatcher, id, null);
                };
                LoadGenerator.run(Math.min(500, count), threads, i -> loop.accept(-1_000_000 - i));
                LoadGenerator.Result r = LoadGenerator.run(count, threads, loop);
                return List.of(new Figure("closed-loop", r.perSecond(), "cases/s"),
                        new Figure("closed-loop-p50", r.p50(), "ms"), new Figure("closed-loop-p99", r.p99(), "ms"));
            }
        };
    }

}
