package org.fengqiao.intelligence.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextClassifierTest {

    private static final List<String> QUERIES = List.of(
            "公交车线路太少，等车要一个小时",
            "孩子上幼儿园难，学位不够",
            "医院看病排队太久，医保报销慢",
            "",
            "完全无关的一句话");

    private static TextClassifier classifier;

    @BeforeAll
    static void train() {
        classifier = TextClassifier.train(SyntheticCorpus.examples(), TrainingOptions.defaults().withMinDocumentFrequency(1));
    }

    @Test
    void predictsTheCategoryWhoseVocabularyTheTextShares() {
        assertEquals(SyntheticCorpus.TRAFFIC, classifier.classify(QUERIES.get(0)).label());
        assertEquals(SyntheticCorpus.EDUCATION, classifier.classify(QUERIES.get(1)).label());
        assertEquals(SyntheticCorpus.HEALTH, classifier.classify(QUERIES.get(2)).label());
    }

    @Test
    void listsTheLabelsItWasTrainedOnInSortedOrder() {
        assertEquals(List.of(SyntheticCorpus.TRAFFIC, SyntheticCorpus.HEALTH, SyntheticCorpus.EDUCATION).stream().sorted().toList(),
                classifier.labels());
    }

    @Test
    void predictionListsTopThreeBestFirstWithConfidencesSummingToAtMostOne() {
        for (String query : QUERIES) {
            Prediction p = classifier.classify(query);
            assertEquals(3, p.top().size());
            assertEquals(p.label(), p.top().get(0).label());
            assertEquals(p.confidence(), p.top().get(0).confidence());
            double sum = 0;
            double previous = 1;
            for (Prediction.Scored s : p.top()) {
                assertTrue(s.confidence() >= 0 && s.confidence() <= previous, p.toString());
                previous = s.confidence();
                sum += s.confidence();
            }
            assertTrue(sum <= 1 + 1e-9, p.toString());
        }
    }

    @Test
    void treatsPreSegmentedAndRawTextAlike() {
        Prediction raw = classifier.classify("医院看病排队太久，医保报销慢！");
        Prediction segmented = classifier.classify("医院 看病 排队 太久 医保 报销 慢");
        assertEquals(raw, segmented);
    }

    @Test
    void classifiesARequestByTitleAndBodyWithTheTitleCountedTwice() {
        assertEquals("医院看病排队太久 医院看病排队太久 医保报销慢", TextClassifier.requestText(" 医院看病排队太久", "医保报销慢 "));
        assertEquals("医保报销慢", TextClassifier.requestText(null, "医保报销慢"));
        assertEquals("医院 医院", TextClassifier.requestText("医院", ""));
        assertEquals(classifier.classify(TextClassifier.requestText("医院看病排队太久", "医保报销慢")),
                classifier.classify("医院看病排队太久", "医保报销慢"));
        assertThrows(NullPointerException.class, () -> classifier.classify(null, null));
    }

    @Test
    void savedAndReloadedClassifierGivesIdenticalPredictions() throws IOException {
        TextClassifier reloaded = TextClassifier.load(new ByteArrayInputStream(save(classifier)));
        assertEquals(classifier.labels(), reloaded.labels());
        for (String query : QUERIES) {
            assertEquals(classifier.classify(query), reloaded.classify(query));
        }
    }

    @Test
    void trainingTwiceOnTheSameExamplesGivesTheSameModel() throws IOException {
        TextClassifier again = TextClassifier.train(SyntheticCorpus.examples(), TrainingOptions.defaults().withMinDocumentFrequency(1));
        assertArrayEquals(save(classifier), save(again));
    }

    @Test
    void loadingRefusesAnUnknownFormatVersion() throws IOException {
        byte[] model = save(classifier);
        ByteBuffer.wrap(model).putInt(4, ModelCodec.VERSION + 1);
        IOException e = assertThrows(IOException.class, () -> TextClassifier.load(new ByteArrayInputStream(model)));
        assertTrue(e.getMessage().contains("version " + (ModelCodec.VERSION + 1)), e.getMessage());
    }

    @Test
    void loadingRefusesSomethingThatIsNotAModel() {
        byte[] notAModel = "label\ttext\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> TextClassifier.load(new ByteArrayInputStream(notAModel)));
        assertTrue(e.getMessage().contains("not a Fengqiao text classifier model"), e.getMessage());
    }

    @Test
    void loadingRefusesATruncatedModel() throws IOException {
        byte[] model = save(classifier);
        byte[] truncated = Arrays.copyOf(model, model.length / 2);
        IOException e = assertThrows(IOException.class, () -> TextClassifier.load(new ByteArrayInputStream(truncated)));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void trainingRefusesASingleCategory() {
        List<LabeledText> one = List.of(new LabeledText("城乡建设", "路灯坏了"), new LabeledText("城乡建设", "井盖丢了"));
        assertThrows(IllegalArgumentException.class, () -> TextClassifier.train(one, TrainingOptions.defaults()));
    }

    @Test
    void trainsWithAndWithoutTheNaiveBayesScaling() {
        TrainingOptions plain = TrainingOptions.defaults().withMinDocumentFrequency(1).withRatioSmoothing(0);
        TextClassifier withoutScaling = TextClassifier.train(SyntheticCorpus.examples(), plain);
        assertEquals(SyntheticCorpus.TRAFFIC, withoutScaling.classify(QUERIES.get(0)).label());
        assertEquals(SyntheticCorpus.HEALTH, withoutScaling.classify(QUERIES.get(2)).label());
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.defaults().withRatioSmoothing(-0.1));
        assertThrows(IllegalArgumentException.class,
                () -> TrainingOptions.defaults().withRatioSmoothing(Double.NaN));
    }

    @Test
    void classifiesConsistentlyFromManyThreadsAtOnce() throws Exception {
        List<Prediction> expected = QUERIES.stream().map(classifier::classify).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Prediction>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    List<Prediction> last = null;
                    for (int round = 0; round < 200; round++) {
                        last = QUERIES.stream().map(classifier::classify).toList();
                    }
                    return last;
                }));
            }
            for (Future<List<Prediction>> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] save(TextClassifier c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.save(out);
        return out.toByteArray();
    }
}
