package org.fengqiao.intelligence.topics;

import java.util.Arrays;

/**
 * Weighted pairs of documents, {@code a < b}, in the order they were found. Pairs not listed count as
 * similarity 0.
 */
final class SimilarityGraph {

    private final int nodes;
    private final int[] a;
    private final int[] b;
    private final double[] similarity;

    private SimilarityGraph(int nodes, int[] a, int[] b, double[] similarity) {
        this.nodes = nodes;
        this.a = a;
        this.b = b;
        this.similarity = similarity;
    }

    int nodes() {
        return nodes;
    }

    int edges() {
        return a.length;
    }

    int a(int edge) {
        return a[edge];
    }

    int b(int edge) {
        return b[edge];
    }

    double similarity(int edge) {
        return similarity[edge];
    }

    static final class Builder {
        private final int nodes;
        private int[] a = new int[1024];
        private int[] b = new int[1024];
        private double[] similarity = new double[1024];
        private int size;

        Builder(int nodes) {
            this.nodes = nodes;
        }

        void add(int from, int to, double s) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
                b = Arrays.copyOf(b, size * 2);
                similarity = Arrays.copyOf(similarity, size * 2);
            }
            a[size] = Math.min(from, to);
            b[size] = Math.max(from, to);
            similarity[size++] = s;
        }

        SimilarityGraph build() {
            return new SimilarityGraph(nodes, Arrays.copyOf(a, size), Arrays.copyOf(b, size),
                    Arrays.copyOf(similarity, size));
        }
    }
}
