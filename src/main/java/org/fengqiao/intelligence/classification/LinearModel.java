package org.fengqiao.intelligence.classification;

/**
 * One weight vector and bias per class over a {@link FeatureSpace}; scores a vector by dot
 * product. Immutable and thread-safe.
 *
 * @param classes   number of classes K
 * @param dimension number of features
 * @param weights   feature-major weights: {@code weights[feature * classes + k]}
 * @param bias      one bias per class
 */
record LinearModel(int classes, int dimension, float[] weights, float[] bias) {

    LinearModel {
        if (weights.length != (long) classes * dimension || bias.length != classes) {
            throw new IllegalArgumentException("weight shape does not match " + classes + " x " + dimension);
        }
    }

    /** Returns one decision value per class. */
    double[] scores(SparseVector x) {
        double[] scores = new double[classes];
        for (int k = 0; k < classes; k++) {
            scores[k] = bias[k];
        }
        int[] indices = x.indices();
        float[] values = x.values();
        for (int i = 0; i < indices.length; i++) {
            int offset = indices[i] * classes;
            float value = values[i];
            for (int k = 0; k < classes; k++) {
                scores[k] += value * weights[offset + k];
            }
        }
        return scores;
    }
}
