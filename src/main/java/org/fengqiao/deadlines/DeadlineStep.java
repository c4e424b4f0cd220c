package org.fengqiao.deadlines;

/**
 * The steps that carry a deadline.
 */
public enum DeadlineStep {
    /** The assigned unit acknowledges (签收). */
    ACCEPT(Anchor.END_OF_DAY),
    /** The unit resolves and closes (办结). */
    HANDLE(Anchor.END_OF_DAY),
    /** Automatic chase after a missed deadline (催办). */
    CHASE(Anchor.START_OF_DAY),
    /** Public report after a chase that did not help (通报). */
    REPORT(Anchor.START_OF_DAY),
    /** Revisit after closing (回访). */
    REVISIT(Anchor.END_OF_DAY),
    /** Answer to a supervision notice (督办反馈). */
    SUPERVISION(Anchor.END_OF_DAY),
    /** Application for judicial confirmation of a mediation agreement (司法确认). */
    JUDICIAL_CONFIRMATION(Anchor.END_OF_DAY),
    /** The longest extension that may be granted, and how many times (延期). */
    EXTENSION_MAX(Anchor.END_OF_DAY);

    /** Whether the deadline falls at the end of the n-th day or when offices open on it. */
    public enum Anchor { END_OF_DAY, START_OF_DAY }

    private final Anchor anchor;

    DeadlineStep(Anchor anchor) {
        this.anchor = anchor;
    }

    public Anchor anchor() {
        return anchor;
    }
}
