package org.fengqiao.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import org.fengqiao.categories.Category;
import org.fengqiao.intelligence.classification.Prediction;

/**
 * Suggests the category of a new request. The caller decides what to do with it: {@link #autoApplies} says
 * whether the suggestion is confident enough to act on without a person.
 */
@Service
public class TriageAdvisor {

    private final TriageModels models;
    private final TriageProperties properties;

    TriageAdvisor(TriageModels models, TriageProperties properties) {
        this.models = models;
        this.properties = properties;
    }

    /**
     * The category the current model suggests for the request, or nothing when triage is off, no model exists
     * yet or none of the model's best labels names a category of this deployment.
     */
    public Optional<CategorySuggestion> suggest(String title, String description) {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        return models.current().flatMap(m -> suggest(m, title, description));
    }

    private static Optional<CategorySuggestion> suggest(TriageModels.Loaded m, String title, String description) {
        Prediction p = m.classifier().classify(title == null ? "" : title, description == null ? "" : description);
        List<CategorySuggestion.Alternative> top = new ArrayList<>();
        for (Prediction.Scored s : p.top()) {
            Category c = m.categoryOfLabel().get(s.label());
            if (c != null && c.active()) {
                top.add(new CategorySuggestion.Alternative(c.code(), c.path(), s.confidence()));
            }
        }
        if (top.isEmpty()) {
            return Optional.empty();
        }
        CategorySuggestion.Alternative best = top.getFirst();
        return Optional.of(new CategorySuggestion(best.categoryCode(), best.categoryPath(), best.confidence(),
                List.copyOf(top), m.info().id()));
    }

    /** Whether the suggestion is confident enough to categorise and route the case without a person. */
    public boolean autoApplies(CategorySuggestion suggestion) {
        return suggestion.confidence() >= properties.autoApplyConfidence();
    }

    /** The confidence at which suggestions are applied without a person. */
    public double threshold() {
        return properties.autoApplyConfidence();
    }

    /** The model in use, if any. */
    public Optional<ModelInfo> model() {
        return models.latestInfo();
    }
}
