package org.fengqiao.cases;

/**
 * What people can do to a case. Which actions a status allows is {@link CaseStatus#allows}; which of them a
 * given user may take is decided by {@link CasePermissions}.
 */
public enum CaseAction {
    TRIAGE, ASSIGN, ACCEPT, RETURN, TRANSFER, ESCALATE,
    ADD_NOTE, RECORD_MEDIATION, ADD_JOINT_UNIT,
    REQUEST_EXTENSION, DECIDE_EXTENSION, SUPERVISE,
    CLOSE, RECORD_AGREEMENT, REFER_CONFIRMATION,
    EVALUATE, CONCLUDE_REVIEW, ARCHIVE, REVISIT, MERGE, ATTACH, REPLY
}
