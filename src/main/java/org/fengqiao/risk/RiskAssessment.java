package org.fengqiao.risk;

import java.util.List;

/**
 * The level of a case (the highest level any rule raised it to) and every rule that fired.
 */
public record RiskAssessment(RiskLevel level, List<RiskSignal> signals) {

    public List<String> reasons() {
        return signals.stream().map(s -> s.rule() + "：" + s.reason()).toList();
    }
}
