package org.fengqiao.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ConfigurableApplicationContext;

import org.fengqiao.FengqiaoApplication;

/**
 * {@code ./fengqiao bench [--cases=N] [--threads=T] [--only=name,…] [--shared-data=DIR] [--page-cases=N]
 * [--users=N] [--seconds=N] [--think-ms=N] [--page-writes-per-minute=N] [--citizens=N] [--public-reports-per-minute=N]
 * [--review-cases=N] [--fengqiao.…=…]}: first the text
 * benchmarks (classifier, duplicates) on the public data in {@code ../shared/data}, then starts the platform on a
 * throw-away embedded PostgreSQL with durable commits ({@code fsync=on}, {@code synchronous_commit=on}), loads the
 * demo county, and runs each platform benchmark after a warm-up.
 */
public final class BenchmarkCommand {

    private BenchmarkCommand() {
    }

    /** The benchmark's own options, {@code --name=value}, with their defaults; any other argument goes to Spring. */
    private static final java.util.Map<String, Integer> NUMBERS = java.util.Map.ofEntries(
            java.util.Map.entry("--cases", 20_000), java.util.Map.entry("--threads", 8),
            java.util.Map.entry("--page-cases", 100_000), java.util.Map.entry("--users", 50),
            java.util.Map.entry("--seconds", 60), java.util.Map.entry("--think-ms", 1000),
            java.util.Map.entry("--page-writes-per-minute", 12), java.util.Map.entry("--kills", 20),
            java.util.Map.entry("--crash-cases", 200), java.util.Map.entry("--review-cases", 200_000),
            java.util.Map.entry("--citizens", 200), java.util.Map.entry("--public-reports-per-minute", 1000));
    private static final java.util.Set<String> WORDS = java.util.Set.of("--only", "--shared-data");
    /** The benchmarks {@code --only} may name that need no platform, and those that do. */
    private static final List<String> TEXT_NAMES = List.of("classifier", "duplicates", "laws");
    private static final List<String> PLATFORM_NAMES = List.of("intake", "closed-loop", "pages", "public", "reviews");
    /** Runs only when named: it starts its own platform as a child process and kills it, see {@link CrashBenchmark}. */
    static final String CRASH = "crash";
    static final List<String> NAMES = java.util.stream.Stream.of(TEXT_NAMES.stream(), PLATFORM_NAMES.stream(),
            java.util.stream.Stream.of(CRASH)).flatMap(s -> s).toList();

