package org.fengqiao.cases;

import static org.fengqiao.cases.CaseAction.*;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands in the closed loop, and what may happen to it there.
 *
 * <pre>
 *  REGISTERED ──assign──▶ ASSIGNED ──accept──▶ IN_PROGRESS ──close──▶ CLOSED ──archive──▶ ARCHIVED
 *      ▲  │                 │  ▲                  │   ▲                 │  ▲                 │
 *      │  └─close (reject)  │  └─transfer─────────┘   │       evaluate  │  └─uphold          │
 *  escalate               return                     reopen ◀── UNDER_REVIEW ◀┘               │
 *      │                    ▼                          ▲                                     │
 *      └──────────────── RETURNED ──assign──▶ …        └──────── revisit (not resolved) ◀────┘
 *  any open state ──merge──▶ MERGED
 * </pre>
 */
public enum CaseStatus {
    /** 已登记，待分派: at a centre, waiting for triage and dispatch (also after escalation). */
    REGISTERED(TRIAGE, ASSIGN, ESCALATE, CLOSE, MERGE, ADD_NOTE, SUPERVISE, ATTACH, REPLY),
    /** 已交办，待签收: assigned to a unit that has not yet accepted it. */
    ASSIGNED(TRIAGE, ASSIGN, ACCEPT, RETURN, TRANSFER, ESCALATE, MERGE, ADD_NOTE, SUPERVISE, ATTACH, REPLY),
    /** 办理中: accepted and being handled. */
    IN_PROGRESS(TRANSFER, ESCALATE, ADD_NOTE, RECORD_MEDIATION, ADD_JOINT_UNIT, REQUEST_EXTENSION,
            DECIDE_EXTENSION, SUPERVISE, CLOSE, RECORD_AGREEMENT, MERGE, ATTACH, REPLY),
    /** 已退回: refused by the unit, back with the dispatcher. */
    RETURNED(TRIAGE, ASSIGN, ESCALATE, CLOSE, MERGE, ADD_NOTE, SUPERVISE, ATTACH, REPLY),
    /** 已办结: closed with an outcome, awaiting evaluation, revisit and archive. */
    CLOSED(EVALUATE, ARCHIVE, REVISIT, RECORD_AGREEMENT, REFER_CONFIRMATION, ADD_NOTE, ATTACH),
    /** 复核中: the citizen was dissatisfied; a supervisor decides whether to reopen. */
    UNDER_REVIEW(CONCLUDE_REVIEW, ADD_NOTE, REPLY),
    /** 已归档: the file is frozen; only a revisit (which may reopen) or a confirmation referral remain. */
    ARCHIVED(REVISIT, REFER_CONFIRMATION),
    /** 已合并: a duplicate linked to its master case; nothing more happens here. */
    MERGED();

    private final Set<CaseAction> allowed;

    CaseStatus(CaseAction... allowed) {
        this.allowed = allowed.length == 0 ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.of(allowed[0], allowed));
    }

    public boolean allows(CaseAction action) {
        return allowed.contains(action);
    }

    /** Refuses the action with the status and the actions it allows, unless it allows it. */
    public void require(CaseAction action) {
        if (!allows(action)) {
            throw new ActionNotAllowed(this, action);
        }
    }

    public Set<CaseAction> allowedActions() {
        return allowed;
    }

    /** Still waiting for someone to act (counts towards workloads and overdue figures). */
    public boolean isOpen() {
        return this == REGISTERED || this == ASSIGNED || this == IN_PROGRESS || this == RETURNED;
    }

    /** Closed with an outcome, whatever came after (evaluation, review, archive); a merged case has none. */
    public boolean hasOutcome() {
        return this == CLOSED || this == UNDER_REVIEW || this == ARCHIVED;
    }

    /**
     * The SQL condition that {@code column} holds one of the statuses that pass the test, with the names written
     * out (as a partial index's predicate is written): {@code c.status in ('REGISTERED', 'ASSIGNED')}. This is
     * how SQL anywhere names a set of statuses, never as string literals of its own.
     */
    public static String sqlIn(String column, java.util.function.Predicate<CaseStatus> test) {
        return column + " in (" + java.util.Arrays.stream(values()).filter(test).map(s -> "'" + s.name() + "'")
                .collect(java.util.stream.Collectors.joining(", ")) + ")";
    }

    /** The names of the statuses that pass the test, as SQL compares them. */
    public static String[] names(java.util.function.Predicate<CaseStatus> test) {
        return java.util.Arrays.stream(values()).filter(test).map(Enum::name).toArray(String[]::new);
    }
}
