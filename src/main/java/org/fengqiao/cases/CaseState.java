package org.fengqiao.cases;

import java.util.Set;

import org.fengqiao.regions.DivisionCode;

/** Everything a case knows about its own state; what is stored and what it is rebuilt from. */
record CaseState(CaseId id, String trackingCode, DivisionCode region, Channel channel, Classification classification,
             CaseStatus status, long ownerUnit, Long handlingUnit, Set<Long> jointUnits, String routingRule, String routingReason,
             DueDates due, boolean supervised, int extensionCount, Long pendingExtension, int returnCount,
             int reopenCount, Closure closure, Long mergedInto, int version) {
}
