package org.fengqiao.intelligence.duplicates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The distinct words of a text with their weights: what the scorer compares. Compute it once per case (at intake
 * or when the case is loaded) and keep it; comparing two sets is one merge pass without allocation, because the
 * words are kept sorted by hash code. Hash collisions between distinct words are possible but rare enough (a few
 * hundred words in a 32-bit space) not to move a similarity noticeably.
 *
 * <p>{@link #heaviest(int)} gives the words that best identify the text, for a cheap candidate query (for example
 * against the case search index) before scoring. Immutable and thread-safe.
 */
public final class TermSet {

    /** The set of no words: similar to nothing. */
    public static final TermSet EMPTY = new TermSet(new int[0], new String[0], new double[0]);

    private final int[] codes;
    private final String[] terms;
    private final double[] weights;
    private final double weightSum;
    private final double squaredWeightSum;

    private TermSet(int[] codes, String[] terms, double[] weights) {
        this.codes = codes;
        this.terms = terms;
        this.weights = weights;
        this.weightSum = Arrays.stream(weights).sum();
        this.squaredWeightSum = Arrays.stream(weights).map(w -> w * w).sum();
    }

    /** The words of {@code text} (raw prose; null or blank gives {@link #EMPTY}), all weighing 1. */
    public static TermSet of(String text) {
        return of(text, TermWeights.UNIFORM);
    }

    /** The words of {@code text} (raw prose; null or blank gives {@link #EMPTY}), weighted by {@code weights}. */
    public static TermSet of(String text, TermWeights weights) {
        return of(Words.of(text), weights);
    }

    /** The distinct {@code words}, each weighted by {@code weights}. */
    static TermSet of(List<String> words, TermWeights weights) {
        if (words.isEmpty()) {
            return EMPTY;
        }
        String[] distinct = new LinkedHashSet<>(words).stream()
                .sorted(Comparator.comparingInt(String::hashCode).thenComparing(Comparator.naturalOrder()))
                .toArray(String[]::new);
        int[] codes = Arrays.stream(distinct).mapToInt(String::hashCode).toArray();
        double[] w = Arrays.stream(distinct).mapToDouble(weights::weight).toArray();
        return new TermSet(codes, distinct, w);
    }

    /** The number of distinct words. */
    public int size() {
        return codes.length;
    }

    /** Whether the text had no words worth comparing. */
    public boolean isEmpty() {
        return codes.length == 0;
    }

    /**
     * Weighted cosine similarity in [0, 1]: the shared words' squared weights over the geometric mean of both
     * sets' squared weights. 0 when either set is empty.
     */
    public double cosine(TermSet other) {
        if (isEmpty() || other.isEmpty()) {
            return 0;
        }
        return Math.min(1, common(other, true) / Math.sqrt(squaredWeightSum * other.squaredWeightSum));
    }

    /**
     * Weighted overlap coefficient in [0, 1]: the shared words' weight over the lighter set's weight, so a short
     * text whose words all recur in a longer one scores 1. 0 when either set is empty.
     */
    public double overlap(TermSet other) {
        if (isEmpty() || other.isEmpty()) {
            return 0;
        }
        return Math.min(1, common(other, false) / Math.min(weightSum, other.weightSum));
    }

    /** Whether the two sets share at least one word. */
    public boolean sharesAnyWith(TermSet other) {
        int i = 0;
        int j = 0;
        while (i < codes.length && j < other.codes.length) {
            if (codes[i] == other.codes[j]) {
                return true;
            } else if (codes[i] < other.codes[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    private double common(TermSet other, boolean squared) {
        double sum = 0;
        int[] x = codes;
        int[] y = other.codes;
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                sum += squared ? weights[i] * weights[i] : weights[i];
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    /** Up to {@code limit} words of this set, heaviest (then longest) first: a query for likely candidates. */
    public List<String> heaviest(int limit) {
        return byWeight(IntStream.range(0, codes.length).boxed().toList(), limit);
    }

    /** Up to {@code limit} words of both sets, heaviest (then longest) first: what a reason can show. */
    public List<String> commonWords(TermSet other, int limit) {
        List<Integer> shared = new ArrayList<>();
        int j = 0;
        for (int i = 0; i < codes.length; i++) {
            while (j < other.codes.length && other.codes[j] < codes[i]) {
                j++;
            }
            for (int k = j; k < other.codes.length && other.codes[k] == codes[i]; k++) {
                if (other.terms[k].equals(terms[i])) {
                    shared.add(i);
                    break;
                }
            }
        }
        return byWeight(shared, limit);
    }

    private List<String> byWeight(List<Integer> indexes, int limit) {
        return indexes.stream()
                .sorted(Comparator.<Integer>comparingDouble(i -> -weights[i]).thenComparingInt(i -> -terms[i].length())
                        .thenComparing(i -> terms[i]))
                .limit(limit).map(i -> terms[i]).toList();
    }

    @Override
    public String toString() {
        return "TermSet" + heaviest(8) + (size() > 8 ? "+" + (size() - 8) : "");
    }
}
