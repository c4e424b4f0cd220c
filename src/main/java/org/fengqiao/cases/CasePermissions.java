package org.fengqiao.cases;

import static org.fengqiao.organisation.Role.*;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.fengqiao.access.Actor;
import org.fengqiao.organisation.Role;

/**
 * Who may take which action on a case they can see. The centre drives the procedure, the handling unit
 * resolves the substance (综治中心程序性推进、办理部门实质性解决):
 * <ul>
 * <li>the owner centre's intake officers and dispatchers triage, assign, close at intake, archive and merge;</li>
 * <li>the handling unit's staff accept, return, transfer, mediate, ask for extensions and close;</li>
 * <li>supervisors of a centre whose region covers the case supervise, decide extensions and reviews;</li>
 * <li>centre staff covering the case record evaluations and revisits; everyone who sees a case may note and
 * attach;</li>
 * <li>the handling unit's staff and the owner centre's desk send interim replies to the citizen who brought it.</li>
 * </ul>
 */
final class CasePermissions {

    private static final Role[] CENTRE_DESK = {INTAKE, DISPATCHER};
    private static final Role[] HANDLING = {HANDLER, MEDIATOR, GRID_WORKER, DISPATCHER};

    private CasePermissions() {
    }

    /** The actions this actor may take in the case's current status. */
    static Set<CaseAction> allowed(Actor actor, Case c) {
        Set<CaseAction> actions = EnumSet.noneOf(CaseAction.class);
        for (CaseAction action : c.status().allowedActions()) {
            if (may(actor, c, action)) {
                actions.add(action);
            }
        }
        return actions;
    }

    static boolean may(Actor actor, Case c, CaseAction action) {
        boolean atOwner = actor.unitId() == c.ownerUnit();
        boolean atHandler = Objects.equals(c.handlingUnit(), actor.unitId());
        boolean atJoint = c.jointUnits().contains(actor.unitId());
        boolean coveringCentre = actor.unit().isCentre() && actor.jurisdiction().coversRegion(c.region().value());
        return switch (action) {
            case TRIAGE, ASSIGN, ARCHIVE, MERGE -> atOwner && actor.hasAny(CENTRE_DESK);
            case CLOSE -> c.status() == CaseStatus.IN_PROGRESS
                    ? atHandler && actor.hasAny(HANDLING)
                    : atOwner && actor.hasAny(CENTRE_DESK);
            case ACCEPT, RETURN, REQUEST_EXTENSION -> atHandler && actor.hasAny(HANDLING);
            case TRANSFER, ADD_JOINT_UNIT -> atHandler && actor.hasAny(HANDLING) || atOwner && actor.hasAny(CENTRE_DESK);
            case ESCALATE -> c.status() == CaseStatus.REGISTERED || c.status() == CaseStatus.RETURNED
                    ? atOwner && actor.hasAny(CENTRE_DESK)
                    : atHandler && actor.hasAny(HANDLING) || atOwner && actor.hasAny(CENTRE_DESK);
            case RECORD_MEDIATION, RECORD_AGREEMENT, REFER_CONFIRMATION ->
                    (atHandler || atJoint) && actor.hasAny(MEDIATOR, HANDLER, GRID_WORKER)
                            || atOwner && actor.hasAny(CENTRE_DESK);
            case SUPERVISE, DECIDE_EXTENSION, CONCLUDE_REVIEW -> coveringCentre && actor.has(SUPERVISOR);
            case EVALUATE, REVISIT -> (coveringCentre || atOwner) && actor.hasAny(INTAKE, DISPATCHER, GRID_WORKER);
            case ADD_NOTE, ATTACH -> !actor.roles().equals(Set.of(ADMIN));
            case REPLY -> c.channel().citizenBrought()
                    && (atHandler && actor.hasAny(HANDLING) || atOwner && actor.hasAny(CENTRE_DESK));
        };
    }
}
