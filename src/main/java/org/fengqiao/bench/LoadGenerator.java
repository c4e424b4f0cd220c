package org.fengqiao.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs {@code operations} operations on {@code threads} client threads as fast as they complete and reports
 * throughput and latency percentiles.
 */
final class LoadGenerator {

    /** Throughput in operations per second, latencies in milliseconds. */
    record Result(int operations, double seconds, double perSecond, double p50, double p95, double p99) {
    }

    private LoadGenerator() {
    }

    static Result run(int operations, int threads, IntConsumer operation) {
        long[] latencies = new long[operations];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < operations; i = next.getAndIncrement()) {
                    long s = System.nanoTime();
                    operation.accept(i);
                    latencies[i] = System.nanoTime() - s;
                }
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("benchmark operation failed", e);
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Result(operations, seconds, operations / seconds, ms(latencies, 0.50), ms(latencies, 0.95),
                ms(latencies, 0.99));
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }
}
