package org.fengqiao.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.fengqiao.risk.RiskLevel;
import org.fengqiao.cases.CaseEvent.*;
import org.fengqiao.deadlines.DeadlineStep;
import org.fengqiao.regions.DivisionCode;

/**
 * The case aggregate: its lifecycle state and the transitions between states. Each transition checks that
 * the current status allows it ({@link ActionNotAllowed} otherwise) and any business rule that applies
 * ({@link CaseRefused}), changes the state and records a past-tense event. Deadlines, units and ids are
 * decided by the application service and passed in, so this class needs no clock and no database. The state
 * itself, and how it is read, is {@link CaseData}.
 */
final class Case extends CaseData {

    /** Who acts and when. {@code userId} is null for the platform's own automatic steps. */
    record Act(Long userId, Long unitId, Instant at) {
        static Act system(Instant at) {
            return new Act(null, null, at);
        }
    }

    Case(CaseState state) {
        super(state);
    }

    /**
     * A newly registered case, waiting at its owner centre (兜底受理, 首接负责).
     */
    static Case register(CaseId id, String trackingCode, RegistrationFacts facts, Act act) {
        Classification cls = facts.classification();
        Case c = new Case(new CaseState(id, trackingCode, facts.region(), facts.channel(), cls, CaseStatus.REGISTERED,
                facts.ownerUnit(), null, Set.of(), null, null, DueDates.NONE, false, 0, null, 0, 0, Closure.NONE, null, 0));
        c.record(new CaseRegistered(facts.channel().name(), cls.kind().name(), cls.categoryCode(), cls.disputeType(),
                facts.region().value(), facts.gridCode(), act.unitId(), facts.ownerUnit(), cls.riskLevel().name()), act,
                null, CaseStatus.REGISTERED, null);
        return c;
    }

    /** The facts fixed at registration that the lifecycle needs. */
    record RegistrationFacts(DivisionCode region, String gridCode, Channel channel, Classification classification,
                             long ownerUnit) {
    }

    // ---- triage and dispatch -------------------------------------------------------------------------------

    void triage(CaseKind newKind, String newCategory, String newDisputeType, boolean newUrgent, RiskLevel newRisk,
                List<String> newReasons, String note, Act act) {
        require(CaseAction.TRIAGE);
        this.cls = new Classification(newKind, newCategory, newDisputeType, newUrgent, newRisk, newReasons);
        record(new CaseTriaged(newKind.name(), newCategory, newDisputeType, newUrgent, newRisk.name()), act, status,
                status, note);
    }

    /**
     * Takes a new risk assessment made on later facts. Records {@code RiskReassessed} and answers true only when
     * the level or its reasons changed; allowed in every state, since a warning may come at any time.
     */
    boolean reassessRisk(RiskLevel newRisk, List<String> newReasons, Act act) {
        if (newRisk == cls.riskLevel() && newReasons.equals(cls.riskReasons())) {
            return false;
        }
        RiskLevel from = cls.riskLevel();
        this.cls = cls.withRisk(newRisk, newReasons);
        record(new RiskReassessed(from.name(), newRisk.name(), cls.riskReasons()), act, status, status,
                newReasons.isEmpty() ? null : String.join("；", newReasons));
        return true;
    }

    /** Hands the case to a unit with its deadlines (交办). Also re-dispatches a case not yet accepted. */
    void assign(Assignment to, DueDates deadlines, String note, Act act) {
        require(CaseAction.ASSIGN);
        CaseStatus from = status;
        this.handlingUnit = to.unitId();
        this.routingRule = to.ruleCode();
        this.routingReason = to.reason();
        this.due = deadlines.assignedAt(act.at());
        this.status = CaseStatus.ASSIGNED;
        record(new CaseAssigned(to.unitId(), to.ruleCode(), to.reason(), due.acceptDueAt(), due.handleDueAt(),
                due.handlePolicy()), act, from, status, note);
    }