    /** The option's whole-number value, its default if not given. */
    private static int number(java.util.Map<String, String> given, String name, int least) {
        String value = given.get(name);
        if (value == null) {
            return NUMBERS.get(name);
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= least) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " takes a whole number of at least " + least + ", not \"" + value
                + "\"");
    }

    public static int run(String[] args) {
        java.util.Map<String, String> own = new java.util.HashMap<>();
        List<String> springArgs = new ArrayList<>(List.of("--fengqiao.durable=true",
                "--fengqiao.demo.enabled=true", "--spring.datasource.hikari.maximum-pool-size=40",
                "--logging.level.org.fengqiao=WARN", "--logging.level.root=WARN"));
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            if (NUMBERS.containsKey(name) || WORDS.contains(name)) {
                if (eq < 0 || arg.substring(eq + 1).isBlank()) {
                    System.err.println("bench: " + name + " needs a value, written " + name + "=VALUE");
                    return 2;
                }
                own.put(name, arg.substring(eq + 1));
            } else if (name.startsWith("--") && !name.contains(".")) {
                // Spring's properties all have a dot: a word without one is a mistyped option of the benchmark
                System.err.println("bench: unknown option " + name + "; the options are " + String.join(", ",
                        new java.util.TreeSet<>(java.util.stream.Stream.concat(NUMBERS.keySet().stream(),
                                WORDS.stream()).toList())) + ", and Spring properties such as --fengqiao.data-dir=DIR");
                return 2;
            } else {
                springArgs.add(arg);
            }
        }
        List<String> selected = own.containsKey("--only") ? List.of(own.get("--only").split(",")) : List.of();
        List<String> unknownNames = selected.stream().filter(name -> !NAMES.contains(name)).toList();
        if (!unknownNames.isEmpty()) {
            System.err.println("bench: no benchmark named " + String.join(", ", unknownNames)
                    + "; the benchmarks are " + String.join(", ", NAMES));
            return 2;
        }
        int cases;
        int threads;
        int pageCases;
        int users;
        int seconds;
        int think;
        int writesPerMinute;
        int kills;
        int crashCases;
        int reviewCases;
        int citizens;
        int reportsPerMinute;
        try {
            citizens = number(own, "--citizens", 1);
            reportsPerMinute = number(own, "--public-reports-per-minute", 0);
            reviewCases = number(own, "--review-cases", 0);
            cases = number(own, "--cases", 1);
            threads = number(own, "--threads", 1);
            pageCases = number(own, "--page-cases", 1);
            users = number(own, "--users", 1);
            seconds = number(own, "--seconds", 1);
            think = number(own, "--think-ms", 0);
            writesPerMinute = number(own, "--page-writes-per-minute", 0);
            kills = number(own, "--kills", 1);
            crashCases = number(own, "--crash-cases", 1);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            return 2;
        }
        java.nio.file.Path sharedData = java.nio.file.Path.of(own.getOrDefault("--shared-data",
                java.nio.file.Path.of("..", "shared", "data").toString()));
        java.nio.file.Path pairs = java.nio.file.Path.of("docs", "evaluation", "duplicate-pairs.tsv");
        boolean pages = selected.isEmpty() || selected.contains("pages");
        if (pages && pageCases > CaseSeeder.SERVICE_SEEDING_UP_TO) {
            // beyond the service seeder's range: the bulk generator, on a data directory the benchmark then reuses
            if (springArgs.stream().noneMatch(a -> a.startsWith("--fengqiao.data-dir="))) {
                try {
                    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("fengqiao-pages-");
                    springArgs.add("--fengqiao.data-dir=" + dir);
                    System.out.println("bench: " + pageCases + " cases are generated in bulk into " + dir
                            + " (kept: reuse it with --fengqiao.data-dir, delete it when done)");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            for (Benchmark.Figure f : SeedCommand.seedUpTo(pageCases, sharedData, springArgs)) {
                System.out.println(f);
            }
        }
        if (springArgs.stream().noneMatch(a -> a.startsWith("--fengqiao.data-dir="))) {
            // a fresh cluster each run, unless the caller keeps one (e.g. to reuse seeded cases)
            springArgs.add("--fengqiao.ephemeral=true");
        }
        System.out.printf(Locale.ROOT, "bench: %d cases, %d client threads, pages with %d cases and %d users for %d s "
                        + "(think %d ms, %d cases registered a minute), public side with %d citizens and %d reports a "
                        + "minute, %d cores, java %s%n", cases, threads, pageCases, users, seconds, think, writesPerMinute,
                citizens, reportsPerMinute,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        java.util.Set<String> known = new java.util.TreeSet<>();
        for (Benchmark b : TextBenchmarks.all(sharedData, pairs)) {
            known.add(b.name());
            if (selected.isEmpty() || selected.contains(b.name())) {
                for (Benchmark.Figure f : b.run()) {
                    System.out.println(f);
                }
            }
        }
        known.add(CRASH);
        if (selected.contains(CRASH)) {
            int clients = own.containsKey("--threads") ? threads : 4;
            for (Benchmark.Figure f : crash(kills, crashCases, clients, springArgs, args)) {
                System.out.println(f);
            }
        }
        if (!selected.isEmpty() && selected.stream().noneMatch(PLATFORM_NAMES::contains)) {
            return 0;
        }
        if (selected.isEmpty() || selected.contains("public")) {
            publicLimits(springArgs);
        }
        springArgs.add("--server.port=0");
        springArgs.add("--fengqiao.scheduler.enabled=false");
        long starting = System.nanoTime();
        try (ConfigurableApplicationContext context = FengqiaoApplication.serve(springArgs.toArray(String[]::new))) {
            System.out.println(new Benchmark.Figure("platform-start", (System.nanoTime() - starting) / 1e9, "s"));
            System.out.println(new Benchmark.Figure("heap-after-start", heapMegabytes(), "MB"));
            CaseBenchmarks benchmarks = context.getBean(CaseBenchmarks.class);
            benchmarks.verifyDurable();
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
            for (Benchmark b : benchmarks.all(cases, threads, pageCases, users, seconds, think, writesPerMinute, port, sharedData)) {
                known.add(b.name());
                if (!selected.isEmpty() && !selected.contains(b.name())) {
                    continue;
                }
                for (Benchmark.Figure f : b.run()) {
                    System.out.println(f);
                }
            }
            Benchmark publicSide = context.getBean(PublicBenchmarks.class).publicSide(pageCases, citizens, seconds, think,
                    reportsPerMinute, port, threads, sharedData);
            known.add(publicSide.name());
            if (selected.isEmpty() || selected.contains(publicSide.name())) {
                for (Benchmark.Figure f : publicSide.run()) {
                    System.out.println(f);
                }
            }
            // the in-memory indexes are built on first use: after the pages they are all there
            System.out.println(new Benchmark.Figure("heap-after-pages", heapMegabytes(), "MB"));
            System.out.println("bench: load average " + SeedCommand.loadAverage());
            // last: it adds a large synthetic history the other benchmarks should not read
            Benchmark reviews = context.getBean(ReviewBenchmarks.class).reviews(reviewCases, sharedData);
            known.add(reviews.name());
            if (selected.isEmpty() || selected.contains(reviews.name())) {
                for (Benchmark.Figure f : reviews.run()) {
                    System.out.println(f);
                }
            }
        }
        if (!known.equals(new java.util.TreeSet<>(NAMES))) {
            throw new IllegalStateException("BenchmarkCommand.NAMES " + NAMES + " differ from the benchmarks " + known);
        }
        return 0;
    }

    /** The heap in use after a full collection: what the platform holds, not what it has not collected yet. */
    private static double heapMegabytes() {
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
    }

    /**
     * The public benchmark's settings for this run only, and only where the caller set nothing else: the client
     * address is taken from {@code X-Forwarded-For} as behind a reverse proxy (each virtual citizen sends its own, so
     * the limits per address and per mobile number keep their defaults); the one Open311 client posts a fifth of
     * the reports (200 a minute) and gets that quota; SMS have no quiet hours (the run may fall in the night, China
     * time) and no daily cap per number (staff numbers get one message per new case). application.yml is untouched.
     */
    private static void publicLimits(List<String> springArgs) {
        List<String> raised = new ArrayList<>();
        for (String p : List.of("server.forward-headers-strategy=native", "fengqiao.open311.posts-per-minute=100000",
                "fengqiao.notifications.sms.quiet-from=00:00", "fengqiao.notifications.sms.quiet-until=00:00",
                "fengqiao.notifications.sms.daily-cap=1000000")) {
            String name = p.substring(0, p.indexOf('='));
            if (springArgs.stream().noneMatch(a -> a.startsWith("--" + name + "="))) {
                springArgs.add("--" + p);
                raised.add(p);
            }
        }
        System.out.println("bench: for the public benchmark, this run only: " + String.join(" ", raised));
    }

    /**
     * The crash benchmark on the caller's {@code --fengqiao.data-dir} (kept afterwards) or on a new directory under
     * the system's temporary directory; the child platform gets the caller's Spring properties.
     */
    private static List<Benchmark.Figure> crash(int kills, int casesPerRound, int clients, List<String> springArgs,
                                                String[] given) {
        java.nio.file.Path dir = springArgs.stream().filter(a -> a.startsWith("--fengqiao.data-dir=")).findFirst()
                .map(a -> java.nio.file.Path.of(a.substring("--fengqiao.data-dir=".length()))).orElse(null);
        try {
            dir = dir != null ? dir : java.nio.file.Files.createTempDirectory("fengqiao-crash-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> childArgs = java.util.Arrays.stream(given).filter(a -> a.startsWith("--") && a.contains(".")
                && !a.startsWith("--fengqiao.data-dir=")).toList();
        System.out.printf(Locale.ROOT, "bench: crash, %d kills, %d cases acknowledged a round, %d client threads, "
                + "data in %s%n", kills, casesPerRound, clients, dir.toAbsolutePath());
        return new CrashBenchmark(kills, casesPerRound, clients, dir, childArgs).run();
    }
}
