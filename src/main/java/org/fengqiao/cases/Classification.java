package org.fengqiao.cases;

import org.fengqiao.risk.RiskLevel;
import java.util.List;
import java.util.Objects;

/**
 * What a case is about and how serious it looks: kind, category, dispute type, urgency and the risk level with
 * the reasons the rules gave. Set at registration, changed by triage and by a later risk assessment.
 */
record Classification(CaseKind kind, String categoryCode, String disputeType, boolean urgent, RiskLevel riskLevel,
                      List<String> riskReasons) {

    Classification {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(riskLevel);
        riskReasons = List.copyOf(riskReasons);
    }

    Classification withRisk(RiskLevel level, List<String> reasons) {
        return new Classification(kind, categoryCode, disputeType, urgent, level, reasons);
    }
}
