package org.fengqiao.organisation;

/**
 * What a staff user may do. A user has one or more roles and belongs to exactly one unit.
 */
public enum Role {
    /** 受理员: registers cases at a centre's window or from any channel. */
    INTAKE,
    /** 分派员: triages and dispatches, archives, records evaluations and revisits. */
    DISPATCHER,
    /** 承办人: handles cases assigned to the unit. */
    HANDLER,
    /** 调解员: records mediation sessions and agreements. */
    MEDIATOR,
    /** 网格员: reports from patrol, first-line mediation, revisits in the grid. */
    GRID_WORKER,
    /** 督办员 / 领导: supervision notices, extension approvals, reviews. */
    SUPERVISOR,
    /** 管理员: users, units, categories, rules, policies, calendar. */
    ADMIN
}
