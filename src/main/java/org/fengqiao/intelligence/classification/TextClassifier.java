package org.fengqiao.intelligence.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Assigns Chinese citizen-request texts to categories.
 *
 * <p>Texts become L2-normalised sublinear TF-IDF vectors of character 1–3-grams and HanLP words,
 * computed after dropping spaces and punctuation, so pre-segmented training corpora and raw
 * requests are treated alike. One linear SVM per category (one-vs-rest, trained NB-SVM style on
 * features scaled by their naive-Bayes log-count ratio) scores the vector; a
 * softmax whose temperature was fitted on held-out scores turns the scores into confidences.
 *
 * <p>Instances are immutable. {@link #classify(String)}, {@link #labels()} and
 * {@link #save(OutputStream)} may be called from any number of threads at once.
 */
public final class TextClassifier {

    /** How many categories a {@link Prediction} lists. */
    public static final int TOP = 3;

    private final List<String> labels;
    private final FeatureExtractor extractor;
    private final FeatureSpace space;
    private final LinearModel model;
    private final SoftmaxCalibration calibration;

    TextClassifier(List<String> labels, FeatureExtractor extractor, FeatureSpace space, LinearModel model,
            SoftmaxCalibration calibration) {
        if (labels.size() != model.classes() || space.dimension() != model.dimension()) {
            throw new IllegalArgumentException("labels, feature space and model do not fit together");
        }
        this.labels = List.copyOf(labels);
        this.extractor = extractor;
        this.space = space;
        this.model = model;
        this.calibration = calibration;
    }

    /**
     * Learns a classifier from labelled examples: file rows, a dispatcher's corrections, or both.
     * Deterministic for the same examples (in the same order) and options.
     *
     * @param examples at least two distinct labels; texts may be raw or pre-segmented
     * @param options  hyper-parameters, usually {@link TrainingOptions#defaults()}
     * @throws IllegalArgumentException if fewer than two distinct labels occur
     */
    public static TextClassifier train(List<LabeledText> examples, TrainingOptions options) {
        Objects.requireNonNull(examples, "examples");
        Objects.requireNonNull(options, "options");
        List<String> labels = examples.stream().map(LabeledText::label).distinct().sorted().toList();
        if (labels.size() < 2) {
            throw new IllegalArgumentException("training needs at least two distinct labels, found " + labels);
        }
        Map<String, Integer> classOf = new HashMap<>();
        labels.forEach(label -> classOf.put(label, classOf.size()));
        int[] y = examples.stream().mapToInt(e -> classOf.get(e.label())).toArray();
        FeatureExtractor extractor = new FeatureExtractor(FeatureSpec.of(options));
        List<TermCounts> counts = extractAll(extractor, examples, options.threads());
        LinearTrainer trainer = LinearTrainer.of(options);
        FeatureSpace space = FeatureSpace.fit(counts, options.minDocumentFrequency());
        LinearModel model = trainer.train(vectorize(space, counts), y, labels.size(), space.dimension());
        SoftmaxCalibration calibration = calibrate(counts, y, labels.size(), options, trainer);
        return new TextClassifier(labels, extractor, space, model, calibration);
    }

    /**
     * Reads a classifier written by {@link #save(OutputStream)}. Does not close the stream.
     *
     * @throws IOException if the stream is not a classifier model, is damaged or truncated, or was
     *                     written in a format version this library does not read
     */
    public static TextClassifier load(InputStream in) throws IOException {
        return ModelCodec.read(in);
    }

    /** Writes this classifier in the current model format version. Does not close the stream. */
    public void save(OutputStream out) throws IOException {
        ModelCodec.write(this, out);
    }

    /** The categories this classifier can assign, in a fixed (sorted) order. */
    public List<String> labels() {
        return labels;
    }

    /**
     * How often {@link #requestText} repeats a request's title. The title is the citizen's own
     * one-line summary of the request, so it counts double against the body.
     */
    public static final int TITLE_WEIGHT = 2;

    /**
     * The text to classify (or to train on) for a raw request with a separate title and body: the
     * title {@value #TITLE_WEIGHT} times, then the body, joined by spaces. Use it both for training
     * rows that have a title and a body ({@link TrainingData} does) and for classification, so that
     * both are treated alike. Null parts count as empty.
     */
    public static String requestText(String title, String detail) {
        String t = title == null ? "" : title.strip();
        String d = detail == null ? "" : detail.strip();
        StringBuilder text = new StringBuilder(TITLE_WEIGHT * (t.length() + 1) + d.length());
        if (!t.isEmpty()) {
            for (int i = 0; i < TITLE_WEIGHT; i++) {
                text.append(t).append(' ');
            }
        }
        return text.append(d).toString().strip();
    }

    /**
     * Classifies a raw request given as title and body: {@code classify(requestText(title, detail))}.
     *
     * @throws NullPointerException if both are null
     */
    public Prediction classify(String title, String detail) {
        if (title == null && detail == null) {
            throw new NullPointerException("title and detail are both null");
        }
        return classify(requestText(title, detail));
    }

    /**
     * Classifies one text: for a request with a separate title, preferably
     * {@link #classify(String, String)}; otherwise title and body joined by a space, or the body.
     * A text with no known feature (empty, say) still gets the a-priori most likely category,
     * with low confidence.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public Prediction classify(String text) {
        Objects.requireNonNull(text, "text");
        double[] probabilities = calibration.probabilities(model.scores(space.vectorize(extractor.extract(text))));
        List<Prediction.Scored> top = IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble((Integer k) -> -probabilities[k]).thenComparing(k -> k))
                .limit(TOP)
                .map(k -> new Prediction.Scored(labels.get(k), probabilities[k]))
                .toList();
        return new Prediction(top.get(0).label(), top.get(0).confidence(), top);
    }

    FeatureSpec featureSpec() {
        return extractor.spec();
    }

    FeatureSpace featureSpace() {
        return space;
    }

    LinearModel linearModel() {
        return model;
    }

    SoftmaxCalibration calibration() {
        return calibration;
    }

    /** Fits the confidence scale on decision values of models that did not see the example. */
    private static SoftmaxCalibration calibrate(List<TermCounts> counts, int[] y, int classes,
            TrainingOptions options, LinearTrainer trainer) {
        int folds = options.calibrationFolds();
        int[] perClass = new int[classes];
        for (int c : y) {
            perClass[c]++;
        }
        if (folds < 2 || Arrays.stream(perClass).min().orElse(0) < folds) {
            return SoftmaxCalibration.UNCALIBRATED;
        }
        int[] fold = Folds.stratified(y, classes, folds, options.seed());
        double[][] heldOut = new double[y.length][];
        for (int f = 0; f < folds; f++) {
            List<TermCounts> fitCounts = new ArrayList<>();
            List<Integer> fitY = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (fold[i] != f) {
                    fitCounts.add(counts.get(i));
                    fitY.add(y[i]);
                }
            }
            FeatureSpace space = FeatureSpace.fit(fitCounts, options.minDocumentFrequency());
            LinearModel model = trainer.train(vectorize(space, fitCounts),
                    fitY.stream().mapToInt(Integer::intValue).toArray(), classes, space.dimension());
            for (int i = 0; i < y.length; i++) {
                if (fold[i] == f) {
                    heldOut[i] = model.scores(space.vectorize(counts.get(i)));
                }
            }
        }
        return SoftmaxCalibration.fit(heldOut, y);
    }

    private static List<SparseVector> vectorize(FeatureSpace space, List<TermCounts> counts) {
        return counts.stream().map(space::vectorize).toList();
    }

    /** Extracts features in {@code threads} contiguous chunks, keeping the examples' order. */
    private static List<TermCounts> extractAll(FeatureExtractor extractor, List<LabeledText> examples, int threads) {
        int chunk = Math.max(1, (examples.size() + threads - 1) / threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<TermCounts>>> parts = new ArrayList<>();
            for (int start = 0; start < examples.size(); start += chunk) {
                List<LabeledText> part = examples.subList(start, Math.min(examples.size(), start + chunk));
                parts.add(pool.submit(() -> part.stream().map(e -> extractor.extract(e.text())).toList()));
            }
            List<TermCounts> all = new ArrayList<>(examples.size());
            for (Future<List<TermCounts>> part : parts) {
                all.addAll(part.get());
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("feature extraction failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "TextClassifier[labels=" + labels + ", features=" + space.dimension() + "]";
    }
}
