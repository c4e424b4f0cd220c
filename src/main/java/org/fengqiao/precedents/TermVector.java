package org.fengqiao.precedents;

import java.util.Arrays;
import java.util.Map;

/**
 * How often each term occurs in a text, kept compact (a sorted array of numeric term keys and one of counts, about
 * 12 bytes a term) so that the vectors of many closed cases can be kept in memory and compared without analysing
 * their texts again. A term of up to three characters (a bigram, a single character) has a key of its own; a
 * longer one (a word in Latin letters or digits) is keyed by a 63-bit hash, which may in rare cases count two such
 * words as one — harmless for a similarity that only ranks.
 */
record TermVector(long[] keys, int[] counts, double norm) {

    static final TermVector EMPTY = new TermVector(new long[0], new int[0], 0);

    static TermVector of(Map<String, Integer> termCounts) {
        long[][] pairs = new long[termCounts.size()][];
        int i = 0;
        for (Map.Entry<String, Integer> e : termCounts.entrySet()) {
            pairs[i++] = new long[] {key(e.getKey()), e.getValue()};
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        long[] keys = new long[pairs.length];
        int[] counts = new int[pairs.length];
        int n = 0;
        double sum = 0;
        for (long[] p : pairs) {
            if (n > 0 && keys[n - 1] == p[0]) { // two long words with the same hash: counted as one
                sum -= (double) counts[n - 1] * counts[n - 1];
                counts[n - 1] += (int) p[1];
            } else {
                keys[n] = p[0];
                counts[n++] = (int) p[1];
            }
            sum += (double) counts[n - 1] * counts[n - 1];
        }
        return new TermVector(Arrays.copyOf(keys, n), Arrays.copyOf(counts, n), Math.sqrt(sum));
    }

    /** The cosine of the two texts' term counts: 1 for the same proportions of terms, 0 for no term in common. */
    double cosine(TermVector other) {
        if (norm == 0 || other.norm == 0) {
            return 0;
        }
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < keys.length && j < other.keys.length) {
            int c = Long.compare(keys[i], other.keys[j]);
            if (c == 0) {
                dot += (double) counts[i++] * other.counts[j++];
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return dot / (norm * other.norm);
    }

    int size() {
        return keys.length;
    }

    static long key(String term) {
        if (term.length() <= 3) {
            long k = term.length();
            for (int i = 0; i < term.length(); i++) {
                k = k << 16 | term.charAt(i);
            }
            return k; // below 2^50, distinct for distinct short terms
        }
        long h = 1125899906842597L;
        for (int i = 0; i < term.length(); i++) {
            h = 31 * h + term.charAt(i);
        }
        return h | Long.MIN_VALUE; // negative: never a short term's key
    }
}
