package org.fengqiao.intelligence.duplicates;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds open matters that are probably the same as an incoming one, with a score and the reasons.
 *
 * <p>The text similarity is {@code titleWeight × cosine(title words) + (1 − titleWeight) × overlap(title and body
 * words)}, words weighted by {@link TermWeights} (see docs/DUPLICATES.md for why this measure). Then, in order:
 * <ol>
 *   <li>both times known and further apart than the policy's window: not a duplicate, whatever the text;</li>
 *   <li>text similarity below {@code minTextSimilarity}: not a duplicate, whatever else matches;</li>
 *   <li>otherwise the score is the text similarity plus the bonuses for the same grid, nearness, a shared party and
 *       closeness in time, less the penalty for different grids far apart, clipped to [0, 1];</li>
 *   <li>a score of at least {@code minScore} is a probable duplicate.</li>
 * </ol>
 * A fact missing on either side (no grid, no coordinates, no time, no party keys) neither helps nor hurts.
 *
 * <p>Thread-safe. Scoring prepared matters costs a few microseconds; preparing (word splitting) costs more, so
 * prepare each open case once with {@link #prepare(Matter)} and reuse it.
 */
public final class DuplicateScorer {

    static final int SHARED_WORDS_SHOWN = 8;
    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private final DuplicatePolicy policy;
    private final TermWeights weights;

    /**
     * A scorer with {@code policy} and word {@code weights} ({@link TermWeights#UNIFORM} when no statistics of
     * recent cases are at hand; {@link TermWeights#fromTexts} of them is better).
     */
    public DuplicateScorer(DuplicatePolicy policy, TermWeights weights) {
        if (policy == null || weights == null) {
            throw new IllegalArgumentException("a duplicate scorer needs a policy and term weights");
        }
        this.policy = policy;
        this.weights = weights;
    }

    /** A scorer with the default policy and uniform word weights. */
    public static DuplicateScorer withDefaults() {
        return new DuplicateScorer(DuplicatePolicy.defaults(), TermWeights.UNIFORM);
    }

    public DuplicatePolicy policy() {
        return policy;
    }

    public TermWeights weights() {
        return weights;
    }

    /** Splits and weighs the words of {@code matter} once, for repeated scoring. */
    public PreparedMatter prepare(Matter matter) {
        return new PreparedMatter(matter, TermSet.of(matter.title(), weights),
                TermSet.of(joined(matter.title(), matter.text()), weights));
    }

    /** The title and body as one text, as the scorer reads them (also what {@link TermWeights} should count). */
    public static String joined(String title, String text) {
        String t = title == null ? "" : title.strip();
        String b = text == null ? "" : text.strip();
        return t.isEmpty() ? b : b.isEmpty() ? t : t + "。" + b;
    }

    /** {@code candidate} as a probable duplicate of {@code incoming}, or empty when it is not one. */
    public Optional<DuplicateMatch> score(Matter incoming, Matter candidate) {
        return score(prepare(incoming), prepare(candidate));
    }

    /** {@code candidate} as a probable duplicate of {@code incoming}, or empty when it is not one. */
    public Optional<DuplicateMatch> score(PreparedMatter incoming, PreparedMatter candidate) {
        DuplicateMatch m = assess(incoming, candidate);
        return m.score() >= policy.minScore() ? Optional.of(m) : Optional.empty();
    }

    /**
     * The score and reasons of the pair whether or not it reaches the minimum score: for evaluation and for
     * explaining why a case was not proposed. Outside the time window or below the text floor the score is 0.
     */
    public DuplicateMatch assess(PreparedMatter incoming, PreparedMatter candidate) {
        Matter a = incoming.matter();
        Matter b = candidate.matter();
        List<Reason> reasons = new ArrayList<>();
        String id = b.id();
        if (!withinWindow(a, b)) {
            return new DuplicateMatch(id, 0, List.of(), List.of());
        }
        double text = textSimilarity(incoming, candidate);
        if (text < policy.minTextSimilarity() || text == 0) {
            return new DuplicateMatch(id, 0, List.of(), List.of());
        }
        reasons.add(new Reason(Reason.Code.TEXT_SIMILAR, text, text));
        double score = text;

        boolean sameGrid = known(a.grid()) && known(b.grid()) && a.grid().equals(b.grid());
        if (sameGrid && policy.sameGridBonus() > 0) {
            reasons.add(new Reason(Reason.Code.SAME_GRID, 1, policy.sameGridBonus()));
            score += policy.sameGridBonus();
        }
        double metres = a.located() && b.located() ? distanceMetres(a, b) : Double.NaN;
        boolean nearby = metres <= policy.radiusMetres();
        if (nearby) {
            double bonus = policy.nearbyBonus() * (1 - metres / policy.radiusMetres());
            reasons.add(new Reason(Reason.Code.NEARBY, metres, bonus));
            score += bonus;
        }
        int sharedParties = sharedParties(a, b);
        if (sharedParties > 0 && policy.samePartyBonus() > 0) {
            reasons.add(new Reason(Reason.Code.SAME_PARTY, sharedParties, policy.samePartyBonus()));
            score += policy.samePartyBonus();
        }
        if (a.at() != null && b.at() != null) {
            Duration apart = Duration.between(a.at(), b.at()).abs();
            double share = (double) apart.toSeconds() / policy.window().toSeconds();
            double bonus = policy.recencyBonus() * (1 - share);
            reasons.add(new Reason(Reason.Code.WITHIN_WINDOW, apart.toSeconds() / 86_400.0, bonus));
            score += bonus;
        }
        if (known(a.grid()) && known(b.grid()) && !sameGrid && !nearby && policy.differentPlacePenalty() > 0) {
            reasons.add(new Reason(Reason.Code.DIFFERENT_PLACE, metres, -policy.differentPlacePenalty()));
            score -= policy.differentPlacePenalty();
        }
        return new DuplicateMatch(id, Math.max(0, Math.min(1, score)), reasons,
                incoming.all().commonWords(candidate.all(), SHARED_WORDS_SHOWN));
    }

    /**
     * The probable duplicates of {@code incoming} among {@code candidates}, best first, at most {@code limit}.
     * A candidate with the incoming matter's own id is skipped.
     */
    public List<DuplicateMatch> rank(Matter incoming, Collection<Matter> candidates, int limit) {
        PreparedMatter in = prepare(incoming);
        List<PreparedMatter> prepared = candidates.stream()
                .filter(c -> !c.id().equals(incoming.id()) && withinWindow(incoming, c))
                .map(this::prepare).toList();
        return rankPrepared(in, prepared, limit);
    }

    /** As {@link #rank(Matter, Collection, int)}, for matters prepared beforehand. */
    public List<DuplicateMatch> rankPrepared(PreparedMatter incoming, Collection<PreparedMatter> candidates,
                                             int limit) {
        if (limit <= 0) {
            return List.of();
        }
        String ownId = incoming.matter().id();
        return candidates.stream()
                .filter(c -> !c.matter().id().equals(ownId))
                .map(c -> score(incoming, c))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingDouble(DuplicateMatch::score).reversed()
                        .thenComparing(DuplicateMatch::candidateId))
                .limit(limit)
                .toList();
    }

    /**
     * Whether the time window allows the pair (true when either time is unknown): a cheap filter before
     * preparing candidates.
     */
    public boolean withinWindow(Matter a, Matter b) {
        return a.at() == null || b.at() == null
                || Duration.between(a.at(), b.at()).abs().compareTo(policy.window()) <= 0;
    }

    /** The text similarity of two prepared matters, in [0, 1]. */
    public double textSimilarity(PreparedMatter a, PreparedMatter b) {
        double all = a.all().overlap(b.all());
        if (a.title().isEmpty() || b.title().isEmpty()) {
            return all;
        }
        return policy.titleWeight() * a.title().cosine(b.title()) + (1 - policy.titleWeight()) * all;
    }

    private static boolean known(String code) {
        return code != null && !code.isBlank();
    }

    private static int sharedParties(Matter a, Matter b) {
        if (a.partyKeys().isEmpty() || b.partyKeys().isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(a.partyKeys());
        shared.retainAll(b.partyKeys());
        return shared.size();
    }

    /** Great-circle distance (haversine) between two located matters. */
    static double distanceMetres(Matter a, Matter b) {
        double p1 = Math.toRadians(a.latitude());
        double p2 = Math.toRadians(b.latitude());
        double dp = p2 - p1;
        double dl = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
