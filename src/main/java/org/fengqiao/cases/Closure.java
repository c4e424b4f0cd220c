package org.fengqiao.cases;

import java.time.Instant;

/**
 * How a case ended and what came after: its outcome, when and whether on time it closed, the citizen's rating,
 * the revisit (回访) due and made, and the archive. Null where it has not happened.
 */
record Closure(Outcome outcome, Instant closedAt, Boolean closedOnTime, Rating rating, Instant evaluatedAt,
               Instant revisitDueAt, Instant revisitedAt, Instant archivedAt) {

    static final Closure NONE = new Closure(null, null, null, null, null, null, null, null);

    static Closure closed(Outcome outcome, Instant at, boolean onTime, Instant revisitDue) {
        return new Closure(outcome, at, onTime, null, null, revisitDue, null, null);
    }

    Closure evaluated(Rating given, Instant at) {
        return new Closure(outcome, closedAt, closedOnTime, given, at, revisitDueAt, revisitedAt, archivedAt);
    }

    Closure revisited(Instant at) {
        return new Closure(outcome, closedAt, closedOnTime, rating, evaluatedAt, revisitDueAt, at, archivedAt);
    }

    Closure archived(Instant at) {
        return new Closure(outcome, closedAt, closedOnTime, rating, evaluatedAt, revisitDueAt, revisitedAt, at);
    }

    /** Reopened: the outcome and all that followed it are undone; only the last revisit stays on record. */
    Closure reopened() {
        return new Closure(null, null, null, null, null, null, revisitedAt, null);
    }
}
