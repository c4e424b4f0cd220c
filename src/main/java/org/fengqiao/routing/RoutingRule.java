package org.fengqiao.routing;

import org.fengqiao.organisation.UnitKind;
import org.fengqiao.regions.RegionLevel;

/**
 * "Matters like this, in this region, are handled by this kind of unit at this level." Null criteria match
 * anything (but a rule names at least one of kind, category or dispute type).
 */
public record RoutingRule(long id, String code, String name, String kind, String categoryPrefix, String disputeType,
                          String regionPrefix, RegionLevel level, UnitKind unitKind, int priority, boolean active) {

    public boolean matches(RoutingQuery q) {
        return active
                && (kind == null || kind.equals(q.kind()))
                && (categoryPrefix == null || q.categoryCode() != null && q.categoryCode().startsWith(categoryPrefix))
                && (disputeType == null || disputeType.equals(q.disputeType()))
                && (regionPrefix == null || q.region().value().startsWith(regionPrefix));
    }

    /** How narrowly the rule is drawn: used to order rules at the same level. */
    public int specificity() {
        return (disputeType != null ? 100 : 0) + (categoryPrefix != null ? 10 * categoryPrefix.length() : 0)
                + (kind != null ? 5 : 0) + (regionPrefix != null ? regionPrefix.length() : 0);
    }
}
