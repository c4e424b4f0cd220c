package org.fengqiao.cases;

/** The citizen's evaluation (群众评价). */
public enum Rating {
    /** 满意 */
    SATISFIED,
    /** 基本满意 */
    BASICALLY_SATISFIED,
    /** 不满意: triggers a review, which may reopen the case */
    DISSATISFIED
}
