package org.fengqiao.risk;

/** 低 / 中 / 高 / 重大 */
public enum RiskLevel {
    LOW, MEDIUM, HIGH, SEVERE;

    public RiskLevel max(RiskLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
