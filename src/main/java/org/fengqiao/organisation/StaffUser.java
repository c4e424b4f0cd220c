package org.fengqiao.organisation;

import java.util.Set;

/**
 * A member of staff. Their unit fixes what they may see; their roles what they may do.
 *
 * @param gridCode the grid a grid worker is responsible for, or {@code null}
 */
public record StaffUser(long id, String username, String displayName, long unitId, Set<Role> roles,
                        String gridCode, boolean active) {

    public StaffUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
