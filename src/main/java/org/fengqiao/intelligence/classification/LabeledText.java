package org.fengqiao.intelligence.classification;

import java.util.Objects;

/**
 * One training example: a category label and the text it was assigned to.
 *
 * @param label the category, non-blank; surrounding whitespace is removed
 * @param text  the request text (title and body, raw or pre-segmented), non-null
 */
public record LabeledText(String label, String text) {

    /** @throws IllegalArgumentException if the label is blank */
    public LabeledText {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
        if (label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank");
        }
        label = label.strip();
    }
}
