package org.fengqiao.intelligence.duplicates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Precision and recall of a {@link DuplicateScorer} on hand-judged pairs ({@code docs/evaluation/duplicate-pairs.tsv}:
 * {@code id_a, id_b, source, verdict} with verdict {@code duplicate}, {@code different} or {@code unsure}).
 * Unsure pairs and pairs naming a message that is not in the data are left out and counted.
 */
public final class DuplicateEvaluation {

    /** A hand verdict on a pair of messages. */
    public enum Verdict { DUPLICATE, DIFFERENT, UNSURE }

    /**
     * One judged pair.
     *
     * @param a       one message id
     * @param b       the other
     * @param source  how the pair was drawn (similarity band, same user, random)
     * @param verdict the judgement
     */
    public record JudgedPair(String a, String b, String source, Verdict verdict) {
    }

    /**
     * Confusion counts at one threshold.
     *
     * @param threshold      the minimum score used
     * @param truePositives  judged duplicates the scorer reported
     * @param falsePositives judged different, reported
     * @param falseNegatives judged duplicates not reported
     * @param trueNegatives  judged different, not reported
     * @param unsure         pairs judged unsure, left out
     * @param missing        pairs naming a message absent from the data, left out
     */
    public record Result(double threshold, int truePositives, int falsePositives, int falseNegatives,
                         int trueNegatives, int unsure, int missing) {

        public double precision() {
            int reported = truePositives + falsePositives;
            return reported == 0 ? 0 : (double) truePositives / reported;
        }

        public double recall() {
            int positives = truePositives + falseNegatives;
            return positives == 0 ? 0 : (double) truePositives / positives;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** The counts and figures as a few lines of text. */
        public String render() {
            return String.format(Locale.ROOT, """
                    threshold %.3f: precision %.3f  recall %.3f  F1 %.3f
                                      judged duplicate  judged different
                      reported        %16d  %16d
                      not reported    %16d  %16d
                    (%d pairs scored; %d unsure and %d with a message missing from the data left out)""",
                    threshold, precision(), recall(), f1(), truePositives, falsePositives, falseNegatives,
                    trueNegatives, truePositives + falsePositives + falseNegatives + trueNegatives, unsure, missing);
        }
    }

    /** A judged pair with the score the scorer gave it. */
    record Scored(JudgedPair pair, double score) {
    }

    /** The scored pairs and how many were left out. */
    record Scoring(List<Scored> scored, int unsure, int missing) {
    }

    private DuplicateEvaluation() {
    }

    /** Reads a judged-pairs file. */
    public static List<JudgedPair> readPairs(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(file + " is empty; expected a header id_a, id_b, source, verdict");
        }
        List<String> columns = List.of(lines.getFirst().replace("\uFEFF", "").strip().split("\t", -1));
        int a = columns.indexOf("id_a");
        int b = columns.indexOf("id_b");
        int source = columns.indexOf("source");
        int verdict = columns.indexOf("verdict");
        if (a < 0 || b < 0 || verdict < 0) {
            throw new IOException(file + ": the header must name id_a, id_b and verdict; found " + columns);
        }
        List<JudgedPair> pairs = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            String[] f = lines.get(n).split("\t", -1);
            if (f.length != columns.size()) {
                throw new IOException(file + ":" + (n + 1) + ": expected " + columns.size() + " fields");
            }
            Verdict v;
            try {
                v = Verdict.valueOf(f[verdict].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ":" + (n + 1) + ": verdict must be duplicate, different or unsure; was "
                        + f[verdict]);
            }
            pairs.add(new JudgedPair(f[a].strip(), f[b].strip(), source < 0 ? "" : f[source].strip(), v));
        }
        return pairs;
    }

    /** The confusion counts of {@code scorer} at its policy's minimum score. */
    public static Result evaluate(DuplicateScorer scorer, Collection<Matter> matters, List<JudgedPair> pairs) {
        Scoring s = score(scorer, matters, pairs);
        return at(scorer.policy().minScore(), s.scored(), s.unsure(), s.missing());
    }

    /**
     * An estimate less flattering than {@link #evaluate}: the pairs are split into {@code folds} parts; for each,
     * the threshold with the best F1 on the other parts is applied to it, and the counts are pooled. Its
     * {@link Result#threshold()} is the mean of the chosen thresholds.
     */
    public static Result crossValidated(DuplicateScorer scorer, Collection<Matter> matters, List<JudgedPair> pairs,
                                        int folds) {
        Scoring scoring = score(scorer, matters, pairs);
        List<Scored> scored = scoring.scored();
        int tp = 0, fp = 0, fn = 0, tn = 0;
        double thresholds = 0;
        for (int k = 0; k < folds; k++) {
            List<Scored> train = new ArrayList<>();
            List<Scored> test = new ArrayList<>();
            for (int i = 0; i < scored.size(); i++) {
                (i % folds == k ? test : train).add(scored.get(i));
            }
            double t = bestThreshold(train);
            thresholds += t;
            Result r = at(t, test, 0, 0);
            tp += r.truePositives();
            fp += r.falsePositives();
            fn += r.falseNegatives();
            tn += r.trueNegatives();
        }
        return new Result(thresholds / folds, tp, fp, fn, tn, scoring.unsure(), scoring.missing());
    }

    /** The threshold with the best F1 on all the pairs (ties: the higher threshold), for information only. */
    public static Result best(DuplicateScorer scorer, Collection<Matter> matters, List<JudgedPair> pairs) {
        Scoring s = score(scorer, matters, pairs);
        return at(bestThreshold(s.scored()), s.scored(), s.unsure(), s.missing());
    }

    static Scoring score(DuplicateScorer scorer, Collection<Matter> matters, List<JudgedPair> pairs) {
        Map<String, Matter> byId = new HashMap<>();
        matters.forEach(m -> byId.put(m.id(), m));
        Map<String, PreparedMatter> prepared = new HashMap<>();
        List<Scored> out = new ArrayList<>();
        int unsure = 0;
        int missing = 0;
        for (JudgedPair p : pairs) {
            if (p.verdict() == Verdict.UNSURE) {
                unsure++;
                continue;
            }
            if (!byId.containsKey(p.a()) || !byId.containsKey(p.b())) {
                missing++;
                continue;
            }
            PreparedMatter a = prepared.computeIfAbsent(p.a(), id -> scorer.prepare(byId.get(id)));
            PreparedMatter b = prepared.computeIfAbsent(p.b(), id -> scorer.prepare(byId.get(id)));
            out.add(new Scored(p, scorer.assess(a, b).score()));
        }
        return new Scoring(out, unsure, missing);
    }

    private static Result at(double threshold, List<Scored> scored, int unsure, int missing) {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (Scored s : scored) {
            boolean reported = s.score() > 0 && s.score() >= threshold;
            boolean duplicate = s.pair().verdict() == Verdict.DUPLICATE;
            if (reported && duplicate) {
                tp++;
            } else if (reported) {
                fp++;
            } else if (duplicate) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Result(threshold, tp, fp, fn, tn, unsure, missing);
    }

    private static double bestThreshold(List<Scored> scored) {
        double best = 1;
        double bestF1 = -1;
        for (Scored s : scored) {
            if (s.score() <= 0) {
                continue;
            }
            double f1 = at(s.score(), scored, 0, 0).f1();
            if (f1 > bestF1 || f1 == bestF1 && s.score() > best) {
                bestF1 = f1;
                best = s.score();
            }
        }
        return best;
    }
}
