package org.fengqiao.triage;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How triage behaves ({@code fengqiao.triage.*}).
 *
 * @param enabled                  suggest categories at intake at all
 * @param autoApplyConfidence      a suggestion at least this confident categorises and routes the case without a
 *                                 person; below it the case waits for a dispatcher, with the suggestion shown
 * @param minExamplesPerCategory   a category with fewer dispatched cases is learnt as its parent category
 * @param minTrainingCases         fewer dispatched cases than this and no model is trained from cases
 * @param casesToReplaceUpload     the nightly training replaces an uploaded model (trained on files) only once the
 *                                 deployment has this many dispatched cases of its own
 * @param maxTrainingCases         train on at most this many of the most recent dispatched cases
 * @param retrainAt                when (China time) the nightly training runs
 * @param refreshInterval          how often an instance looks for a newer model trained elsewhere in the cluster
 */
@ConfigurationProperties("fengqiao.triage")
public record TriageProperties(Boolean enabled, Double autoApplyConfidence, Integer minExamplesPerCategory,
                               Integer minTrainingCases, Integer casesToReplaceUpload, Integer maxTrainingCases,
                               LocalTime retrainAt, Duration refreshInterval) {

    public TriageProperties {
        enabled = enabled == null || enabled;
        autoApplyConfidence = autoApplyConfidence == null ? 0.8 : autoApplyConfidence;
        if (autoApplyConfidence < 0 || autoApplyConfidence > 1) {
            throw new IllegalArgumentException("fengqiao.triage.auto-apply-confidence must lie between 0 and 1");
        }
        minExamplesPerCategory = minExamplesPerCategory == null ? 5 : minExamplesPerCategory;
        minTrainingCases = minTrainingCases == null ? 200 : minTrainingCases;
        casesToReplaceUpload = casesToReplaceUpload == null ? 2_000 : casesToReplaceUpload;
        maxTrainingCases = maxTrainingCases == null ? 50_000 : maxTrainingCases;
        retrainAt = retrainAt == null ? LocalTime.of(2, 30) : retrainAt;
        refreshInterval = refreshInterval == null ? Duration.ofMinutes(1) : refreshInterval;
    }
}
