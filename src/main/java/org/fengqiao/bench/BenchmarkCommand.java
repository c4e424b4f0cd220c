package org.fengqiao.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ConfigurableApplicationContext;

import org.fengqiao.FengqiaoApplication;

/**
 * {@code ./fengqiao bench [--cases=N] [--threads=T] [--only=name,…] [--shared-data=DIR]}: first the text
 * benchmarks (classifier, duplicates) on the public data in {@code ../shared/data}, then starts the platform on a
 * throw-away embedded PostgreSQL with durable commits ({@code fsync=on}, {@code synchronous_commit=on}), loads the
 * demo county, and runs each platform benchmark after a warm-up.
 */
public final class BenchmarkCommand {

    private BenchmarkCommand() {
    }

    public static int run(String[] args) {
        int cases = 20_000;
        int threads = 8;
        int pageCases = 100_000;
        int users = 50;
        int seconds = 60;
        int think = 1000;
        int writesPerMinute = 12;
        String only = "";
        java.nio.file.Path sharedData = java.nio.file.Path.of("..", "shared", "data");
        java.nio.file.Path pairs = java.nio.file.Path.of("docs", "evaluation", "duplicate-pairs.tsv");
        List<String> springArgs = new ArrayList<>(List.of("--fengqiao.durable=true",
                "--fengqiao.demo.enabled=true", "--spring.datasource.hikari.maximum-pool-size=40",
                "--logging.level.org.fengqiao=WARN", "--logging.level.root=WARN"));
        if (java.util.Arrays.stream(args).noneMatch(a -> a.startsWith("--fengqiao.data-dir="))) {
            // a fresh cluster each run, unless the caller keeps one (e.g. to reuse seeded cases)
            springArgs.add("--fengqiao.ephemeral=true");
        }
        for (String arg : args) {
            if (arg.startsWith("--cases=")) {
                cases = Integer.parseInt(arg.substring(8));
            } else if (arg.startsWith("--threads=")) {
                threads = Integer.parseInt(arg.substring(10));
            } else if (arg.startsWith("--page-cases=")) {
                pageCases = Integer.parseInt(arg.substring(13));
            } else if (arg.startsWith("--users=")) {
                users = Integer.parseInt(arg.substring(8));
            } else if (arg.startsWith("--think-ms=")) {
                think = Integer.parseInt(arg.substring(11));
            } else if (arg.startsWith("--page-writes-per-minute=")) {
                writesPerMinute = Integer.parseInt(arg.substring(25));
            } else if (arg.startsWith("--seconds=")) {
                seconds = Integer.parseInt(arg.substring(10));
            } else if (arg.startsWith("--only=")) {
                only = arg.substring(7);
            } else if (arg.startsWith("--shared-data=")) {
                sharedData = java.nio.file.Path.of(arg.substring(14));
            } else {
                springArgs.add(arg);
            }
        }
        System.out.printf(Locale.ROOT, "bench: %d cases, %d client threads, pages with %d cases and %d users for %d s "
                        + "(think %d ms, %d cases registered a minute), %d cores, java %s%n", cases, threads, pageCases,
                users, seconds, think, writesPerMinute,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        List<String> selected = only.isEmpty() ? List.of() : List.of(only.split(","));
        for (Benchmark b : TextBenchmarks.all(sharedData, pairs)) {
            if (selected.isEmpty() || selected.contains(b.name())) {
                for (Benchmark.Figure f : b.run()) {
                    System.out.println(f);
                }
            }
        }
        if (!selected.isEmpty() && selected.stream().allMatch(n -> n.equals("classifier") || n.equals("duplicates"))) {
            return 0;
        }
        springArgs.add("--server.port=0");
        springArgs.add("--fengqiao.scheduler.enabled=false");
        try (ConfigurableApplicationContext context = FengqiaoApplication.serve(springArgs.toArray(String[]::new))) {
            CaseBenchmarks benchmarks = context.getBean(CaseBenchmarks.class);
            benchmarks.verifyDurable();
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
            for (Benchmark b : benchmarks.all(cases, threads, pageCases, users, seconds, think, writesPerMinute, port, sharedData)) {
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
