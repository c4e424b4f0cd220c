package org.fengqiao.cases;

import java.time.Instant;

/**
 * A case's deadlines and where it stands against them: when it was assigned, until when the unit must accept
 * it and handle it (by which policy), when it accepted, and since when it is overdue, chased (催办) and reported
 * (通报). Null where nothing runs.
 */
record DueDates(Instant assignedAt, Instant acceptDueAt, Instant acceptedAt, Instant handleDueAt, String handlePolicy,
                Instant overdueSince, Instant chasedAt, Instant reportedAt) {

    static final DueDates NONE = new DueDates(null, null, null, null, null, null, null, null);

    /** Deadlines just fixed by policy, to be set by a transition. */
    static DueDates fixed(Instant acceptDue, Instant handleDue, String handlePolicy) {
        return new DueDates(null, acceptDue, null, handleDue, handlePolicy, null, null, null);
    }

    /** These deadlines starting now for a newly assigned unit: nothing accepted, nothing overdue. */
    DueDates assignedAt(Instant at) {
        return new DueDates(at, acceptDueAt, null, handleDueAt, handlePolicy, null, null, null);
    }

    /** The case left its unit (returned, escalated): no deadline runs. */
    DueDates cleared() {
        return new DueDates(assignedAt, null, null, null, null, null, null, null);
    }

    DueDates accepted(Instant at) {
        return new DueDates(assignedAt, acceptDueAt, at, handleDueAt, handlePolicy, overdueSince, chasedAt, reportedAt);
    }

    /** A new handling deadline (reopening), the rest kept; no longer overdue. */
    DueDates handleBy(Instant due, String policy) {
        return new DueDates(assignedAt, acceptDueAt, acceptedAt, due, policy, null, null, null);
    }

    /** A later handling deadline (an approved extension); no longer overdue if it has not passed yet at {@code at}. */
    DueDates extendedTo(Instant due, Instant at) {
        DueDates extended = new DueDates(assignedAt, acceptDueAt, acceptedAt, due, handlePolicy, overdueSince, chasedAt,
                reportedAt);
        return overdueSince != null && at.isBefore(due) ? extended.notOverdue() : extended;
    }

    DueDates notOverdue() {
        return new DueDates(assignedAt, acceptDueAt, acceptedAt, handleDueAt, handlePolicy, null, null, null);
    }

    DueDates overdue(Instant since) {
        return new DueDates(assignedAt, acceptDueAt, acceptedAt, handleDueAt, handlePolicy, since, null, null);
    }

    DueDates chased(Instant at) {
        return new DueDates(assignedAt, acceptDueAt, acceptedAt, handleDueAt, handlePolicy, overdueSince, at, null);
    }

    DueDates reported(Instant at) {
        return new DueDates(assignedAt, acceptDueAt, acceptedAt, handleDueAt, handlePolicy, overdueSince, chasedAt, at);
    }

    /**
     * The deadline missed by {@code now}: handling, or acceptance while still only assigned; null when none has
     * passed.
     */
    Instant missed(Instant now, boolean awaitingAcceptance) {
        if (handleDueAt != null && !now.isBefore(handleDueAt)) {
            return handleDueAt;
        }
        if (awaitingAcceptance && acceptDueAt != null && !now.isBefore(acceptDueAt)) {
            return acceptDueAt;
        }
        return null;
    }

    /**
     * Refuses an extension to {@code requestedDue} asked at {@code at}: only before the handling deadline, to a
     * later day, and no more often than the policy's limit.
     */
    void requireExtensible(Instant requestedDue, Instant at, int granted, int limit) {
        if (handleDueAt == null || !at.isBefore(handleDueAt)) {
            throw new CaseRefused("case.extensionAfterDeadline");
        }
        if (granted >= limit) {
            throw new CaseRefused("case.extensionLimit", limit);
        }
        if (!requestedDue.isAfter(handleDueAt)) {
            throw new CaseRefused("case.extensionNotLater");
        }
    }
}
