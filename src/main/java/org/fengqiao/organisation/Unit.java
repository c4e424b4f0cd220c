package org.fengqiao.organisation;

import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.RegionLevel;

/**
 * A governance centre, department or committee, bound to the region it serves.
 */
public record Unit(long id, String code, String name, UnitKind kind, DivisionCode regionCode, boolean active)
        implements java.io.Serializable {

    public RegionLevel level() {
        return regionCode.level();
    }

    public boolean isCentre() {
        return kind.isCentre();
    }
}
