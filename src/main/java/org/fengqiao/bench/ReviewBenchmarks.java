package org.fengqiao.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseCommands;
import org.fengqiao.cases.CaseService;
import org.fengqiao.cases.CaseStatus;
import org.fengqiao.cases.SyntheticHistory;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.PlatformClock;
import org.fengqiao.reviews.Agendas;
import org.fengqiao.reviews.MonthlyReport;
import org.fengqiao.reviews.ReviewCadences;
import org.fengqiao.reviews.ReviewWarmUp;
import org.fengqiao.bench.Benchmark.Figure;

/**
 * 研判会商 over a large history: a township's weekly agenda and a county's monthly agenda with its Word report.
 * The history is synthetic, written set-based ({@link SyntheticHistory}), five years of a county, with the titles
 * and texts of the shared data's citizen messages ({@link SeedTexts}). Measured:
 * <ul>
 * <li>the very first agenda of each (nothing cached: the hot topics are clustered, every measure aggregated);</li>
 * <li>then each run right after a note on a case, so every cache keyed by the cases' change mark is stale — what a
 * viewer gets during a working day; the agenda's hot topics may then lag (their own cache,
 * {@code fengqiao.reviews.hot-topics-max-lag}) and the measures too ({@code fengqiao.analytics.max-lag});</li>
 * <li>each agenda section separately ({@link Agendas.SectionTimer}), so the cost is visible;</li>
 * <li>the first agenda of each centre's next meeting day after the warm-up ran before the meeting.</li>
 * </ul>
 */
@Component
class ReviewBenchmarks {

    static final int TOWNSHIP_RUNS = 15;
    static final int COUNTY_RUNS = 5;

    private final SyntheticHistory history;
    private final Agendas agendas;
    private final MonthlyReport report;
    private final CaseService cases;
    private final BenchActors actors;
    private final JdbcClient jdbc;
    private final PlatformClock clock;
    private final ReviewWarmUp warmUp;
    private final ReviewCadences cadences;

