package org.fengqiao.intelligence.classification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Quality figures for a set of predictions: accuracy, macro-averaged F1, per-class precision,
 * recall and F1, and the confusion matrix. Immutable.
 */
public final class Evaluation {

    /**
     * Figures for one class. Precision or recall is 0 when undefined (no predictions or no
     * examples of the class).
     *
     * @param label     the class
     * @param precision correct predictions of the class / all predictions of it
     * @param recall    correct predictions of the class / all examples of it
     * @param f1        harmonic mean of precision and recall
     * @param support   number of examples of the class
     */
    public record ClassMetrics(String label, double precision, double recall, double f1, int support) {
    }

    private final List<String> labels;
    private final int[][] confusion;
    private final List<ClassMetrics> classes;
    private final double accuracy;
    private final double macroF1;

    private Evaluation(List<String> labels, int[][] confusion) {
        this.labels = List.copyOf(labels);
        this.confusion = confusion;
        int total = 0;
        int correct = 0;
        List<ClassMetrics> metrics = new ArrayList<>();
        double f1Sum = 0;
        for (int k = 0; k < labels.size(); k++) {
            int predicted = 0;
            int actual = 0;
            for (int j = 0; j < labels.size(); j++) {
                predicted += confusion[j][k];
                actual += confusion[k][j];
                total += confusion[k][j];
            }
            int hits = confusion[k][k];
            correct += hits;
            double precision = predicted == 0 ? 0 : (double) hits / predicted;
            double recall = actual == 0 ? 0 : (double) hits / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            metrics.add(new ClassMetrics(labels.get(k), precision, recall, f1, actual));
            f1Sum += f1;
        }
        this.classes = List.copyOf(metrics);
        this.accuracy = total == 0 ? 0 : (double) correct / total;
        this.macroF1 = labels.isEmpty() ? 0 : f1Sum / labels.size();
    }

    /**
     * Compares gold labels with predictions, pairwise.
     *
     * @param gold      the true labels
     * @param predicted the predicted labels, same length as {@code gold}
     * @return figures over the union of labels seen, in order of first appearance in
     *         {@code gold} then {@code predicted}
     */
    public static Evaluation compare(List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold has " + gold.size() + " labels, predicted " + predicted.size());
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        gold.forEach(label -> index.putIfAbsent(Objects.requireNonNull(label), index.size()));
        predicted.forEach(label -> index.putIfAbsent(Objects.requireNonNull(label), index.size()));
        int[][] confusion = new int[index.size()][index.size()];
        for (int i = 0; i < gold.size(); i++) {
            confusion[index.get(gold.get(i))][index.get(predicted.get(i))]++;
        }
        return new Evaluation(new ArrayList<>(index.keySet()), confusion);
    }

    /** Classifies every example with {@code classifier} and compares with its label. */
    public static Evaluation evaluate(TextClassifier classifier, List<LabeledText> examples) {
        List<String> gold = new ArrayList<>(examples.size());
        List<String> predicted = new ArrayList<>(examples.size());
        for (LabeledText example : examples) {
            gold.add(example.label());
            predicted.add(classifier.classify(example.text()).label());
        }
        return compare(gold, predicted);
    }

    /** Fraction of examples predicted correctly. */
    public double accuracy() {
        return accuracy;
    }

    /** Unweighted mean of the per-class F1 scores. */
    public double macroF1() {
        return macroF1;
    }

    /** The classes, in the order of {@link #labels()}. */
    public List<ClassMetrics> classes() {
        return classes;
    }

    /** The class labels indexing the confusion matrix. */
    public List<String> labels() {
        return labels;
    }

    /** {@code confusion()[gold][predicted]}, indexed like {@link #labels()}; a copy. */
    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** A multi-line table of the figures and the confusion matrix, for logs and reports. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("accuracy %.4f, macro-F1 %.4f, %d examples%n", accuracy, macroF1,
                classes.stream().mapToInt(ClassMetrics::support).sum()));
        out.append(pad("class", 12)).append(" precision  recall      F1  support\n");
        for (ClassMetrics m : classes) {
            out.append(pad(m.label(), 12)).append(String.format("    %.4f  %.4f  %.4f  %7d%n",
                    m.precision(), m.recall(), m.f1(), m.support()));
        }
        out.append("confusion (rows gold, columns predicted, in the order above)\n");
        for (int k = 0; k < labels.size(); k++) {
            out.append(pad(labels.get(k), 12));
            for (int count : confusion[k]) {
                out.append(String.format("%6d", count));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Pads to a display width, counting CJK characters as two columns. */
    private static String pad(String s, int width) {
        int used = s.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? 2 : 1).sum();
        return s + " ".repeat(Math.max(1, width + 4 - used));
    }

    @Override
    public String toString() {
        return String.format("Evaluation[accuracy=%.4f, macroF1=%.4f]", accuracy, macroF1);
    }
}
