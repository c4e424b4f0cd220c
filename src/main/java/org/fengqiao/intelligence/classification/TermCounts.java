package org.fengqiao.intelligence.classification;

/**
 * The distinct feature keys of one text, ascending, with how often each occurs.
 * The arrays are owned by this record and must not be modified.
 */
record TermCounts(long[] keys, int[] counts) {

    int size() {
        return keys.length;
    }
}
