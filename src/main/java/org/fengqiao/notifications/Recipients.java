package org.fengqiao.notifications;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.fengqiao.organisation.Role;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.StaffUser;

/** Who in a unit a message is for. */
@Component
class Recipients {

    /** Who works the unit's cases. */
    static final Set<Role> HANDLING = EnumSet.of(Role.HANDLER, Role.DISPATCHER, Role.MEDIATOR);
    /** Who dispatches the unit's cases again. */
    static final Set<Role> DISPATCHING = EnumSet.of(Role.DISPATCHER);

    private final Staff staff;

    Recipients(Staff staff) {
        this.staff = staff;
    }

    /**
     * The unit's active users with any of the roles; if it has none, every active user of the unit who is not
     * only an administrator (so a small committee without those roles still hears of its cases).
     */
    Set<Long> of(long unitId, Set<Role> roles) {
        List<StaffUser> users = staff.inUnit(unitId).stream().filter(StaffUser::active).toList();
        Set<Long> ids = new LinkedHashSet<>();
        users.stream().filter(u -> u.roles().stream().anyMatch(roles::contains)).forEach(u -> ids.add(u.id()));
        if (ids.isEmpty()) {
            users.stream().filter(u -> !u.roles().equals(Set.of(Role.ADMIN))).forEach(u -> ids.add(u.id()));
        }
        return ids;
    }
}
