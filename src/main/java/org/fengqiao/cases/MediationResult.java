package org.fengqiao.cases;

/** Result of one mediation session. */
public enum MediationResult {
    AGREED, PARTIALLY_AGREED, NOT_AGREED, ADJOURNED
}