    /** The assigned unit acknowledges the case (签收). */
    void accept(String note, Act act) {
        require(CaseAction.ACCEPT);
        this.due = due.accepted(act.at());
        if (due.overdueSince() != null && due.handleDueAt() != null && act.at().isBefore(due.handleDueAt())) {
            this.due = due.notOverdue();
        }
        this.status = CaseStatus.IN_PROGRESS;
        record(new CaseAccepted(handlingUnit), act, CaseStatus.ASSIGNED, status, note);
    }

    /** The assigned unit refuses the case as not its responsibility (退回); back to the dispatcher. */
    void returnToDispatcher(String reason, Act act) {
        require(CaseAction.RETURN);
        requireReason(reason);
        long unit = handlingUnit;
        this.handlingUnit = null;
        this.returnCount++;
        clearAssignment();
        this.status = CaseStatus.RETURNED;
        record(new CaseReturned(unit), act, CaseStatus.ASSIGNED, status, reason);
    }

    /** Hands the case to another unit at the same level (转办); it must accept it afresh. */
    void transfer(long toUnit, DueDates deadlines, String reason, Act act) {
        require(CaseAction.TRANSFER);
        requireReason(reason);
        if (Objects.equals(handlingUnit, toUnit)) {
            throw new CaseRefused("case.transferToSameUnit");
        }
        CaseStatus from = status;
        long fromUnit = handlingUnit;
        this.handlingUnit = toUnit;
        this.jointUnits.remove(toUnit);
        this.due = deadlines.assignedAt(act.at());
        this.status = CaseStatus.ASSIGNED;
        record(new CaseTransferred(fromUnit, toUnit, due.acceptDueAt(), due.handleDueAt()), act, from, status, reason);
    }

    /** Asks the centre of the level above to take the case over (上报); it waits there for dispatch. */
    void escalate(long upperCentre, String reason, Act act) {
        require(CaseAction.ESCALATE);
        requireReason(reason);
        CaseStatus from = status;
        long fromOwner = ownerUnit;
        Long fromHandler = handlingUnit;
        this.ownerUnit = upperCentre;
        this.handlingUnit = null;
        clearAssignment();
        this.status = CaseStatus.REGISTERED;
        record(new CaseEscalated(fromOwner, upperCentre, fromHandler), act, from, status, reason);
    }

    // ---- handling ------------------------------------------------------------------------------------------

    void addNote(String note, Act act) {
        require(CaseAction.ADD_NOTE);
        requireReason(note);
        record(new ProgressNoted(), act, status, status, note);
    }

    void recordMediation(long sessionId, Instant heldAt, String place, String mediators, MediationResult result,
                         String summary, Act act) {
        require(CaseAction.RECORD_MEDIATION);
        record(new MediationSessionRecorded(sessionId, heldAt, place, mediators, result), act, status, status, summary);
    }

    void addJointUnit(long unitId, String note, Act act) {
        require(CaseAction.ADD_JOINT_UNIT);
        if (Objects.equals(handlingUnit, unitId) || !jointUnits.add(unitId)) {
            throw new CaseRefused("case.alreadyInvolved");
        }
        record(new JointUnitAdded(unitId), act, status, status, note);
    }

    void attach(long attachmentId, String filename, String contentType, long size, Act act) {
        require(CaseAction.ATTACH);
        record(new AttachmentAdded(attachmentId, filename, contentType, size), act, status, status, null);
    }

    // ---- deadlines, extension and supervision --------------------------------------------------------------

    /** Asks for more time; only before the deadline, only once per policy limit, one request at a time. */
    void requestExtension(long requestId, Instant requestedDue, int limit, String reason, Act act) {
        require(CaseAction.REQUEST_EXTENSION);
        requireReason(reason);
        if (pendingExtension != null) {
            throw new CaseRefused("case.extensionPending");
        }
        due.requireExtensible(requestedDue, act.at(), extensionCount, limit);
        this.pendingExtension = requestId;
        record(new ExtensionRequested(requestId, due.handleDueAt(), requestedDue), act, status, status, reason);
    }

