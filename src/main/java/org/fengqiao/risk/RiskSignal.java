package org.fengqiao.risk;

/**
 * A rule that fired: its code, the level it raises the case to, and the reason in words.
 */
public record RiskSignal(String rule, RiskLevel level, String reason) {
}
