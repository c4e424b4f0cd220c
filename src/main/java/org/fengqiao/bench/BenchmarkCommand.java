package org.fengqiao.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ConfigurableApplicationContext;

import org.fengqiao.FengqiaoApplication;

/**
 * {@code ./fengqiao bench [--cases=N] [--threads=T] [--only=name,…]}: starts the platform on a throw-away
 * embedded PostgreSQL with durable commits ({@code fsync=on}, {@code synchronous_commit=on}), loads the demo
 * county, and runs each benchmark after a warm-up.
 */
public final class BenchmarkCommand {

    private BenchmarkCommand() {
    }

    public static int run(String[] args) {
        int cases = 20_000;
        int threads = 16;
        String only = "";
        List<String> springArgs = new ArrayList<>(List.of("--fengqiao.ephemeral=true", "--fengqiao.durable=true",
                "--fengqiao.demo.enabled=true", "--spring.datasource.hikari.maximum-pool-size=40",
                "--logging.level.org.fengqiao=WARN", "--logging.level.root=WARN"));
        for (String arg : args) {
            if (arg.startsWith("--cases=")) {
                cases = Integer.parseInt(arg.substring(8));
            } else if (arg.startsWith("--threads=")) {
                threads = Integer.parseInt(arg.substring(10));
            } else if (arg.startsWith("--only=")) {
                only = arg.substring(7);
            } else {
                springArgs.add(arg);
            }
        }
        System.out.printf(Locale.ROOT, "bench: %d cases, %d client threads, %d cores, java %s%n", cases, threads,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        try (ConfigurableApplicationContext context = FengqiaoApplication.startWithoutWeb(springArgs.toArray(String[]::new))) {
            CaseBenchmarks benchmarks = context.getBean(CaseBenchmarks.class);
            if (!springArgs.contains("--fengqiao.durable=false")) {
                benchmarks.verifyDurable();
            }
            for (Benchmark b : benchmarks.all(cases, threads)) {
                if (!only.isEmpty() && !List.of(only.split(",")).contains(b.name())) {
                    continue;
                }
                for (Benchmark.Figure f : b.run()) {
                    System.out.println(f);
                }
            }
        }
        return 0;
    }
}
