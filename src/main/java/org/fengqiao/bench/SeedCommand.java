package org.fengqiao.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

import org.fengqiao.FengqiaoApplication;

/**
 * {@code ./fengqiao seed --cases=N [--counties=K] [--years=5] [--townships=15] [--villages=20] [--seed=1]
 * [--shared-data=DIR] [--fengqiao.data-dir=DIR]}: starts the platform with the demo county (loaded if missing) on
 * the given data directory, loads a synthetic province-scale history with {@code COPY} ({@link ProvinceHistory}),
 * prints its figures and stops. Then {@code ./fengqiao serve --fengqiao.data-dir=DIR} or
 * {@code ./fengqiao bench --only=pages --page-cases=N --fengqiao.data-dir=DIR} work on it. For benchmarks and trials
 * only: give it a data directory of its own (it loads the demo county there and writes synthetic cases).
 */
public final class SeedCommand {

    private static final Set<String> NUMBERS = Set.of("--cases", "--counties", "--years", "--townships", "--villages",
            "--seed");

    private SeedCommand() {
    }

    public static int run(String[] args) {
        Map<String, String> own = new HashMap<>();
        List<String> springArgs = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            if (NUMBERS.contains(name) || name.equals("--shared-data")) {
                own.put(name, eq > 0 ? arg.substring(eq + 1) : "");
            } else if (name.startsWith("--") && name.contains(".")) {
                springArgs.add(arg);
            } else {
                System.err.println("seed: unknown option " + name + "; the options are --cases=N, --counties=K, "
                        + "--years=Y, --townships=T, --villages=V, --seed=S, --shared-data=DIR and Spring properties "
                        + "such as --fengqiao.data-dir=DIR");
                return 2;
            }
        }
        ProvinceHistory.Plan plan;
        try {
            long cases = number(own, "--cases", -1, 1, 100_000_000);
            plan = new ProvinceHistory.Plan(cases, false,
                    (int) number(own, "--counties", ProvinceHistory.Plan.countiesFor(cases), 1, 99),
                    (int) number(own, "--years", 5, 1, 20), (int) number(own, "--townships", 15, 1, 999),
                    (int) number(own, "--villages", 20, 1, 999), number(own, "--seed", 1, 0, Long.MAX_VALUE),
                    Path.of(own.getOrDefault("--shared-data", Path.of("..", "shared", "data").toString())));
        } catch (IllegalArgumentException e) {
            System.err.println("seed: " + e.getMessage());
            return 2;
        }
        seed(plan, springArgs);
        return 0;
    }

    /** Starts the platform on the caller's settings, loads the history, stops; returns the figures. */
    static List<Benchmark.Figure> seed(ProvinceHistory.Plan plan, List<String> springArgs) {
        List<String> all = new ArrayList<>(springArgs);
        // the defaults the caller did not set (a property given twice would reach Spring as "a,b")
        for (String d : List.of("--fengqiao.demo.enabled=true", "--server.port=0", "--fengqiao.scheduler.enabled=false",
                "--logging.level.org.fengqiao=WARN", "--logging.level.root=WARN")) {
            String name = d.substring(0, d.indexOf('=') + 1);
            if (springArgs.stream().noneMatch(a -> a.startsWith(name))) {
                all.add(d);
            }
        }
        System.out.printf("seed: %,d cases over %d years in %d counties (%d townships of %d villages each in the "
                        + "synthetic ones), %d cores, load average %s%n", plan.cases(), plan.years(), plan.counties(),
                plan.townships(), plan.villages(), Runtime.getRuntime().availableProcessors(), loadAverage());
        try (ConfigurableApplicationContext context = FengqiaoApplication.serve(all.toArray(String[]::new))) {
            List<Benchmark.Figure> figures = context.getBean(ProvinceHistory.class).generate(plan, System.out);
            System.out.println("seed: done, load average " + loadAverage());
            return figures;
        }
    }

    /**
     * For the page benchmark: the platform's settings as the benchmark starts it, and as many synthetic cases as the
     * database lacks of {@code cases} (none when it holds them already, e.g. a data directory seeded before).
     */
    static List<Benchmark.Figure> seedUpTo(long cases, Path sharedData, List<String> benchmarkArgs) {
        return seed(new ProvinceHistory.Plan(cases, true, ProvinceHistory.Plan.countiesFor(cases), 5, 15, 20, 1, sharedData),
                benchmarkArgs);
    }

    /** The machine's load average over the last minute (the build machine is shared: say so with every figure). */
    static String loadAverage() {
        return String.format(java.util.Locale.ROOT, "%.2f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long number(Map<String, String> given, String name, long fallback, long least, long most) {
        String value = given.get(name);
        if (value == null) {
            if (fallback < 0) {
                throw new IllegalArgumentException(name + " is required, e.g. " + name + "=1000000");
            }
            return fallback;
        }
        try {
            long n = Long.parseLong(value.strip().replace("_", ""));
            if (n >= least && n <= most) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " takes a whole number from " + least + " to " + most);
    }
}