    ReviewBenchmarks(SyntheticHistory history, Agendas agendas, MonthlyReport report, CaseService cases,
                     BenchActors actors, JdbcClient jdbc, PlatformClock clock, ReviewWarmUp warmUp,
                     ReviewCadences cadences) {
        this.warmUp = warmUp;
        this.cadences = cadences;
        this.history = history;
        this.agendas = agendas;
        this.report = report;
        this.cases = cases;
        this.actors = actors;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Milliseconds per section over several runs. */
    private static final class Sections implements Agendas.SectionTimer {
        final Map<String, List<Double>> ms = new LinkedHashMap<>();

        @Override
        public void took(String section, long nanos) {
            ms.computeIfAbsent(section, s -> new ArrayList<>()).add(nanos / 1e6);
        }
    }

    Benchmark reviews(int historyCases, Path sharedData) {
        return new Benchmark() {
            public String name() {
                return "reviews";
            }

            public List<Figure> run() {
                // the agendas are opened as the county's staff open them: in Chinese (the warm-up prepares those)
                org.springframework.context.i18n.LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
                List<Figure> figures = new ArrayList<>();
                Actor town = actors.named("fq.dispatcher");
                Actor county = actors.named("county.leader");
                long synthetic = jdbc.sql("select count(*) from case_report where tracking_code like 'SYN%'")
                        .query(Long.class).single();
                if (synthetic < historyCases) {
                    SeedTexts texts = SeedTexts.from(sharedData);
                    System.out.println("bench: synthetic history texts: " + texts.source());
                    long started = System.nanoTime();
                    long added = history.add(historyCases - synthetic, "330681", county.unitId(),
                            actors.unitId("FQ-SFS"), county.userId(), clock.instant(), 5,
                            texts.texts());
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf(Locale.ROOT, "bench: wrote %d synthetic cases in %.0f s (%.0f rows/s)%n",
                            added, seconds, added / seconds);
                    figures.add(new Figure("reviews-history-load", seconds, "s"));
                    figures.add(new Figure("reviews-history-load-rate", added / seconds, "cases/s"));
                }
                long total = jdbc.sql("select count(*) from case_report").query(Long.class).single();
                System.out.printf(Locale.ROOT, "bench: review agendas over %d cases%n", total);
                figures.add(new Figure("reviews-history-cases", total, "cases"));
                long touched = jdbc.sql("select min(c.id) from case_report c where c.tracking_code not like 'SYN%' and "
                        + CaseStatus.sqlIn("c.status", CaseStatus::isOpen)).query(Long.class).single();

                // the first of the day: nothing cached
                Sections coldTown = new Sections();
                long t0 = System.nanoTime();
                agendas.agenda(town, null, null, coldTown);
                figures.add(progress(new Figure("reviews-township-weekly-agenda-first", ms(t0), "ms")));
                Sections coldCounty = new Sections();
                t0 = System.nanoTime();
                agendas.agenda(county, null, null, coldCounty);
                long r0 = System.nanoTime();
                report.report(county, null, null, Locale.SIMPLIFIED_CHINESE);
                figures.add(progress(new Figure("reviews-county-monthly-report-first", ms(r0), "ms")));
                figures.add(progress(new Figure("reviews-county-monthly-agenda-and-report-first", ms(t0), "ms")));
                sections(figures, "township-first", coldTown);
                sections(figures, "county-first", coldCounty);

                Sections townSections = new Sections();
                List<Double> township = new ArrayList<>();
                for (int i = 0; i < TOWNSHIP_RUNS; i++) {
                    touch(town, touched);
                    long t = System.nanoTime();
                    agendas.agenda(town, null, null, townSections);
                    township.add(ms(t));
                }
                figures.add(progress(new Figure("reviews-township-weekly-agenda-p50", pct(township, 0.5), "ms")));
                figures.add(progress(new Figure("reviews-township-weekly-agenda-p95", pct(township, 0.95), "ms")));
                Sections countySections = new Sections();
                List<Double> monthly = new ArrayList<>();
                List<Double> reports = new ArrayList<>();
                for (int i = 0; i < COUNTY_RUNS; i++) {
                    touch(town, touched);
                    long t = System.nanoTime();
                    agendas.agenda(county, null, null, countySections);
                    long r = System.nanoTime();
                    report.report(county, null, null, Locale.SIMPLIFIED_CHINESE);
                    reports.add(ms(r));
                    monthly.add(ms(t));
                }
                figures.add(progress(new Figure("reviews-county-monthly-agenda-and-report-p50", pct(monthly, 0.5),
                        "ms")));
                figures.add(progress(new Figure("reviews-county-monthly-agenda-and-report-max", pct(monthly, 1.0),
                        "ms")));
                figures.add(progress(new Figure("reviews-county-monthly-report-p50", pct(reports, 0.5), "ms")));
                sections(figures, "township", townSections);
                sections(figures, "county", countySections);
                afterWarmUp(figures, town, county, touched);
                return figures;
            }
        };
    }

    /**
     * The first agenda of a meeting day after the warm-up ({@link ReviewWarmUp}): on each centre's next meeting day
     * (the platform's clock set to it, so every cache keyed by the day is empty), the warm-up runs an hour before
     * the meeting, a case changes, and at the meeting's time the agenda is opened (the county's with its report).
     * The hot topics then come from the list the warm-up stored, as on an instance that did not run it.
     */
    private void afterWarmUp(List<Figure> figures, Actor town, Actor county, long touched) {
        Sections townSections = new Sections();
        Sections countySections = new Sections();
        double[] townMs = new double[1];
        double[] countyMs = new double[1];
        onMeetingDay(figures, "township", town, () -> {
            long t = System.nanoTime();
            agendas.agenda(town, null, null, townSections);
            townMs[0] = ms(t);
        }, town, touched);
        figures.add(progress(new Figure("reviews-township-weekly-agenda-after-warm-up", townMs[0], "ms")));
        onMeetingDay(figures, "county", county, () -> {
            long t = System.nanoTime();
            agendas.agenda(county, null, null, countySections);
            report.report(county, null, null, Locale.SIMPLIFIED_CHINESE);
            countyMs[0] = ms(t);
        }, town, touched);
        figures.add(progress(new Figure("reviews-county-monthly-agenda-and-report-after-warm-up", countyMs[0], "ms")));
        sections(figures, "township-after-warm-up", townSections);
        sections(figures, "county-after-warm-up", countySections);
    }

    private void onMeetingDay(List<Figure> figures, String which, Actor actor, Runnable open, Actor toucher,
                              long touched) {
        ReviewCadences.Cadence cadence = cadences.of(actor.unit());
        LocalDate day = cadence.nextOnOrAfter(ChinaTime.dateOf(clock.instant()).plusDays(1));
        Instant meeting = day.atTime(cadence.time()).atZone(ChinaTime.ZONE).toInstant();
        // a meeting day as the platform meets it the first time: no list stored for it by an earlier run of this
        // benchmark on the same data directory (the warm-up would find the day warm and do nothing)
        jdbc.sql("delete from review_hot_topic_list where day = ?").param(day).update();
        long t = System.nanoTime();
        int warmed = clock.at(meeting.minus(Duration.ofHours(1)), warmUp::run);
        figures.add(progress(new Figure("reviews-warm-up-" + which + "-day", ms(t), "ms")));
        System.out.printf(Locale.ROOT, "bench: warm-up on %s warmed %d centres%n", day, warmed);
        touch(toucher, touched);
        clock.at(meeting, open);
    }

    /** One figure per section: the median of its runs (the only value of a single run). */
    private static void sections(List<Figure> figures, String which, Sections s) {
        s.ms.forEach((section, samples) -> figures.add(progress(new Figure(
                "reviews-section-" + section + "-" + which + "-p50", pct(samples, 0.5), "ms"))));
    }

    /** Says the figure at once (a long run shows its progress), and returns it for the summary. */
    private static Figure progress(Figure f) {
        System.out.println("bench: " + f.name() + " " + String.format(Locale.ROOT, "%.1f %s", f.value(), f.unit()));
        return f;
    }

    private static double ms(long started) {
        return (System.nanoTime() - started) / 1e6;
    }

    private static double pct(List<Double> samples, double q) {
        return PageBenchmark.percentile(samples.stream().mapToDouble(Double::doubleValue).sorted().toArray(), q);
    }

    /** A change to a case: every cache filed under the newest event is stale afterwards. */
    private void touch(Actor actor, long caseId) {
        cases.addNote(actor, caseId, new CaseCommands.Note("基准测试：使缓存失效"));
    }

}
