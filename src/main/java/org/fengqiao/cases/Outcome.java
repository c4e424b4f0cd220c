package org.fengqiao.cases;

/**
 * How a case was closed. Closed is not resolved: only {@link #RESOLVED} and {@link #ANSWERED} count as
 * resolved in the resolution rate.
 */
public enum Outcome {
    /** 化解成功 */
    RESOLVED(true, false),
    /** 已答复办理 (consultations, help requests, complaints dealt with) */
    ANSWERED(true, false),
    /** 部分化解 */
    PARTIALLY_RESOLVED(false, false),
    /** 未化解·转诉讼 */
    REFERRED_TO_LITIGATION(false, false),
    /** 未化解·转仲裁 */
    REFERRED_TO_ARBITRATION(false, false),
    /** 未化解 */
    NOT_RESOLVED(false, false),
    /** 不予受理 (with reason) */
    REJECTED(false, true),
    /** 不属实 (with reason) */
    UNFOUNDED(false, true),
    /** 已移送 other system (with reason) */
    HANDED_OVER(false, true);

    private final boolean resolved;
    private final boolean mayCloseAtIntake;

    Outcome(boolean resolved, boolean mayCloseAtIntake) {
        this.resolved = resolved;
        this.mayCloseAtIntake = mayCloseAtIntake;
    }

    public boolean isResolved() {
        return resolved;
    }

    /**
     * Whether a centre may close a case with this outcome before handing it to a unit: rejection, unfounded,
     * handed over — or answered on the spot (当场办结).
     */
    public boolean mayCloseBeforeHandling() {
        return mayCloseAtIntake || this == ANSWERED;
    }
}
