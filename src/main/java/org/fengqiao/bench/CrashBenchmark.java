package org.fengqiao.bench;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * {@code crash}: the platform runs as a child process on a kept data directory with durable commits; client
 * threads register and advance cases over HTTP; once a round has {@code casesPerRound} acknowledged cases, a
 * few cases' acceptance deadlines are moved into the past and the JVM, the postmaster and its backends are all
 * SIGKILLed mid-load. After each restart every acknowledged case and event must be in the database, and every
 * deadline that had passed must carry its {@code DeadlineMissed} mark once the first deadline sweep has run.
 * After the last kill the records' own verification runs on the crashed data directory
 * ({@link RecordsVerification}). Any loss fails the run.
 */
final class CrashBenchmark implements Benchmark {

    /** Settings of the child platform: the sweep often, so a restart's catch-up is seen in seconds. */
    static final List<String> PLATFORM_SETTINGS = List.of("--fengqiao.scheduler.sweep-interval=PT5S",
            "--fengqiao.scheduler.polling-interval=PT1S", "--fengqiao.scheduler.heartbeat-interval=PT2S",
            "--logging.level.root=WARN", "--logging.level.org.fengqiao=INFO");
    private static final int BACKDATED_PER_ROUND = 5;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration SWEEP_TIMEOUT = Duration.ofMinutes(3);

    private final int kills;
    private final int casesPerRound;
    private final int clients;
    private final Path dataDir;
    private final List<String> platformArgs;

    CrashBenchmark(int kills, int casesPerRound, int clients, Path dataDir, List<String> platformArgs) {
        this.kills = kills;
        this.casesPerRound = casesPerRound;
        this.clients = clients;
        this.dataDir = dataDir;
        this.platformArgs = List.copyOf(platformArgs);
    }

    @Override
    public String name() {
        return "crash";
    }

    /** The round-by-round result; {@link #run()} turns it into figures and fails on any loss. */
    record Outcome(int kills, int casesAcknowledged, int transitionsAcknowledged, CrashCheck.Findings worst,
                   List<Long> restartMillis, List<Long> catchUpMillis, int deadlinesBackdated,
                   RecordsVerification.Result records) {
    }

    @Override
    public List<Figure> run() {
        Outcome o = crash();
        List<Figure> figures = new ArrayList<>(List.of(
                new Figure("crash.kills", o.kills(), "kills"),
                new Figure("crash.cases_acknowledged", o.casesAcknowledged(), "cases"),
                new Figure("crash.transitions_acknowledged", o.transitionsAcknowledged(), "transitions"),
                new Figure("crash.cases_lost", o.worst().casesLost(), "cases"),
                new Figure("crash.events_lost", o.worst().eventsLost(), "events"),
                new Figure("crash.cases_without_registration", o.worst().casesWithoutRegistration(), "cases"),
                new Figure("crash.deadline_marks_missing", o.worst().deadlineMarksMissing(), "cases"),
                new Figure("crash.deadlines_backdated", o.deadlinesBackdated(), "cases"),
                new Figure("crash.restart_p50", percentile(o.restartMillis(), 0.5), "ms"),
                new Figure("crash.restart_max", percentile(o.restartMillis(), 1.0), "ms"),
                new Figure("crash.deadline_catch_up_p50", percentile(o.catchUpMillis(), 0.5), "ms"),
                new Figure("crash.deadline_catch_up_max", percentile(o.catchUpMillis(), 1.0), "ms")));
        System.out.println("crash: records verification " + o.records());
        if (!o.worst().clean() || o.records() == RecordsVerification.Result.BROKEN) {
            figures.forEach(System.out::println);
            throw new IllegalStateException("crash safety violated: " + o.worst() + ", records " + o.records());
        }
        return figures;
    }

    /** Runs the rounds; the child platform is killed in every case before this returns. */
    Outcome crash() {
        CrashLoad load = new CrashLoad();
        List<Long> restarts = new ArrayList<>();
        List<Long> catchUps = new ArrayList<>();
        List<Long> backdated = new ArrayList<>();
        CrashCheck.Findings worst = new CrashCheck.Findings(0, 0, 0, 0);
        List<String> args = new ArrayList<>(PLATFORM_SETTINGS);
        args.addAll(platformArgs);
        int killed = 0;
        try (PlatformProcess platform = new PlatformProcess(dataDir, freePort(), args)) {
            long firstStart = platform.start(START_TIMEOUT);
            System.out.printf(Locale.ROOT, "crash: platform up in %d ms on %s%n", firstStart, platform.dataDir());
            for (int round = 1; round <= kills; round++) {
                CrashLoad.Round r = load.new Round(platform.port(), clients);
                while (r.registered() < casesPerRound) {
                    PlatformProcess.sleep(20);
                }
                try (Connection db = CrashCheck.connect(platform.databasePort())) {
                    List<Long> candidates = new ArrayList<>();
                    for (Long id = load.leftAssigned.poll(); id != null && candidates.size() < BACKDATED_PER_ROUND;
                         id = load.leftAssigned.poll()) {
                        candidates.add(id);
                    }
                    CrashCheck.backdateAcceptance(db, candidates);
                    backdated.addAll(candidates);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("could not reach the embedded PostgreSQL", e);
                }
                platform.killHard();
                killed++;
                r.stop();
                Instant restartedAt = Instant.now();
                long restart = platform.start(START_TIMEOUT);
                restarts.add(restart);
                CrashCheck.Findings f = afterRestart(platform, load, backdated, restartedAt, catchUps);
                System.out.printf(Locale.ROOT, "crash: kill %d/%d, %d cases acknowledged so far, restart %d ms, %s%n",
                        round, kills, load.acknowledged.size(), restart, f);
                worst = worse(worst, f);
            }
        }
        RecordsVerification.Result records = RecordsVerification.run(dataDir, platformArgs);
        return new Outcome(killed, load.acknowledged.size(), load.transitions.get(), worst, restarts, catchUps,
                backdated.size(), records);
    }

    /** Waits for the first deadline sweep that started after the restart, then checks everything acknowledged. */
    private static CrashCheck.Findings afterRestart(PlatformProcess platform, CrashLoad load, List<Long> backdated,
                                                    Instant restartedAt, List<Long> catchUps) {
        try (Connection db = CrashCheck.connect(platform.databasePort())) {
            long began = System.nanoTime();
            long deadline = began + SWEEP_TIMEOUT.toNanos();
            while (!CrashCheck.lastSweep(db).isAfter(restartedAt)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no deadline sweep ran within " + SWEEP_TIMEOUT + " of a restart");
                }
                PlatformProcess.sleep(100);
            }
            catchUps.add((System.nanoTime() - began) / 1_000_000);
            return CrashCheck.check(db, load.acknowledged, backdated, restartedAt);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not check the restarted platform's database", e);
        }
    }

    private static CrashCheck.Findings worse(CrashCheck.Findings a, CrashCheck.Findings b) {
        return new CrashCheck.Findings(Math.max(a.casesLost(), b.casesLost()), Math.max(a.eventsLost(), b.eventsLost()),
                Math.max(a.casesWithoutRegistration(), b.casesWithoutRegistration()),
                Math.max(a.deadlineMarksMissing(), b.deadlineMarksMissing()));
    }

    static double percentile(List<Long> values, double q) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1 < 0 ? 0
                : (int) Math.ceil(q * sorted.size()) - 1));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
