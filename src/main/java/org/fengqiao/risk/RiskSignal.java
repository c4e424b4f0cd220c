package org.fengqiao.risk;

/**
 * A rule that fired: its code, the level it raises the case to, and the reason in words.
 */
public record RiskSignal(String rule, Level level, String reason) {

    /** 低 / 中 / 高 / 重大 */
    public enum Level { LOW, MEDIUM, HIGH, SEVERE }
}
