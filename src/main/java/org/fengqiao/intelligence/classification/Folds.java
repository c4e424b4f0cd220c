package org.fengqiao.intelligence.classification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Stratified assignment of examples to cross-validation folds. */
final class Folds {

    private Folds() {
    }

    /**
     * Returns the fold, in {@code 0..folds-1}, of each example, dealing every class's examples
     * round-robin in a shuffled order so that each fold gets its share of every class.
     */
    static int[] stratified(int[] classOf, int classes, int folds, long seed) {
        Random random = new Random(seed);
        int[] fold = new int[classOf.length];
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < classOf.length; i++) {
                if (classOf[i] == c) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            for (int j = 0; j < members.size(); j++) {
                fold[members.get(j)] = j % folds;
            }
        }
        return fold;
    }
}