    void decideExtension(boolean approve, Instant newDue, String reason, Act act) {
        require(CaseAction.DECIDE_EXTENSION);
        if (pendingExtension == null) {
            throw new CaseRefused("case.noPendingExtension");
        }
        long request = pendingExtension;
        this.pendingExtension = null;
        if (approve) {
            Instant previous = due.handleDueAt();
            this.due = due.extendedTo(newDue, act.at());
            this.extensionCount++;
            record(new ExtensionApproved(request, previous, newDue), act, status, status, reason);
        } else {
            record(new ExtensionRefused(request), act, status, status, reason);
        }
    }

    /** A supervisor's notice to the handling unit (督办). */
    void supervise(long noticeId, Instant dueAt, String message, Act act) {
        require(CaseAction.SUPERVISE);
        this.supervised = true;
        record(new SupervisionIssued(noticeId, dueAt), act, status, status, message);
    }

    /**
     * Marks the case overdue when the acceptance or handling deadline has passed. Returns false (and records
     * nothing) when there is nothing to mark: not open, already marked, or not yet due.
     */
    boolean markOverdue(Act act) {
        if (due.overdueSince() != null || !(status == CaseStatus.ASSIGNED || status == CaseStatus.IN_PROGRESS)) {
            return false;
        }
        Instant missed = due.missed(act.at(), status == CaseStatus.ASSIGNED);
        if (missed == null) {
            return false;
        }
        DeadlineStep which = due.handleDueAt() != null && !act.at().isBefore(due.handleDueAt())
                ? DeadlineStep.HANDLE : DeadlineStep.ACCEPT;
        this.due = due.overdue(missed);
        record(new DeadlineMissed(which, missed), act, status, status, null);
        return true;
    }

    /** The automatic chase after a missed deadline (催办). */
    void chase(long noticeId, Act act) {
        if (due.overdueSince() == null || due.chasedAt() != null) {
            throw new IllegalStateException("case " + id + " is not overdue or already chased");
        }
        this.due = due.chased(act.at());
        record(new CaseChased(noticeId, due.overdueSince()), act, status, status, null);
    }

    /** The public report when a chase did not help (通报). */
    void report(long noticeId, Act act) {
        if (due.chasedAt() == null || due.reportedAt() != null) {
            throw new IllegalStateException("case " + id + " is not chased or already reported");
        }
        this.due = due.reported(act.at());
        record(new CaseReported(noticeId, due.chasedAt()), act, status, status, null);
    }

    // ---- closing and after -----------------------------------------------------------------------------------

    /**
     * Closes the case with an outcome (办结). A centre may close a case it has not handed out only as rejected,
     * unfounded, handed over or answered on the spot.
     */
    void close(Outcome result, String summary, Instant revisitDue, Act act) {
        require(CaseAction.CLOSE);
        requireReason(summary);
        if (status != CaseStatus.IN_PROGRESS && !result.mayCloseBeforeHandling()) {
            throw new CaseRefused("case.closeNeedsHandling",
                    org.fengqiao.platform.ProblemException.localized("outcome." + result));
        }
        this.pendingExtension = null;
        CaseStatus from = status;
        boolean onTime = due.handleDueAt() == null || !act.at().isAfter(due.handleDueAt());
        this.closure = Closure.closed(result, act.at(), onTime, revisitDue);
        this.status = CaseStatus.CLOSED;
        record(new CaseClosed(result, result.isResolved(), onTime, revisitDue), act, from, status, summary);
    }

    /** An interim reply to the citizen (阶段性答复); the status does not change. */
    void reply(long replyId, Act act) {
        require(CaseAction.REPLY);
        record(new CaseReplied(replyId), act, status, status, null);
    }

    void recordAgreement(long agreementId, java.time.LocalDate effectiveOn, Instant confirmationDue, String note, Act act) {
        require(CaseAction.RECORD_AGREEMENT);
        record(new AgreementRecorded(agreementId, effectiveOn, confirmationDue), act, status, status, note);
    }

