package org.fengqiao.triage;

import java.util.List;

/**
 * The category the classifier suggests for a request, with its confidence and the runners-up.
 *
 * @param top     the best categories, best first (the suggestion itself among them)
 * @param modelId the model that made the suggestion
 */
public record CategorySuggestion(String categoryCode, String categoryPath, double confidence, List<Alternative> top,
                                 long modelId) {

    /** One of the best categories. */
    public record Alternative(String categoryCode, String categoryPath, double confidence) {
    }
}
