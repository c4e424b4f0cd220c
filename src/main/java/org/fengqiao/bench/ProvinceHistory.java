package org.fengqiao.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.PlatformClock;

/**
 * The bulk generator behind {@code ./fengqiao seed}: a province's history of {@code years} years loaded with
 * PostgreSQL's {@code COPY} — the places and people ({@link ProvinceGeography}), then the cases in registration
 * order with their search terms, involved units, evaluations and events ({@link ProvinceCases}), five tables
 * streaming at once over five connections. Before a large load the secondary indexes of those tables are dropped
 * (their definitions read from {@code pg_indexes} and printed first) and afterwards recreated exactly, two at a time;
 * per-row foreign-key checks are skipped during the {@code COPY} ({@link CopyRows}) and the references checked
 * set-based at the end; then {@code ANALYZE}. Prints {@code BENCH} lines: rows per second per table, cases per
 * second overall, the time of each phase and the database's size. For benchmarks and trials only: the cases are
 * synthetic (see {@link ProvinceCases}), never in a database that serves people.
 */
@Component
class ProvinceHistory {

    /** From this many cases on, the indexes are dropped before and rebuilt after the load. */
    static final long REBUILD_INDEXES_FROM = 200_000;
    /** Each {@code COPY} commits after this many cases, so a long load is written in pieces. */
    private static final int COMMIT_EVERY = 250_000;
    private static final List<String> TABLES = List.of("cases", "case_text", "case_unit", "case_event",
            "case_evaluation");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final PlatformClock clock;
    /** {@link #REBUILD_INDEXES_FROM}; a test lowers it to see the indexes come back on a small load. */
    long rebuildIndexesFrom = REBUILD_INDEXES_FROM;

