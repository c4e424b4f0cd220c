package org.fengqiao.cases;

import static org.fengqiao.organisation.Role.*;

import java.util.EnumSet;
import java.util.Set;

import org.fengqiao.organisation.Role;

/**
 * The trays of a user's workbench (工作台): what waits for them, by the kind of action it needs.
 */
public enum Tray {
    /** 待分派: registered or escalated to my centre, not yet assigned. */
    TO_DISPATCH(INTAKE, DISPATCHER),
    /** 被退回: returned by the unit it was assigned to. */
    RETURNED(INTAKE, DISPATCHER),
    /** 待签收: assigned to my unit, not yet accepted. */
    TO_ACCEPT(HANDLER, MEDIATOR, GRID_WORKER, DISPATCHER),
    /** 办理中: accepted by my unit (or handled jointly). */
    IN_PROGRESS(HANDLER, MEDIATOR, GRID_WORKER, DISPATCHER),
    /** 即将到期: due within two working days. */
    DUE_SOON(HANDLER, MEDIATOR, GRID_WORKER, DISPATCHER, SUPERVISOR),
    /** 已超期: past its deadline. */
    OVERDUE(HANDLER, MEDIATOR, GRID_WORKER, DISPATCHER, SUPERVISOR),
    /** 督办件: an open supervision, chase or report notice addressed to my unit. */
    SUPERVISED(HANDLER, MEDIATOR, GRID_WORKER, DISPATCHER),
    /** 待审批延期: extension requests for a supervisor to decide. */
    EXTENSIONS(SUPERVISOR),
    /** 待录入评价: closed, the citizen's evaluation not yet recorded. */
    TO_EVALUATE(INTAKE, DISPATCHER, GRID_WORKER),
    /** 待复核: the citizen was dissatisfied; a supervisor reviews. */
    REVIEWS(SUPERVISOR),
    /** 待回访: the revisit falls due (or fell due in the last 30 days). */
    REVISITS_DUE(INTAKE, DISPATCHER, GRID_WORKER);

    private final Set<Role> roles;

    Tray(Role... roles) {
        this.roles = EnumSet.of(roles[0], roles);
    }

    /**
     * Whether the tray holds only cases the caller's unit owns, handles, handles jointly or was sent a notice
     * about — all within its jurisdiction by construction (owners are centres covering the case's region).
     */
    public boolean isOwnUnits() {
        return this != EXTENSIONS && this != REVIEWS;
    }

    /** Whether a user with these roles works this tray. */
    public boolean concerns(Set<Role> userRoles) {
        return userRoles.stream().anyMatch(roles::contains);
    }
}
