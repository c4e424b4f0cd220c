package org.fengqiao.intelligence.duplicates;

import java.time.Duration;

/**
 * When two matters count as probably the same, and how much each signal weighs. The score of a pair is its text
 * similarity plus the bonuses of the signals that hold, less the penalty for a different place, clipped to
 * [0, 1]; a pair is reported when the score reaches {@code minScore}.
 *
 * @param minScore           a pair scoring at least this is reported as a probable duplicate
 * @param window             matters reported further apart than this are never duplicates (when both times are
 *                           known); an open case older than the window is a different matter
 * @param radiusMetres       matters at most this far apart (when both are located) count as nearby
 * @param titleWeight        share of the title cosine in the text similarity; the rest is the overlap of title
 *                           and body words (when a title is missing, the overlap alone)
 * @param minTextSimilarity  below this text similarity no other signal makes a match: the same person, grid or day
 *                           with a different story is a different matter
 * @param sameGridBonus      added when both matters name the same grid
 * @param nearbyBonus        added, in proportion to closeness, when both are within {@code radiusMetres}: the
 *                           whole bonus at the same spot, none at the edge of the radius
 * @param samePartyBonus     added when the matters share a party key (phone or ID hash)
 * @param recencyBonus       added, in proportion to closeness in time, for matters within the window: the whole
 *                           bonus for the same moment, none at the edge of the window
 * @param differentPlacePenalty subtracted when both matters name grids that differ and they are not nearby
 */
public record DuplicatePolicy(double minScore, Duration window, double radiusMetres, double titleWeight,
                              double minTextSimilarity, double sameGridBonus, double nearbyBonus,
                              double samePartyBonus, double recencyBonus, double differentPlacePenalty) {

    /** Checks ranges: scores, weights and similarities in [0, 1], a positive window and radius. */
    public DuplicatePolicy {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the time window must be positive, was " + window);
        }
        if (!(radiusMetres > 0)) {
            throw new IllegalArgumentException("the radius must be positive, was " + radiusMetres);
        }
        unit("minScore", minScore);
        unit("titleWeight", titleWeight);
        unit("minTextSimilarity", minTextSimilarity);
        unit("sameGridBonus", sameGridBonus);
        unit("nearbyBonus", nearbyBonus);
        unit("samePartyBonus", samePartyBonus);
        unit("recencyBonus", recencyBonus);
        unit("differentPlacePenalty", differentPlacePenalty);
    }

    /**
     * The defaults (docs/DUPLICATES.md): minimum score 0.35, a 180-day window, a 300-metre radius, title weight
     * 0.3, text floor 0.20; bonuses 0.10 for the same grid, up to 0.10 for nearby, 0.20 for a shared party, none
     * for closeness in time; penalty 0.15 for different grids. The text measure, threshold, window and recency
     * bonus were measured on the judged message-board pairs (a recency bonus did not help there, a shorter window
     * cost recall); the board has no places or parties, so their weights are judgement, not measurement.
     */
    public static DuplicatePolicy defaults() {
        return new DuplicatePolicy(0.35, Duration.ofDays(180), 300, 0.3, 0.20, 0.10, 0.10, 0.20, 0.0, 0.15);
    }

    /** This policy with another minimum score. */
    public DuplicatePolicy withMinScore(double score) {
        return new DuplicatePolicy(score, window, radiusMetres, titleWeight, minTextSimilarity, sameGridBonus,
                nearbyBonus, samePartyBonus, recencyBonus, differentPlacePenalty);
    }

    /** This policy with another time window. */
    public DuplicatePolicy withWindow(Duration newWindow) {
        return new DuplicatePolicy(minScore, newWindow, radiusMetres, titleWeight, minTextSimilarity, sameGridBonus,
                nearbyBonus, samePartyBonus, recencyBonus, differentPlacePenalty);
    }

    /** This policy with another radius. */
    public DuplicatePolicy withRadiusMetres(double metres) {
        return new DuplicatePolicy(minScore, window, metres, titleWeight, minTextSimilarity, sameGridBonus,
                nearbyBonus, samePartyBonus, recencyBonus, differentPlacePenalty);
    }

    /** This policy with another closeness-in-time bonus. */
    public DuplicatePolicy withRecencyBonus(double bonus) {
        return new DuplicatePolicy(minScore, window, radiusMetres, titleWeight, minTextSimilarity, sameGridBonus,
                nearbyBonus, samePartyBonus, bonus, differentPlacePenalty);
    }

    private static void unit(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1], was " + value);
        }
    }
}
