package org.fengqiao.triage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;
import org.fengqiao.intelligence.classification.LabeledText;
import org.fengqiao.intelligence.classification.TextClassifier;
import org.fengqiao.intelligence.classification.TrainingOptions;
import org.fengqiao.platform.ProblemException;

/**
 * Trains the classifier on the deployment's own dispatched cases, or takes a model trained on files.
 *
 * <p>Every case that a dispatcher has categorised and sent on is an example of its final category; a case whose
 * final category differs from what was suggested at intake (a dispatcher's correction) counts twice, so the
 * model learns most from its mistakes. A category with too few cases is learnt as its parent, so rare leaves do
 * not make the model guess among a handful of examples. Each category's own name path is added as one more
 * example.
 */
@Service
public class TriageTraining {

    private static final Logger log = LoggerFactory.getLogger(TriageTraining.class);

    /**
     * What a training run did.
     *
     * @param reason why nothing was trained: a message key (with {@code reasonArgs}) for the caller to show
     */
    public record Report(boolean trained, String reason, List<Object> reasonArgs, ModelInfo model, int cases,
                         int corrections, double seconds) {
    }

    private final JdbcClient jdbc;
    private final Categories categories;
    private final TriageModels models;
    private final TriageProperties properties;

    TriageTraining(JdbcClient jdbc, Categories categories, TriageModels models, TriageProperties properties) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.models = models;
        this.properties = properties;
    }

    private record Example(String title, String description, String category, boolean corrected) {
    }

    /** Trains a model on the dispatched cases and makes it the current one, if there are enough cases. */
    public Report trainOnCases(String trigger) {
        long start = System.nanoTime();
        List<Example> cases = jdbc.sql("""
                select c.title, c.description, c.category_code,
                       s.case_id is not null and c.category_code not like s.category_code || '%' as corrected
                from case_report c left join case_suggestion_report s on s.case_id = c.id
                where c.category_code is not null and c.dispatched
                order by c.id desc limit ?
                """).param(properties.maxTrainingCases()).query((rs, n) -> new Example(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getBoolean(4))).list();
        if (cases.size() < properties.minTrainingCases()) {
            return new Report(false, "triage.notEnoughCases", List.of(cases.size(), properties.minTrainingCases()),
                    null, cases.size(), 0, seconds(start));
        }
        Map<String, String> labelOf = labels(cases);
        List<LabeledText> examples = new ArrayList<>();
        int corrections = 0;
        for (Example e : cases) {
            if (!labelOf.containsKey(e.category())) {
                continue;
            }
            LabeledText example = new LabeledText(labelOf.get(e.category()),
                    TextClassifier.requestText(e.title(), e.description()));
            examples.add(example);
            if (e.corrected()) {
                examples.add(example);
                corrections++;
            }
        }
        examples.stream().map(LabeledText::label).distinct().sorted().toList().forEach(label -> categories.find(label)
                .ifPresent(c -> examples.add(new LabeledText(label, c.path().replace(" / ", " ")))));
        if (examples.stream().map(LabeledText::label).distinct().count() < 2) {
            return new Report(false, "triage.oneCategory", List.of(), null, cases.size(), corrections,
                    seconds(start));
        }
        TextClassifier classifier = TextClassifier.train(examples, TrainingOptions.defaults());
        ModelInfo info = models.store(classifier, "CASES", trigger, examples.size());
        log.info("Triage model {} trained on {} cases ({} corrections) in {} s", info.id(), cases.size(), corrections,
                String.format(java.util.Locale.ROOT, "%.1f", seconds(start)));
        return new Report(true, null, List.of(), info, cases.size(), corrections, seconds(start));
    }

    /**
     * The nightly run: trains on the cases unless an uploaded model is in use and the deployment does not yet
     * have enough cases of its own to do better.
     */
    Report nightly() {
        if (models.latestSource().filter("UPLOAD"::equals).isPresent()) {
            long own = jdbc.sql("""
                    select count(*) from case_report c where c.category_code is not null and c.dispatched
                    """).query(Long.class).single();
            if (own < properties.casesToReplaceUpload()) {
                return new Report(false, "triage.keepUpload", List.of(own, properties.casesToReplaceUpload()), null,
                        (int) own, 0, 0);
            }
        }
        return trainOnCases("SCHEDULE");
    }

    /**
     * Takes a model trained on files ({@code ./fengqiao train}) as the current one. Refused with a 400 when the
     * file is not a model or none of its labels names a category of this deployment.
     */
    public ModelInfo upload(InputStream model, String trigger) {
        TextClassifier classifier;
        try {
            classifier = TextClassifier.load(model);
        } catch (IOException e) {
            throw new ProblemException.InvalidInput("model", "triage.modelUnreadable", e.getMessage());
        }
        List<String> unknown = classifier.labels().stream().filter(l -> models.category(l).isEmpty()).toList();
        if (unknown.size() == classifier.labels().size()) {
            throw new ProblemException.InvalidInput("model", "triage.modelLabelsUnknown",
                    String.join("、", unknown.stream().limit(10).toList()));
        }
        return models.store(classifier, "UPLOAD", trigger, 0);
    }

    /**
     * Each case's label: its category, or the nearest ancestor with at least
     * {@link TriageProperties#minExamplesPerCategory()} cases in its subtree. Cases of a level-1 category with
     * fewer than that are left out: a handful of examples teaches nothing, and one rare label would keep the
     * model's confidences from being calibrated.
     */
    private Map<String, String> labels(List<Example> cases) {
        Map<String, Integer> subtree = new HashMap<>();
        for (Example e : cases) {
            for (String code : lineage(e.category())) {
                subtree.merge(code, 1, Integer::sum);
            }
        }
        Map<String, String> labelOf = new HashMap<>();
        for (String code : subtree.keySet()) {
            List<String> lineage = lineage(code);
            String label = lineage.getFirst();
            for (String ancestor : lineage) {
                if (subtree.getOrDefault(ancestor, 0) >= properties.minExamplesPerCategory()) {
                    label = ancestor;
                }
            }
            if (subtree.getOrDefault(label, 0) >= properties.minExamplesPerCategory()) {
                labelOf.put(code, label);
            }
        }
        return labelOf;
    }

    /** The category's codes from level 1 down to itself. */
    private List<String> lineage(String code) {
        List<String> lineage = new ArrayList<>();
        for (Optional<Category> c = categories.find(code); c.isPresent(); c = categories.find(c.get().parentCode())) {
            lineage.addFirst(c.get().code());
        }
        return lineage.isEmpty() ? List.of(code) : lineage;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
