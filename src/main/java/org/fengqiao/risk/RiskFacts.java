package org.fengqiao.risk;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What risk rules may look at: the case's own facts and history, nothing else.
 *
 * @param priorCasesOfSameParties earlier cases in which the same parties (by phone or ID number) appear
 * @param sameProblemNearby       other open cases of the same category in the same village in the last 30 days
 */
public record RiskFacts(String kind, String disputeType, String title, String description, int peopleInvolved,
                        BigDecimal amountInvolved, int priorCasesOfSameParties, int sameProblemNearby,
                        boolean overdue, boolean dissatisfied, LocalDate today) {

    String text() {
        return (title == null ? "" : title) + "\n" + (description == null ? "" : description);
    }
}
