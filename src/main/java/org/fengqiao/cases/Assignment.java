package org.fengqiao.cases;

/**
 * Who is to handle a case and why: the unit, the routing rule that chose it ({@code MANUAL} when a person did)
 * and the reason in words.
 */
record Assignment(long unitId, String ruleCode, String reason) {
}
