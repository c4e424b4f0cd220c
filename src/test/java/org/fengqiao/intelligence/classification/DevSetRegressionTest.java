package org.fengqiao.intelligence.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.fengqiao.support.SharedData;

/**
 * Trains with the standard recipe (training file without near-duplicates, plus the category tree)
 * and checks quality on the raw, held-out dev file, whose title and body are joined by
 * {@link TextClassifier#requestText}.
 */
@Tag("slow")
class DevSetRegressionTest {

    /**
     * Measured 0.8754 (accuracy 0.8709) with the standard recipe and the defaults (0.8634 before the
     * NB-SVM scaling and C = 10). The 0.88 that was asked for is not reached (see the README); this
     * floor leaves room for solver and platform noise (one dev text is worth about 0.002–0.003) while
     * catching a real regression.
     */
    private static final double MIN_DEV_MACRO_F1 = 0.865;

    @Test
    void trainedOnTheTrainingFileReachesTheExpectedMacroF1OnRawDevTexts() throws IOException {
        TrainingData.Result train = TrainingData.standardRecipe(SharedData.file("messages-train.tsv"),
                SharedData.file("taxonomy.tsv"));
        TrainingData.Result dev = TrainingData.read(SharedData.file("messages-dev.tsv"));
        assertEquals(0, train.problems().size(), () -> "malformed training rows: " + train.problems());

        TextClassifier classifier = TextClassifier.train(train.examples(), TrainingOptions.defaults());
        Evaluation evaluation = Evaluation.evaluate(classifier, dev.examples());

        System.out.println("dev set:\n" + evaluation.render());
        assertTrue(evaluation.macroF1() >= MIN_DEV_MACRO_F1,
                () -> "dev macro-F1 fell below " + MIN_DEV_MACRO_F1 + ":\n" + evaluation.render());
    }
}
