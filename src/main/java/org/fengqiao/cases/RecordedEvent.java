package org.fengqiao.cases;

import java.time.Instant;

/**
 * An event with who did it, when, the status change and the reason given.
 *
 * @param actorUserId null for the platform itself (automatic chase, report)
 */
public record RecordedEvent(CaseEvent event, Long actorUserId, Long actorUnitId, Instant occurredAt,
                            CaseStatus from, CaseStatus to, String reason) {
}