    ProvinceHistory(DataSource dataSource, JdbcClient jdbc, PlatformClock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What to generate: {@code cases} more, or with {@code upTo} as many as the database holds fewer than
     * {@code cases}; {@code townships} per synthetic county and {@code villages} per township.
     */
    record Plan(long cases, boolean upTo, int counties, int years, int townships, int villages, long seed,
                Path sharedData) {

        /** About 110,000 cases a county (浙江 has 90 counties for ten million), at least one, at most 99. */
        static int countiesFor(long cases) {
            return (int) Math.max(1, Math.min(99, Math.round(cases / 110_000.0)));
        }
    }

    /** Loads the history; returns the figures (also printed to {@code out} as they come). */
    List<Benchmark.Figure> generate(Plan plan, PrintStream out) {
        List<Benchmark.Figure> figures = new ArrayList<>();
        if (plan.upTo()) {
            long held = jdbc.sql("select count(*) from case_report").query(Long.class).single();
            plan = new Plan(Math.max(0, plan.cases() - held), false, plan.counties(), plan.years(), plan.townships(),
                    plan.villages(), plan.seed(), plan.sharedData());
        }
        if (plan.cases() == 0) {
            out.println("seed: the database holds the cases already, nothing to add");
            return figures;
        }
        // whole seconds: the events' times are hashed as stored, and PostgreSQL keeps microseconds
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long t0 = System.nanoTime();
        var counties = ProvinceGeography.load(dataSource, jdbc, plan.counties(), plan.townships(), plan.villages(), now);
        int villages = counties.stream().mapToInt(List::size).sum();
        out.printf(Locale.ROOT, "seed: %d counties, %d villages, %d units, %d accounts (%.1f s)%n", counties.size(),
                villages, jdbc.sql("select count(*) from unit").query(Long.class).single(),
                jdbc.sql("select count(*) from staff_user").query(Long.class).single(), seconds(t0));
        List<String> categories = jdbc.sql("""
                select code from category c where c.active
                and not exists (select 1 from category k where k.parent_code = c.code) order by code""")
                .query(String.class).list();
        SeedTexts texts = SeedTexts.from(plan.sharedData());
        out.println("seed: texts: " + texts.source());
        Instant start = now.minus(Duration.ofDays(365L * plan.years()));
        int firstYear = ZonedDateTime.ofInstant(start, ChinaTime.ZONE).getYear();
        int lastYear = ZonedDateTime.ofInstant(now, ChinaTime.ZONE).getYear() + 1;
        jdbc.sql("select ensure_history_partitions(?, ?)").params(firstYear, lastYear).query(Integer.class).single();

        List<String[]> dropped = plan.cases() >= rebuildIndexesFrom ? dropIndexes(out) : List.of();
        long firstId = jdbc.sql("select greatest(coalesce((select max(id) from case_report), 0), "
                + "(select last_value from case_id_seq)) + 1000").query(Long.class).single();
        ProvinceCases generator = new ProvinceCases(counties, categories, texts.texts(), now, plan.seed());
        SplittableRandom jitter = new SplittableRandom(plan.seed() + 1);
        long spanSeconds = Duration.between(start, now).toSeconds();
        long events = 0;
        long t1 = System.nanoTime();
        ProvinceCases.Sinks sinks = new ProvinceCases.Sinks(
                new CopyRows(dataSource, "cases", ProvinceCases.CASE_COLUMNS, true),
                new CopyRows(dataSource, "case_text", ProvinceCases.TEXT_COLUMNS, true),
                new CopyRows(dataSource, "case_unit", ProvinceCases.UNIT_COLUMNS, true),
                new CopyRows(dataSource, "case_event", ProvinceCases.EVENT_COLUMNS, true),
                new CopyRows(dataSource, "case_evaluation", ProvinceCases.EVALUATION_COLUMNS, true));
        try {
            for (long i = 0; i < plan.cases(); i++) {
                long at = (long) ((i + 0.5) * spanSeconds / plan.cases()) - jitter.nextInt(300);
                Instant registered = start.plusSeconds(Math.max(0, Math.min(spanSeconds - 60, at)));
                events += generator.write(firstId + i, registered, sinks);
                if ((i + 1) % COMMIT_EVERY == 0) {
                    sinks.all().forEach(CopyRows::commit);
                    out.printf(Locale.ROOT, "seed: %,d cases, %,d events (%.0f cases/s)%n", i + 1, events,
                            (i + 1) / seconds(t1));
                }
            }
            sinks.all().forEach(CopyRows::close);
        } catch (RuntimeException e) {
            sinks.all().forEach(CopyRows::abandon);
            sinks.all().forEach(CopyRows::close);
            recreate(dropped, out);
            throw e;
        }
        double load = seconds(t1);
        jdbc.sql("select setval('case_id_seq', (select max(id) from case_report) + 1000)").query(Long.class).single();
        out.printf(Locale.ROOT, "seed: %,d cases and %,d events written in %.1f s%n", plan.cases(), events, load);
        for (CopyRows s : sinks.all()) {
            figures.add(figure(out, "seed-rows-" + s.table(), s.rows() / load, "rows/s"));
        }
        figures.add(figure(out, "seed-cases", plan.cases() / load, "cases/s"));
        figures.add(figure(out, "seed-copy", load, "s"));
        long t2 = System.nanoTime();
        recreate(dropped, out);
        figures.add(figure(out, "seed-indexes", seconds(t2), "s"));
        long t3 = System.nanoTime();
        checkReferences(firstId);
        figures.add(figure(out, "seed-check", seconds(t3), "s"));
        long t4 = System.nanoTime();
        for (String table : TABLES) {
            jdbc.sql("analyze " + table).update();
        }
        figures.add(figure(out, "seed-analyze", seconds(t4), "s"));
        figures.add(figure(out, "seed-total", seconds(t0), "s"));
        figures.add(figure(out, "seed-database-size", jdbc.sql("select pg_database_size(current_database())")
                .query(Long.class).single() / 1e6, "MB"));
        return figures;
    }

    private static Benchmark.Figure figure(PrintStream out, String name, double value, String unit) {
        Benchmark.Figure f = new Benchmark.Figure(name, value, unit);
        out.println(f);
        return f;
    }

    /** Drops the secondary indexes of the tables loaded (not those behind a constraint); returns name and definition. */
    private List<String[]> dropIndexes(PrintStream out) {
        List<String[]> dropped = new ArrayList<>();
        for (String table : TABLES) {
            dropped.addAll(jdbc.sql("""
                    select i.indexname, i.indexdef from pg_indexes i
                    where i.schemaname = current_schema() and i.tablename = ?
                      and not exists (select 1 from pg_constraint c
                                      where c.conindid = to_regclass(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname)))
                    order by i.indexname""").param(table)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list());
        }
        out.println("seed: dropping these indexes for the load and recreating them after it:");
        for (String[] index : dropped) {
            out.println("  " + index[1] + ";");
        }
        for (String[] index : dropped) {
            jdbc.sql("drop index " + quote(index[0])).update();
        }
        return dropped;
    }

    /** Recreates the dropped indexes from their definitions, two at a time (one per core of the build machine). */
    private void recreate(List<String[]> dropped, PrintStream out) {
        if (dropped.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> builds = new ArrayList<>();
            for (String[] index : dropped) {
                builds.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                        s.execute("set maintenance_work_mem = '512MB'");
                        // a partitioned table's index reads "on only" (how pg_dump attaches the partitions' own
                        // indexes afterwards): created as such it would stay empty and invalid
                        s.execute(index[1].replace(" ON ONLY ", " ON "));
                    } catch (SQLException e) {
                        throw new IllegalStateException("cannot recreate " + index[1] + ": " + e.getMessage(), e);
                    }
                    out.printf(Locale.ROOT, "seed: index %s rebuilt in %.1f s%n", index[0], seconds(t));
                    return null;
                }));
            }
            for (Future<?> b : builds) {
                b.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The references the skipped per-row checks would have checked, set-based over the generated cases (through the
     * cases module's reporting view). The involved units and evaluations refer to the generated cases and to units
     * read from the database by construction ({@link ProvinceCases}), so they are not checked again.
     */
    private void checkReferences(long firstId) {
        long broken = jdbc.sql("""
                select count(*) from case_report c where c.id >= :first and (
                    not exists (select 1 from region r where r.code = c.region_code)
                    or (c.grid_code is not null and not exists (select 1 from region r where r.code = c.grid_code))
                    or (c.category_code is not null and not exists (select 1 from category k where k.code = c.category_code))
                    or (c.dispute_type is not null and not exists (select 1 from dispute_type d where d.code = c.dispute_type))
                    or not exists (select 1 from staff_user u where u.id = c.registered_by)
                    or not exists (select 1 from unit u where u.id = c.registering_unit)
                    or not exists (select 1 from unit u where u.id = c.owner_unit)
                    or (c.handling_unit is not null and not exists (select 1 from unit u where u.id = c.handling_unit))
                    or (c.merged_into is not null and not exists (select 1 from case_report m where m.id = c.merged_into)))
                """).param("first", firstId).query(Long.class).single();
        if (broken > 0) {
            throw new IllegalStateException(broken + " generated rows refer to rows that do not exist");
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
