package org.fengqiao.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseCommands;
import org.fengqiao.cases.CaseService;
import org.fengqiao.cases.CaseStatus;
import org.fengqiao.cases.SyntheticHistory;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.PlatformClock;
import org.fengqiao.reviews.Agendas;
import org.fengqiao.reviews.MonthlyReport;

/**
 * 研判会商 over a large history: a township's weekly agenda and a county's monthly agenda with its Word report,
 * each measured cold (a case changed just before, so no cached measure or hot topic is reused). The history is
 * synthetic, written set-based ({@link SyntheticHistory}), five years of a county.
 */
@Component
class ReviewBenchmarks {

    static final int TOWNSHIP_RUNS = 15;
    static final int COUNTY_RUNS = 5;

    private final SyntheticHistory history;
    private final Agendas agendas;
    private final MonthlyReport report;
    private final CaseService cases;
    private final Staff staff;
    private final Units units;
    private final JdbcClient jdbc;
    private final PlatformClock clock;

    ReviewBenchmarks(SyntheticHistory history, Agendas agendas, MonthlyReport report, CaseService cases, Staff staff,
                     Units units, JdbcClient jdbc, PlatformClock clock) {
        this.history = history;
        this.agendas = agendas;
        this.report = report;
        this.cases = cases;
        this.staff = staff;
        this.units = units;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Benchmark reviews(int historyCases) {
        return new Benchmark() {
            public String name() {
                return "reviews";
            }

            public List<Figure> run() {
                List<Figure> figures = new ArrayList<>();
                Actor town = actor("fq.dispatcher");
                Actor county = actor("county.leader");
                long synthetic = jdbc.sql("select count(*) from case_report where tracking_code like 'SYN%'")
                        .query(Long.class).single();
                if (synthetic < historyCases) {
                    long started = System.nanoTime();
                    long added = history.add(historyCases - synthetic, "330681", county.unitId(),
                            units.findByCode("FQ-SFS").orElseThrow().id(), county.userId(), clock.instant(), 5);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf(Locale.ROOT, "bench: wrote %d synthetic cases in %.0f s%n", added, seconds);
                    figures.add(new Figure("reviews-history-load", seconds, "s"));
                }
                long total = jdbc.sql("select count(*) from case_report").query(Long.class).single();
                System.out.printf(Locale.ROOT, "bench: review agendas over %d cases%n", total);
                figures.add(new Figure("reviews-history-cases", total, "cases"));
                long touched = jdbc.sql("select min(c.id) from case_report c where c.tracking_code not like 'SYN%' and "
                        + CaseStatus.sqlIn("c.status", CaseStatus::isOpen)).query(Long.class).single();
                agendas.agenda(town, null, null); // warm-up: plans, code paths
                List<Double> township = new ArrayList<>();
                for (int i = 0; i < TOWNSHIP_RUNS; i++) {
                    touch(town, touched);
                    long t = System.nanoTime();
                    agendas.agenda(town, null, null);
                    township.add((System.nanoTime() - t) / 1e6);
                }
                figures.add(new Figure("reviews-township-weekly-agenda-p50", pct(township, 0.5),
                        "ms"));
                figures.add(new Figure("reviews-township-weekly-agenda-p95", pct(township, 0.95),
                        "ms"));
                List<Double> monthly = new ArrayList<>();
                for (int i = 0; i < COUNTY_RUNS; i++) {
                    touch(town, touched);
                    long t = System.nanoTime();
                    agendas.agenda(county, null, null);
                    report.report(county, null, null, Locale.SIMPLIFIED_CHINESE);
                    monthly.add((System.nanoTime() - t) / 1e6);
                }
                figures.add(new Figure("reviews-county-monthly-agenda-and-report-p50",
                        pct(monthly, 0.5), "ms"));
                figures.add(new Figure("reviews-county-monthly-agenda-and-report-max",
                        pct(monthly, 1.0), "ms"));
                return figures;
            }
        };
    }

    private static double pct(List<Double> samples, double q) {
        return PageBenchmark.percentile(samples.stream().mapToDouble(Double::doubleValue).sorted().toArray(), q);
    }

    /** A change to a case: every cache filed under the newest event is stale afterwards. */
    private void touch(Actor actor, long caseId) {
        cases.addNote(actor, caseId, new CaseCommands.Note("基准测试：使缓存失效"));
    }

    private Actor actor(String username) {
        var user = staff.findByUsername(username).orElseThrow();
        return Actor.of(user, units.get(user.unitId()));
    }
}
