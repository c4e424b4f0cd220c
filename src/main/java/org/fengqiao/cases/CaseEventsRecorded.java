package org.fengqiao.cases;

import java.util.List;

/**
 * Published (synchronously, inside the writing transaction) each time a case's new events are stored, so a
 * module that reacts to them writes its own rows in the same transaction and is rolled back with the case.
 * Carries the case's state after the change that listeners commonly need, so they need not read it again.
 *
 * @param version      the case's version before this write; with an event's position it names the event
 *                     uniquely (for idempotency keys)
 * @param handlingUnit the unit handling the case after the change, or null
 */
public record CaseEventsRecorded(long caseId, String trackingCode, int version, boolean urgent, long ownerUnit,
                                 Long handlingUnit, List<RecordedEvent> events) {

    public CaseEventsRecorded {
        events = List.copyOf(events);
    }

    static CaseEventsRecorded of(Case c) {
        CaseState s = c.state();
        return new CaseEventsRecorded(s.id().value(), s.trackingCode(), s.version(), s.classification().urgent(),
                s.ownerUnit(), s.handlingUnit(), c.newEvents());
    }
}
