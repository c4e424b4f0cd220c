package org.fengqiao.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.fengqiao.intelligence.classification.Evaluation;
import org.fengqiao.intelligence.classification.LabeledText;
import org.fengqiao.intelligence.classification.TextClassifier;
import org.fengqiao.intelligence.classification.TrainingData;
import org.fengqiao.intelligence.classification.TrainingOptions;
import org.fengqiao.intelligence.duplicates.BoardMessages;
import org.fengqiao.intelligence.duplicates.DuplicateEvaluation;
import org.fengqiao.intelligence.duplicates.DuplicatePolicy;
import org.fengqiao.intelligence.duplicates.DuplicateScorer;
import org.fengqiao.intelligence.duplicates.Matter;
import org.fengqiao.intelligence.duplicates.TermWeights;

/**
 * The text benchmarks, on the public data in {@code ../shared/data} (read at run time, never copied): training
 * the classifier on {@code messages-train.tsv} with the taxonomy (2 threads), its macro-F1 on the raw texts of
 * {@code messages-dev.tsv}, classifying on one thread, and duplicate detection on the judged pairs of
 * {@code docs/evaluation/duplicate-pairs.tsv}. They need no database and are skipped, with a message, when the
 * data is absent.
 */
final class TextBenchmarks {

    /** How long the one-thread classification loop runs after its warm-up. */
    static final long CLASSIFY_NANOS = 10_000_000_000L;

    private TextBenchmarks() {
    }

    static List<Benchmark> all(Path data, Path pairs) {
        AtomicReference<TextClassifier> trained = new AtomicReference<>();
        AtomicReference<List<LabeledText>> dev = new AtomicReference<>();
        List<Benchmark> all = new ArrayList<>();
        all.add(benchmark("classifier", () -> {
            Path train = data.resolve("messages-train.tsv");
            Path devFile = data.resolve("messages-dev.tsv");
            Path taxonomy = data.resolve("taxonomy.tsv");
            if (!Files.isRegularFile(train) || !Files.isRegularFile(devFile) || !Files.isRegularFile(taxonomy)) {
                System.out.println("bench: classifier skipped, no messages-train.tsv / messages-dev.tsv / "
                        + "taxonomy.tsv in " + data.toAbsolutePath().normalize() + " (use --shared-data=DIR)");
                return List.of();
            }
            List<LabeledText> examples = TrainingData.standardRecipe(train, taxonomy).examples();
            long start = System.nanoTime();
            TextClassifier classifier = TextClassifier.train(examples, TrainingOptions.defaults());
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            trained.set(classifier);
            List<LabeledText> held = TrainingData.read(devFile).examples();
            dev.set(held);
            Evaluation e = Evaluation.evaluate(classifier, held);
            List<String> texts = held.stream().map(LabeledText::text).toList();
            // one thread: warm up, then count whole passes over the dev texts for CLASSIFY_NANOS
            for (String t : texts) {
                classifier.classify(t);
            }
            long classified = 0;
            long t0 = System.nanoTime();
            while (System.nanoTime() - t0 < CLASSIFY_NANOS) {
                for (String t : texts) {
                    classifier.classify(t);
                }
                classified += texts.size();
            }
            double perSecond = classified / ((System.nanoTime() - t0) / 1e9);
            return List.of(new Benchmark.Figure("classifier-train", trainSeconds, "s"),
                    new Benchmark.Figure("classifier-dev-macro-f1", e.macroF1() * 100, "percent"),
                    new Benchmark.Figure("classifier-dev-accuracy", e.accuracy() * 100, "percent"),
                    new Benchmark.Figure("classify-one-core", perSecond, "messages/s"));
        }));
        all.add(benchmark("duplicates", () -> {
            Path board = data.resolve("messages-unlabeled.tsv");
            if (!Files.isRegularFile(board) || !Files.isRegularFile(pairs)) {
                System.out.println("bench: duplicates skipped, no " + board + " or " + pairs);
                return List.of();
            }
            List<Matter> matters = BoardMessages.read(board).matters();
            DuplicateScorer scorer = new DuplicateScorer(DuplicatePolicy.defaults(), TermWeights.fromMatters(matters));
            DuplicateEvaluation.Result r = DuplicateEvaluation.evaluate(scorer, matters,
                    DuplicateEvaluation.readPairs(pairs));
            return List.of(new Benchmark.Figure("duplicates-precision", r.precision() * 100, "percent"),
                    new Benchmark.Figure("duplicates-recall", r.recall() * 100, "percent"),
                    new Benchmark.Figure("duplicates-f1", r.f1() * 100, "percent"));
        }));
        all.add(benchmark("laws", () -> {
            Path dir = data.resolve("laws");
            Path eval = Path.of("src", "test", "resources", "laws", "eval-disputes.tsv");
            if (!Files.isDirectory(dir) || !Files.isRegularFile(eval)) {
                System.out.println("bench: laws skipped, no " + dir + " or " + eval + " (run from the repository)");
                return List.of();
            }
            long start = System.nanoTime();
            org.fengqiao.laws.LawSearch search;
            try {
                search = org.fengqiao.laws.LawSearch.of(org.fengqiao.laws.LawFiles.readDirectory(dir));
            } catch (org.fengqiao.laws.LawFormatException e) {
                throw new IOException("a law file in a wrong form: " + e.getMessage(), e);
            }
            double buildMillis = (System.nanoTime() - start) / 1e6;
            List<org.fengqiao.laws.LawEvaluation.Dispute> disputes = org.fengqiao.laws.LawEvaluation.read(eval);
            org.fengqiao.laws.LawEvaluation.Result r = org.fengqiao.laws.LawEvaluation.evaluate(search, disputes);
            org.fengqiao.laws.LawEvaluation.searchMillis(search, disputes, 5); // warm-up
            double[] ms = org.fengqiao.laws.LawEvaluation.searchMillis(search, disputes, 40);
            long t0 = System.nanoTime();
            int suggested = 0;
            for (int round = 0; round < 10; round++) {
                for (org.fengqiao.laws.LawEvaluation.Dispute d : disputes) {
                    search.suggest(d.text(), org.fengqiao.laws.DisputeLaws.of(d.disputeType()).orElse(null), 5);
                    suggested++;
                }
            }
            double suggestMillis = (System.nanoTime() - t0) / 1e6 / suggested;
            return List.of(new Benchmark.Figure("laws-articles", search.articleCount(), "articles"),
                    new Benchmark.Figure("laws-index-build", buildMillis, "ms"),
                    new Benchmark.Figure("laws-recall-at-5", r.recallAt5() * 100, "percent"),
                    new Benchmark.Figure("laws-mrr", r.mrr() * 100, "percent"),
                    new Benchmark.Figure("laws-search-p50", ms[ms.length / 2], "ms"),
                    new Benchmark.Figure("laws-search-p95", ms[(int) Math.ceil(ms.length * 0.95) - 1], "ms"),
                    new Benchmark.Figure("laws-suggest-mean", suggestMillis, "ms"));
        }));
        return all;
    }

    private interface Measure {
        List<Benchmark.Figure> run() throws IOException;
    }

    private static Benchmark benchmark(String name, Measure measure) {
        return new Benchmark() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Figure> run() {
                try {
                    return measure.run();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
