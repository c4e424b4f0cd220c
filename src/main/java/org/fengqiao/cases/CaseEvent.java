package org.fengqiao.cases;

import java.time.Instant;
import java.time.LocalDate;

import org.fengqiao.deadlines.DeadlineStep;

/**
 * Something that happened to a case, named in the past tense. Events are appended, never changed; the
 * timeline (全程留痕) is read from them. Who, when, the status change and the reason are recorded alongside
 * (see {@link RecordedEvent}); the records here carry what is specific to each step.
 */
public sealed interface CaseEvent {

    /** The event's name as stored, e.g. {@code CaseAssigned}. */
    default String type() {
        return getClass().getSimpleName();
    }

    record CaseRegistered(String channel, String kind, String categoryCode, String disputeType, String regionCode,
                          String gridCode, long registeringUnit, long ownerUnit, String riskLevel) implements CaseEvent {
    }

    record CaseTriaged(String kind, String categoryCode, String disputeType, boolean urgent, String riskLevel)
            implements CaseEvent {
    }

    /** The risk level or its reasons changed on a later fact: a missed deadline, a dissatisfied citizen. */
    record RiskReassessed(String fromLevel, String toLevel, java.util.List<String> reasons) implements CaseEvent {
    }

    record CaseAssigned(long unitId, String ruleCode, String routingReason, Instant acceptDueAt, Instant handleDueAt,
                        String handlePolicy) implements CaseEvent {
    }

    record CaseAccepted(long unitId) implements CaseEvent {
    }

    record CaseReturned(long unitId) implements CaseEvent {
    }

    record CaseTransferred(long fromUnit, long toUnit, Instant acceptDueAt, Instant handleDueAt) implements CaseEvent {
    }

    record CaseEscalated(long fromOwnerUnit, long toOwnerUnit, Long fromHandlingUnit) implements CaseEvent {
    }

    record ProgressNoted() implements CaseEvent {
    }

    record MediationSessionRecorded(long sessionId, Instant heldAt, String place, String mediators,
                                    MediationResult result)
            implements CaseEvent {
    }

    record JointUnitAdded(long unitId) implements CaseEvent {
    }

    record ExtensionRequested(long requestId, Instant currentDueAt, Instant requestedDueAt) implements CaseEvent {
    }

    record ExtensionApproved(long requestId, Instant previousDueAt, Instant newDueAt) implements CaseEvent {
    }

    record ExtensionRefused(long requestId) implements CaseEvent {
    }

    record SupervisionIssued(long noticeId, Instant dueAt) implements CaseEvent {
    }

    /** A deadline passed without the step being done ({@code step} is ACCEPT or HANDLE). */
    record DeadlineMissed(DeadlineStep step, Instant dueAt) implements CaseEvent {
    }

    record CaseChased(long noticeId, Instant missedDueAt) implements CaseEvent {
    }

    record CaseReported(long noticeId, Instant chasedAt) implements CaseEvent {
    }

    record CaseClosed(Outcome outcome, boolean resolved, boolean onTime, Instant revisitDueAt) implements CaseEvent {
    }

    record AgreementRecorded(long agreementId, LocalDate effectiveOn, Instant confirmationDueAt) implements CaseEvent {
    }

    record ConfirmationReferred(long agreementId, Long courtUnit) implements CaseEvent {
    }

    record CaseEvaluated(Rating rating, String source) implements CaseEvent {
    }

    /** An interim reply to the citizen (the final one comes with {@link CaseClosed}); the text is in case_reply. */
    record CaseReplied(long replyId) implements CaseEvent {
    }

    record ClosureUpheld() implements CaseEvent {
    }

    /** Reopened after a review of a dissatisfied evaluation, or after a revisit found the matter unresolved. */
    record CaseReopened(Cause cause, long unitId, Instant handleDueAt) implements CaseEvent {
        public enum Cause { REVIEW, REVISIT }
    }

    record CaseArchived() implements CaseEvent {
    }

    record CaseRevisited(long revisitId, String method, RevisitResult result) implements CaseEvent {
    }

    record CaseMerged(long masterCaseId, String masterTrackingCode) implements CaseEvent {
    }

    record DuplicateMerged(long duplicateCaseId, String duplicateTrackingCode) implements CaseEvent {
    }

    record AttachmentAdded(long attachmentId, String filename, String contentType, long sizeBytes) implements CaseEvent {
    }
}
