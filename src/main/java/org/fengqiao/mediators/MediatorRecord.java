package org.fengqiao.mediators;

/**
 * A mediator's record, measured from the cases the viewer may see: the cases in which the mediator's account
 * recorded a mediation session.
 *
 * @param successRate resolved ÷ closed, or null while fewer than {@link #MIN_SAMPLE} of them are closed
 * @param averageDays mean days from registration to closing of the closed ones, or null when none is
 */
public record MediatorRecord(long mediatorId, int casesMediated, int closed, int resolved, Double successRate,
                             Double averageDays, int openCases) {

    /** A success rate on fewer closed cases says too little to be shown. */
    public static final int MIN_SAMPLE = 10;
}
