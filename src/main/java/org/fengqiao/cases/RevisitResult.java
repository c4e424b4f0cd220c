package org.fengqiao.cases;

/** What a revisit (回访) found. A matter no longer resolved reopens the case. */
public enum RevisitResult {
    STILL_RESOLVED, NOT_RESOLVED, UNREACHABLE
}
