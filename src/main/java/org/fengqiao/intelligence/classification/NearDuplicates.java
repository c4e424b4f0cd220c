package org.fengqiao.intelligence.classification;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * MinHash estimate of the Jaccard similarity of two texts' character-trigram sets, and grouping of
 * near-duplicate texts by it. Used by {@link TrainingData#withoutNearDuplicates(List)} and, in
 * src/test, to keep near-duplicates in one cross-validation fold (the dev and test sets contain no
 * near-duplicates of training texts, so ordinary folds would flatter the model). Deterministic.
 */
final class NearDuplicates {

    /** Texts whose estimated trigram Jaccard similarity reaches this are near-duplicates. */
    static final double THRESHOLD = 0.3;
    static final int HASHES = 96;

    private static final FeatureExtractor TRIGRAMS = new FeatureExtractor(new FeatureSpec(3, 3, false, false));

    private NearDuplicates() {
    }

    /** Union-find group ids of {@code texts} at {@link #THRESHOLD}; equal ids mean one group. */
    static int[] groupsOf(List<String> texts) {
        return groups(signatures(texts.stream().map(TRIGRAMS::extract).toList()), THRESHOLD);
    }

    /** Signatures of the trigram keys ({@code FeatureSpec(3, 3, false, false)}) of each text. */
    static int[][] signatures(List<TermCounts> docs) {
        Random r = new Random(1);
        long[] a = new long[HASHES];
        for (int i = 0; i < HASHES; i++) {
            a[i] = r.nextLong() | 1;
        }
        int[][] sig = new int[docs.size()][];
        for (int d = 0; d < docs.size(); d++) {
            int[] s = new int[HASHES];
            Arrays.fill(s, Integer.MAX_VALUE);
            for (long key : docs.get(d).keys()) {
                if ((key >>> 48) != 3) {
                    continue;
                }
                for (int i = 0; i < HASHES; i++) {
                    int h = (int) ((key * a[i]) >>> 33);
                    if (h < s[i]) {
                        s[i] = h;
                    }
                }
            }
            sig[d] = s;
        }
        return sig;
    }

    static double similarity(int[] x, int[] y) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (x[i] == y[i]) {
                same++;
            }
        }
        return (double) same / HASHES;
    }

    /** Union-find groups of documents whose estimated similarity reaches {@code threshold}. */
    static int[] groups(int[][] sig, double threshold) {
        int[] parent = new int[sig.length];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        int needed = (int) Math.ceil(threshold * HASHES);
        for (int i = 0; i < sig.length; i++) {
            int[] x = sig[i];
            for (int j = i + 1; j < sig.length; j++) {
                if (agreeing(x, sig[j], needed)) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        int[] g = new int[sig.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = find(parent, i);
        }
        return g;
    }

    /** Whether at least {@code needed} positions agree; the same test as similarity &gt;= threshold. */
    private static boolean agreeing(int[] x, int[] y, int needed) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (x[i] == y[i] && ++same >= needed) {
                return true;
            }
        }
        return needed <= 0;
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }
}
