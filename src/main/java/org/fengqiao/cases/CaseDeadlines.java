package org.fengqiao.cases;

import static org.fengqiao.deadlines.DeadlineStep.ACCEPT;
import static org.fengqiao.deadlines.DeadlineStep.EXTENSION_MAX;
import static org.fengqiao.deadlines.DeadlineStep.HANDLE;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import org.fengqiao.deadlines.Deadline;
import org.fengqiao.deadlines.DeadlinePolicy;
import org.fengqiao.deadlines.DeadlineStep;
import org.fengqiao.deadlines.DeadlineSubject;
import org.fengqiao.deadlines.Deadlines;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;

/** A case's deadlines by policy (channel, kind, category, urgency), in working days of the calendar. */
@Component
class CaseDeadlines {

    /** An extension asked for: the new handling deadline, and how many extensions the policy allows. */
    record Extension(Instant requestedDue, int allowed) {
    }

    private final Deadlines deadlines;

    CaseDeadlines(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    static DeadlineSubject subject(Case c) {
        return new DeadlineSubject(c.channel().name(), c.kind().name(), c.categoryCode(), c.urgent());
    }

    /** When the step falls due for the case if its clock starts at {@code from}. */
    Instant due(DeadlineStep step, Case c, Instant from) {
        return deadlines.due(step, subject(c), from).due();
    }

    /**
     * The deadlines a unit gets when a case is handed to it at {@code at}: handling by policy, and acceptance by
     * policy but never after the handling deadline.
     */
    DueDates assigned(Case c, Instant at) {
        Deadline handle = deadlines.due(HANDLE, subject(c), at);
        Instant accept = due(ACCEPT, c, at);
        return DueDates.fixed(accept.isBefore(handle.due()) ? accept : handle.due(), handle.due(),
                handle.policy().code());
    }

    /** A new handling deadline from {@code at} by policy (a reopened case). */
    DueDates reopened(Case c, Instant at) {
        Deadline handle = deadlines.due(HANDLE, subject(c), at);
        return DueDates.fixed(null, handle.due(), handle.policy().code());
    }

    /** An extension to the end of {@code until}, or a refusal when it is longer than the policy allows. */
    Extension extension(Case c, LocalDate until) {
        DeadlinePolicy max = deadlines.policyFor(EXTENSION_MAX, subject(c));
        Instant requested = ChinaTime.endOf(until);
        if (c.handleDueAt() != null) {
            Instant limit = deadlines.endAfter(max.unit(), max.amount(), c.handleDueAt().minusNanos(1));
            if (requested.isAfter(limit)) {
                throw new ProblemException.InvalidInput("until", "case.extensionTooLong", max.amountText(),
                        Deadlines.lastDayOf(limit));
            }
        }
        return new Extension(requested, max.limitCount() == null ? 1 : max.limitCount());
    }
}
