package org.fengqiao.intelligence.duplicates;

import static org.fengqiao.intelligence.duplicates.DuplicateScorerTest.SCORER;
import static org.fengqiao.intelligence.duplicates.DuplicateScorerTest.aComplaint;
import static org.fengqiao.intelligence.duplicates.DuplicateScorerTest.aRepost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fengqiao.intelligence.duplicates.DuplicateEvaluation.JudgedPair;
import org.fengqiao.intelligence.duplicates.DuplicateEvaluation.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateEvaluationTest {

    static final List<Matter> MATTERS = List.of(
            aComplaint("1").build(),
            aRepost("2").daysLater(2).build(),
            aComplaint("3").saying(DuplicateScorerTest.ROAD_TITLE, DuplicateScorerTest.ROAD).build(),
            aComplaint("4").saying(DuplicateScorerTest.BOUNDARY_TITLE, DuplicateScorerTest.BOUNDARY).build());

    @Test
    void countsEachVerdictAgainstWhatTheScorerReported() {
        List<JudgedPair> pairs = List.of(
                new JudgedPair("1", "2", "band", Verdict.DUPLICATE),   // reported: true positive
                new JudgedPair("1", "3", "band", Verdict.DUPLICATE),   // not reported: false negative
                new JudgedPair("2", "1", "band", Verdict.DIFFERENT),   // reported: false positive
                new JudgedPair("3", "4", "band", Verdict.DIFFERENT),   // not reported: true negative
                new JudgedPair("1", "4", "band", Verdict.UNSURE),
                new JudgedPair("1", "99", "band", Verdict.DUPLICATE));

        DuplicateEvaluation.Result r = DuplicateEvaluation.evaluate(SCORER, MATTERS, pairs);

        assertEquals(List.of(1, 1, 1, 1, 1, 1), List.of(r.truePositives(), r.falsePositives(), r.falseNegatives(),
                r.trueNegatives(), r.unsure(), r.missing()));
        assertEquals(0.5, r.precision());
        assertEquals(0.5, r.recall());
        assertEquals(0.5, r.f1());
        assertTrue(r.render().contains("precision 0.500  recall 0.500  F1 0.500"), r.render());
    }

    @Test
    void readsAJudgedPairsFileAndRefusesAnUnknownVerdict(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("pairs.tsv"), "id_a\tid_b\tsource\tverdict\n1\t2\tsame-user\tduplicate\n3\t4\trandom-60d\tunsure\n");
        Path bad = Files.writeString(dir.resolve("bad.tsv"), "id_a\tid_b\tsource\tverdict\n1\t2\tx\tperhaps\n");

        assertEquals(List.of(new JudgedPair("1", "2", "same-user", Verdict.DUPLICATE),
                new JudgedPair("3", "4", "random-60d", Verdict.UNSURE)), DuplicateEvaluation.readPairs(good));
        IOException e = assertThrows(IOException.class, () -> DuplicateEvaluation.readPairs(bad));
        assertTrue(e.getMessage().contains("perhaps"), e.getMessage());
    }
}
