package org.fengqiao.intelligence.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private final Evaluation evaluation = Evaluation.compare(
            List.of("城乡建设", "城乡建设", "城乡建设", "交通运输"),
            List.of("城乡建设", "城乡建设", "交通运输", "交通运输"));

    @Test
    void computesAccuracyAndPerClassFigures() {
        assertEquals(0.75, evaluation.accuracy(), 1e-12);
        Evaluation.ClassMetrics building = evaluation.classes().get(0);
        assertEquals("城乡建设", building.label());
        assertEquals(1.0, building.precision(), 1e-12);
        assertEquals(2.0 / 3, building.recall(), 1e-12);
        assertEquals(0.8, building.f1(), 1e-12);
        assertEquals(3, building.support());
        Evaluation.ClassMetrics traffic = evaluation.classes().get(1);
        assertEquals(0.5, traffic.precision(), 1e-12);
        assertEquals(2.0 / 3, traffic.f1(), 1e-12);
    }

    @Test
    void macroF1IsTheUnweightedMeanOfClassF1() {
        assertEquals((0.8 + 2.0 / 3) / 2, evaluation.macroF1(), 1e-12);
    }

    @Test
    void confusionMatrixIsIndexedGoldThenPredicted() {
        assertEquals(List.of("城乡建设", "交通运输"), evaluation.labels());
        assertArrayEquals(new int[][] {{2, 1}, {0, 1}}, evaluation.confusion());
    }

    @Test
    void rendersATableWithChineseLabels() {
        String table = evaluation.render();
        assertTrue(table.contains("macro-F1 0.7333"), table);
        assertTrue(table.contains("城乡建设"), table);
        assertTrue(table.contains("交通运输"), table);
    }
}
