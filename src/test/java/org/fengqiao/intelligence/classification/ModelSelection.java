package org.fengqiao.intelligence.classification;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hyper-parameter selection by 5-fold cross-validation on the training file, with near-duplicate
 * texts kept in one fold; the dev file is only reported, as a held-out figure.
 *
 * <p>Usage: {@code ModelSelection "1,3,true,false;1,2,true,false" "0.3,1,3" "false,true" [minDf]}
 * with {@code -Dfengqiao.shared-data=DIR} and optionally {@code -Dgroups=0.3} (similarity at which
 * texts are grouped; 0 for plain stratified folds).
 */
public final class ModelSelection {

    private static final int FOLDS = 5;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("fengqiao.shared-data", "../shared/data"));
        List<LabeledText> train = TrainingData.read(dir.resolve("messages-train.tsv")).examples();
        List<LabeledText> dev = TrainingData.read(dir.resolve("messages-dev.tsv")).examples();
        List<String> labels = train.stream().map(LabeledText::label).distinct().sorted().toList();
        int[] y = train.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
        int[] devY = dev.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
        double groupThreshold = Double.parseDouble(System.getProperty("groups", "0.3"));
        int[] folds = groupThreshold > 0
                ? groupedFolds(y, nearDuplicateGroups(train, groupThreshold), FOLDS, 7)
                : Folds.stratified(y, labels.size(), FOLDS, 7);

        String[] specs = args.length > 0 ? args[0].split(";") : new String[] {"1,3,true,false"};
        double[] costs = Arrays.stream((args.length > 1 ? args[1] : "3").split(",")).mapToDouble(Double::parseDouble).toArray();
        String[] balances = (args.length > 2 ? args[2] : "true").split(",");
        int minDf = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        for (String s : specs) {
            String[] p = s.split(",");
            FeatureSpec spec = new FeatureSpec(Integer.parseInt(p[0]), Integer.parseInt(p[1]),
                    Boolean.parseBoolean(p[2]), Boolean.parseBoolean(p[3]));
            FeatureExtractor extractor = new FeatureExtractor(spec);
            List<TermCounts> trainCounts = train.parallelStream().map(e -> extractor.extract(e.text())).toList();
            List<TermCounts> devCounts = dev.stream().map(e -> extractor.extract(e.text())).toList();
            for (double cost : costs) {
                for (String balance : balances) {
                    LinearTrainer trainer = new LinearTrainer(cost, Boolean.parseBoolean(balance), 2, 42);
                    double[] foldF1 = new double[FOLDS];
                    Evaluation cv = crossValidate(trainCounts, y, folds, labels, minDf, trainer, foldF1);
                    FeatureSpace space = FeatureSpace.fit(trainCounts, minDf);
                    LinearModel model = trainer.train(trainCounts.stream().map(space::vectorize).toList(), y,
                            labels.size(), space.dimension());
                    Evaluation held = evaluate(model, space, devCounts, devY, labels);
                    System.out.printf("%s C=%s balanced=%s minDf=%d features=%d | CV acc %.4f macro-F1 %.4f (fold sd %.4f)"
                                    + " | dev acc %.4f macro-F1 %.4f%n", spec, cost, balance, minDf, space.dimension(),
                            cv.accuracy(), cv.macroF1(), sd(foldF1), held.accuracy(), held.macroF1());
                }
            }
        }
    }

    private static Evaluation crossValidate(List<TermCounts> counts, int[] y, int[] folds, List<String> labels,
            int minDf, LinearTrainer trainer, double[] foldF1) {
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            List<TermCounts> fitDocs = new ArrayList<>();
            List<Integer> fitY = new ArrayList<>();
            List<Integer> heldOut = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (folds[i] != f) {
                    fitDocs.add(counts.get(i));
                    fitY.add(y[i]);
                } else {
                    heldOut.add(i);
                }
            }
            FeatureSpace space = FeatureSpace.fit(fitDocs, minDf);
            LinearModel model = trainer.train(fitDocs.stream().map(space::vectorize).toList(),
                    fitY.stream().mapToInt(Integer::intValue).toArray(), labels.size(), space.dimension());
            List<TermCounts> docs = heldOut.stream().map(counts::get).toList();
            int[] docY = heldOut.stream().mapToInt(i -> y[i]).toArray();
            Evaluation fold = evaluate(model, space, docs, docY, labels);
            foldF1[f] = fold.macroF1();
            for (int i = 0; i < docs.size(); i++) {
                gold.add(labels.get(docY[i]));
                predicted.add(labels.get(argmax(model.scores(space.vectorize(docs.get(i))))));
            }
        }
        return Evaluation.compare(gold, predicted);
    }

    static Evaluation evaluate(LinearModel model, FeatureSpace space, List<TermCounts> docs, int[] y, List<String> labels) {
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            gold.add(labels.get(y[i]));
            predicted.add(labels.get(argmax(model.scores(space.vectorize(docs.get(i))))));
        }
        return Evaluation.compare(gold, predicted);
    }

    static int argmax(double[] s) {
        int best = 0;
        for (int i = 1; i < s.length; i++) {
            if (s[i] > s[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double sd(double[] v) {
        double mean = Arrays.stream(v).average().orElse(0);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
    }

    private static int[] nearDuplicateGroups(List<LabeledText> texts, double threshold) {
        FeatureExtractor trigrams = new FeatureExtractor(new FeatureSpec(3, 3, false, false));
        return NearDuplicates.groups(NearDuplicates.signatures(
                texts.stream().map(e -> trigrams.extract(e.text())).toList()), threshold);
    }

    /** Whole groups go to one fold; each group joins the fold with fewest examples of its class. */
    private static int[] groupedFolds(int[] y, int[] groups, int k, long seed) {
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < y.length; i++) {
            members.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> order = new ArrayList<>(members.values());
        Collections.shuffle(order, new Random(seed));
        order.sort((a, b) -> b.size() - a.size());
        int classes = Arrays.stream(y).max().getAsInt() + 1;
        int[][] perFold = new int[k][classes];
        int[] folds = new int[y.length];
        for (List<Integer> group : order) {
            int c = y[group.get(0)];
            int best = 0;
            for (int f = 1; f < k; f++) {
                if (perFold[f][c] < perFold[best][c]) {
                    best = f;
                }
            }
            for (int i : group) {
                folds[i] = best;
                perFold[best][y[i]]++;
            }
        }
        return folds;
    }
}
