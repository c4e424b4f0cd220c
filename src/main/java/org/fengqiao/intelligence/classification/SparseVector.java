package org.fengqiao.intelligence.classification;

/**
 * Feature indices, ascending (as LIBLINEAR requires), with their weights. The arrays are owned
 * by this record and must not be modified.
 */
record SparseVector(int[] indices, float[] values) {

    int size() {
        return indices.length;
    }
}
