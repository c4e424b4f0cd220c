package org.fengqiao.intelligence.classification;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of classifying one text.
 *
 * @param label      the most likely category
 * @param confidence the estimated probability of {@code label}, in [0, 1]
 * @param top        the most likely categories, best first (at most three), whose confidences
 *                   sum to at most 1; its first element is {@code label}
 */
public record Prediction(String label, double confidence, List<Scored> top) {

    /** Copies {@code top} so the record is immutable. */
    public Prediction {
        Objects.requireNonNull(label, "label");
        top = List.copyOf(top);
    }

    /**
     * A category with its estimated probability.
     *
     * @param label      the category
     * @param confidence the estimated probability, in [0, 1]
     */
    public record Scored(String label, double confidence) {
    }
}
