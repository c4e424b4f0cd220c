package org.fengqiao.access;

import java.io.Serializable;
import java.util.Set;

import org.springframework.security.core.AuthenticatedPrincipal;

import org.fengqiao.organisation.Role;
import org.fengqiao.organisation.StaffUser;
import org.fengqiao.organisation.Unit;

/**
 * The authenticated staff user behind a request, with their unit and jurisdiction.
 */
public record Actor(long userId, String username, String displayName, Unit unit, Set<Role> roles, String gridCode)
        implements AuthenticatedPrincipal, Serializable, org.fengqiao.audit.AuditedActor {

    /** The user name: what a page session is indexed by. */
    @Override
    public String getName() {
        return username;
    }


    public Actor {
        roles = Set.copyOf(roles);
    }

    public static Actor of(StaffUser user, Unit unit) {
        return new Actor(user.id(), user.username(), user.displayName(), unit, user.roles(), user.gridCode());
    }

    public long unitId() {
        return unit.id();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role r : any) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the user has any of the named roles (e.g. {@code "INTAKE,DISPATCHER"}); cheap enough for a page to
     * ask many times while it renders.
     */
    public boolean hasAnyRole(String names) {
        for (String name : names.split(",")) {
            if (roles.contains(Role.valueOf(name.strip()))) {
                return true;
            }
        }
        return false;
    }

    public Jurisdiction jurisdiction() {
        return new Jurisdiction(unit.isCentre() ? unit.regionCode().prefix() : null, unit.id());
    }
}
