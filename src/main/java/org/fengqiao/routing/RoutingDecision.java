package org.fengqiao.routing;

import java.util.List;

import org.fengqiao.organisation.Unit;

/**
 * The unit chosen and why: the rule that chose it (null when the centre was the fallback), a sentence a
 * dispatcher can read, and the rules considered before it that found no unit.
 */
public record RoutingDecision(Unit unit, RoutingRule rule, String explanation, List<String> considered) {

    public String ruleCode() {
        return rule == null ? FALLBACK : rule.code();
    }

    public boolean isFallback() {
        return rule == null;
    }

    /** The code recorded when no rule found a unit and the region's centre took the case. */
    public static final String FALLBACK = "CENTRE-FALLBACK";
}
