package org.fengqiao.intelligence.classification;

import java.util.Arrays;
import java.util.List;

/**
 * The vocabulary learnt from training texts and its inverse document frequencies; maps
 * {@link TermCounts} to L2-normalised, sublinear TF-IDF vectors.
 *
 * <p>Sublinear term frequency (1 + ln tf) keeps long, repetitive complaints from being dominated
 * by a few repeated words; L2 normalisation makes short and long texts comparable. Immutable and
 * thread-safe once built.
 */
final class FeatureSpace {

    private static final int ABSENT = -1;

    private final long[] keys;
    private final float[] idf;
    private final LongIntHashMap index;

    FeatureSpace(long[] keys, float[] idf) {
        if (keys.length != idf.length) {
            throw new IllegalArgumentException("keys and idf differ in length");
        }
        this.keys = keys;
        this.idf = idf;
        this.index = new LongIntHashMap(keys.length);
        for (int i = 0; i < keys.length; i++) {
            index.put(keys[i], i);
        }
    }

    /** Keeps the keys found in at least {@code minDocumentFrequency} of {@code documents}. */
    static FeatureSpace fit(List<TermCounts> documents, int minDocumentFrequency) {
        LongIntHashMap df = new LongIntHashMap(1 << 16);
        for (TermCounts doc : documents) {
            for (long key : doc.keys()) {
                df.add(key, 1);
            }
        }
        long[] kept = new long[df.size()];
        int[] n = {0};
        df.forEach((key, count) -> {
            if (count >= minDocumentFrequency) {
                kept[n[0]++] = key;
            }
        });
        long[] keys = Arrays.copyOf(kept, n[0]);
        Arrays.sort(keys);
        float[] idf = new float[keys.length];
        double docs = documents.size();
        for (int i = 0; i < keys.length; i++) {
            idf[i] = (float) (Math.log((1 + docs) / (1 + df.get(keys[i], 0))) + 1);
        }
        return new FeatureSpace(keys, idf);
    }

    int dimension() {
        return keys.length;
    }

    long[] keys() {
        return keys.clone();
    }

    float[] idf() {
        return idf.clone();
    }

    /** Returns the normalised vector with ascending indices; keys outside the vocabulary are ignored. */
    SparseVector vectorize(TermCounts counts) {
        int[] indices = new int[counts.size()];
        float[] values = new float[counts.size()];
        int n = 0;
        double norm = 0;
        long[] docKeys = counts.keys();
        int[] docCounts = counts.counts();
        for (int i = 0; i < docKeys.length; i++) {
            int feature = index.get(docKeys[i], ABSENT);
            if (feature != ABSENT) {
                float value = (float) ((1 + Math.log(docCounts[i])) * idf[feature]);
                indices[n] = feature;
                values[n++] = value;
                norm += (double) value * value;
            }
        }
        normalize(values, n, norm);
        // Keys are sorted and indices follow key order, so the indices are already ascending.
        return new SparseVector(Arrays.copyOf(indices, n), Arrays.copyOf(values, n));
    }

    private static void normalize(float[] values, int n, double squaredNorm) {
        if (squaredNorm > 0) {
            float scale = (float) (1 / Math.sqrt(squaredNorm));
            for (int i = 0; i < n; i++) {
                values[i] *= scale;
            }
        }
    }
}