    void referConfirmation(long agreementId, Long courtUnit, String note, Act act) {
        require(CaseAction.REFER_CONFIRMATION);
        record(new ConfirmationReferred(agreementId, courtUnit), act, status, status, note);
    }

    /** The citizen's rating (群众评价); 不满意 sends the case to review. */
    void evaluate(Rating given, String source, String comment, Act act) {
        require(CaseAction.EVALUATE);
        this.closure = closure.evaluated(given, act.at());
        CaseStatus from = status;
        this.status = given == Rating.DISSATISFIED ? CaseStatus.UNDER_REVIEW : CaseStatus.CLOSED;
        record(new CaseEvaluated(given, source), act, from, status, comment);
    }

    /** A supervisor decides a review: uphold the closure, or reopen the case with the unit that handled it. */
    void concludeReview(boolean reopen, DueDates deadlines, String reason, Act act) {
        require(CaseAction.CONCLUDE_REVIEW);
        requireReason(reason);
        if (reopen) {
            reopen(CaseReopened.Cause.REVIEW, deadlines, reason, act);
        } else {
            this.status = CaseStatus.CLOSED;
            record(new ClosureUpheld(), act, CaseStatus.UNDER_REVIEW, status, reason);
        }
    }

    void archive(String note, Act act) {
        require(CaseAction.ARCHIVE);
        this.closure = closure.archived(act.at());
        this.status = CaseStatus.ARCHIVED;
        record(new CaseArchived(), act, CaseStatus.CLOSED, status, note);
    }

    /** Records a revisit (回访); a matter no longer resolved reopens the case. */
    void revisit(long revisitId, String method, RevisitResult result, DueDates deadlines, String notes, Act act) {
        require(CaseAction.REVISIT);
        this.closure = closure.revisited(act.at());
        record(new CaseRevisited(revisitId, method, result), act, status, status, notes);
        if (result == RevisitResult.NOT_RESOLVED) {
            reopen(CaseReopened.Cause.REVISIT, deadlines, notes, act);
        }
    }

    private void reopen(CaseReopened.Cause cause, DueDates deadlines, String reason, Act act) {
        if (handlingUnit == null) {
            throw new CaseRefused("case.reopenWithoutUnit");
        }
        CaseStatus from = status;
        this.reopenCount++;
        this.closure = closure.reopened();
        this.due = due.handleBy(deadlines.handleDueAt(), deadlines.handlePolicy());
        this.status = CaseStatus.IN_PROGRESS;
        record(new CaseReopened(cause, handlingUnit, due.handleDueAt()), act, from, status, reason);
    }

    /** Links this duplicate to its master case (合并); nothing is lost, nothing more happens here. */
    void mergeInto(CaseId masterId, String masterCode, String reason, Act act) {
        require(CaseAction.MERGE);
        if (masterId.equals(id)) {
            throw new CaseRefused("case.mergeIntoItself");
        }
        CaseStatus from = status;
        this.mergedInto = masterId.value();
        this.pendingExtension = null;
        this.status = CaseStatus.MERGED;
        record(new CaseMerged(masterId.value(), masterCode), act, from, status, reason);
    }

    /** Records on the master that a duplicate was merged into it. */
    void absorbDuplicate(CaseId duplicateId, String duplicateCode, String reason, Act act) {
        if (status == CaseStatus.MERGED) {
            throw new CaseRefused("case.masterMerged");
        }
        record(new DuplicateMerged(duplicateId.value(), duplicateCode), act, status, status, reason);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private void clearAssignment() {
        this.due = due.cleared();
        this.jointUnits.clear();
        this.pendingExtension = null;
    }

    private void require(CaseAction action) {
        status.require(action);
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new org.fengqiao.platform.ProblemException.InvalidInput("reason", "case.reasonRequired");
        }
    }
}
