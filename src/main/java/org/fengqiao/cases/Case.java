package org.fengqiao.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.fengqiao.cases.CaseEvent.*;
import org.fengqiao.regions.DivisionCode;

/**
 * The case aggregate: its lifecycle state and the transitions between states. Each transition checks that
 * the current status allows it ({@link ActionNotAllowed} otherwise) and any business rule that applies
 * ({@link CaseRefused}), changes the state and records a past-tense event. Deadlines, units and ids are
 * decided by the application service and passed in, so this class needs no clock and no database.
 */
final class Case {

    /** Who acts and when. {@code userId} is null for the platform's own automatic steps. */
    record Step(Long userId, Long unitId, Instant at) {
        static Step system(Instant at) {
            return new Step(null, null, at);
        }
    }

    private final long id;
    private final String trackingCode;
    private final DivisionCode region;
    private CaseKind kind;
    private final Channel channel;
    private String categoryCode;
    private String disputeType;
    private boolean urgent;
    private RiskLevel riskLevel;
    private List<String> riskReasons;

    private CaseStatus status;
    private long ownerUnit;
    private Long handlingUnit;
    private final Set<Long> jointUnits;
    private String routingRule;
    private String routingReason;
    private Instant assignedAt;
    private Instant acceptDueAt;
    private Instant acceptedAt;
    private Instant handleDueAt;
    private String handlePolicy;
    private Instant overdueSince;
    private Instant chasedAt;
    private Instant reportedAt;
    private boolean supervised;
    private int extensionCount;
    private Long pendingExtension;
    private int returnCount;
    private int reopenCount;
    private Outcome outcome;
    private Instant closedAt;
    private Boolean closedOnTime;
    private Rating rating;
    private Instant evaluatedAt;
    private Instant revisitDueAt;
    private Instant revisitedAt;
    private Instant archivedAt;
    private Long mergedInto;
    private final int version;

    private final List<RecordedEvent> newEvents = new ArrayList<>();

    /** Everything a case knows about its own state; used to rebuild it from storage. */
    record State(long id, String trackingCode, DivisionCode region, CaseKind kind, Channel channel, String categoryCode,
                 String disputeType, boolean urgent, RiskLevel riskLevel, List<String> riskReasons, CaseStatus status,
                 long ownerUnit, Long handlingUnit, Set<Long> jointUnits, String routingRule, String routingReason,
                 Instant assignedAt, Instant acceptDueAt, Instant acceptedAt, Instant handleDueAt, String handlePolicy,
                 Instant overdueSince, Instant chasedAt, Instant reportedAt, boolean supervised, int extensionCount,
                 Long pendingExtension, int returnCount, int reopenCount, Outcome outcome, Instant closedAt,
                 Boolean closedOnTime, Rating rating, Instant evaluatedAt, Instant revisitDueAt, Instant revisitedAt,
                 Instant archivedAt, Long mergedInto, int version) {
    }

    Case(State s) {
        this.id = s.id();
        this.trackingCode = s.trackingCode();
        this.region = s.region();
        this.kind = s.kind();
        this.channel = s.channel();
        this.categoryCode = s.categoryCode();
        this.disputeType = s.disputeType();
        this.urgent = s.urgent();
        this.riskLevel = s.riskLevel();
        this.riskReasons = List.copyOf(s.riskReasons());
        this.status = s.status();
        this.ownerUnit = s.ownerUnit();
        this.handlingUnit = s.handlingUnit();
        this.jointUnits = new LinkedHashSet<>(s.jointUnits());
        this.routingRule = s.routingRule();
        this.routingReason = s.routingReason();
        this.assignedAt = s.assignedAt();
        this.acceptDueAt = s.acceptDueAt();
        this.acceptedAt = s.acceptedAt();
        this.handleDueAt = s.handleDueAt();
        this.handlePolicy = s.handlePolicy();
        this.overdueSince = s.overdueSince();
        this.chasedAt = s.chasedAt();
        this.reportedAt = s.reportedAt();
        this.supervised = s.supervised();
        this.extensionCount = s.extensionCount();
        this.pendingExtension = s.pendingExtension();
        this.returnCount = s.returnCount();
        this.reopenCount = s.reopenCount();
        this.outcome = s.outcome();
        this.closedAt = s.closedAt();
        this.closedOnTime = s.closedOnTime();
        this.rating = s.rating();
        this.evaluatedAt = s.evaluatedAt();
        this.revisitDueAt = s.revisitDueAt();
        this.revisitedAt = s.revisitedAt();
        this.archivedAt = s.archivedAt();
        this.mergedInto = s.mergedInto();
        this.version = s.version();
    }

    State state() {
        return new State(id, trackingCode, region, kind, channel, categoryCode, disputeType, urgent, riskLevel,
                riskReasons, status, ownerUnit, handlingUnit, Set.copyOf(jointUnits), routingRule, routingReason,
                assignedAt, acceptDueAt, acceptedAt, handleDueAt, handlePolicy, overdueSince, chasedAt, reportedAt,
                supervised, extensionCount, pendingExtension, returnCount, reopenCount, outcome, closedAt,
                closedOnTime, rating, evaluatedAt, revisitDueAt, revisitedAt, archivedAt, mergedInto, version);
    }

    /**
     * A newly registered case, waiting at its owner centre (兜底受理, 首接负责).
     */
    static Case register(long id, String trackingCode, RegistrationFacts facts, Step step) {
        Case c = new Case(new State(id, trackingCode, facts.region(), facts.kind(), facts.channel(), facts.categoryCode(),
                facts.disputeType(), facts.urgent(), facts.riskLevel(), facts.riskReasons(), CaseStatus.REGISTERED,
                facts.ownerUnit(), null, Set.of(), null, null, null, null, null, null, null, null, null, null, false,
                0, null, 0, 0, null, null, null, null, null, null, null, null, null, 0));
        c.record(new CaseRegistered(facts.channel().name(), facts.kind().name(), facts.categoryCode(),
                facts.disputeType(), facts.region().value(), facts.gridCode(), step.unitId(), facts.ownerUnit(),
                facts.riskLevel().name()), step, null, CaseStatus.REGISTERED, null);
        return c;
    }

    /** The facts fixed at registration that the lifecycle needs. */
    record RegistrationFacts(DivisionCode region, String gridCode, CaseKind kind, Channel channel, String categoryCode,
                             String disputeType, boolean urgent, RiskLevel riskLevel, List<String> riskReasons,
                             long ownerUnit) {
    }

    // ---- triage and dispatch -------------------------------------------------------------------------------

    void triage(CaseKind newKind, String newCategory, String newDisputeType, boolean newUrgent, RiskLevel newRisk,
                List<String> newReasons, String note, Step step) {
        require(CaseAction.TRIAGE);
        this.kind = Objects.requireNonNull(newKind);
        this.categoryCode = newCategory;
        this.disputeType = newDisputeType;
        this.urgent = newUrgent;
        this.riskLevel = newRisk;
        this.riskReasons = List.copyOf(newReasons);
        record(new CaseTriaged(kind.name(), categoryCode, disputeType, urgent, riskLevel.name()), step, status, status, note);
    }

    /**
     * Takes a new risk assessment made on later facts. Records {@code RiskReassessed} and answers true only when
     * the level or its reasons changed; allowed in every state, since a warning may come at any time.
     */
    boolean reassessRisk(RiskLevel newRisk, List<String> newReasons, Step step) {
        if (newRisk == riskLevel && newReasons.equals(riskReasons)) {
            return false;
        }
        RiskLevel from = riskLevel;
        this.riskLevel = Objects.requireNonNull(newRisk);
        this.riskReasons = List.copyOf(newReasons);
        record(new RiskReassessed(from.name(), riskLevel.name(), riskReasons), step, status, status,
                riskReasons.isEmpty() ? null : String.join("；", riskReasons));
        return true;
    }

    /** Hands the case to a unit with its deadlines (交办). Also re-dispatches a case not yet accepted. */
    void assign(long unitId, String ruleCode, String reason, Instant acceptDue, Instant handleDue, String handlePolicyCode,
                String note, Step step) {
        require(CaseAction.ASSIGN);
        CaseStatus from = status;
        this.handlingUnit = unitId;
        this.routingRule = ruleCode;
        this.routingReason = reason;
        setDeadlines(step.at(), acceptDue, handleDue, handlePolicyCode);
        this.status = CaseStatus.ASSIGNED;
        record(new CaseAssigned(unitId, ruleCode, reason, acceptDue, handleDue, handlePolicyCode), step, from, status, note);
    }

    /** The assigned unit acknowledges the case (签收). */
    void accept(String note, Step step) {
        require(CaseAction.ACCEPT);
        this.acceptedAt = step.at();
        if (overdueSince != null && handleDueAt != null && step.at().isBefore(handleDueAt)) {
            clearOverdue();
        }
        this.status = CaseStatus.IN_PROGRESS;
        record(new CaseAccepted(handlingUnit), step, CaseStatus.ASSIGNED, status, note);
    }

    /** The assigned unit refuses the case as not its responsibility (退回); back to the dispatcher. */
    void returnToDispatcher(String reason, Step step) {
        require(CaseAction.RETURN);
        requireReason(reason);
        long unit = handlingUnit;
        this.handlingUnit = null;
        this.returnCount++;
        clearAssignment();
        this.status = CaseStatus.RETURNED;
        record(new CaseReturned(unit), step, CaseStatus.ASSIGNED, status, reason);
    }

    /** Hands the case to another unit at the same level (转办); it must accept it afresh. */
    void transfer(long toUnit, Instant acceptDue, Instant handleDue, String handlePolicyCode, String reason, Step step) {
        require(CaseAction.TRANSFER);
        requireReason(reason);
        if (Objects.equals(handlingUnit, toUnit)) {
            throw new CaseRefused("case.transferToSameUnit");
        }
        CaseStatus from = status;
        long fromUnit = handlingUnit;
        this.handlingUnit = toUnit;
        this.jointUnits.remove(toUnit);
        setDeadlines(step.at(), acceptDue, handleDue, handlePolicyCode);
        this.acceptedAt = null;
        this.status = CaseStatus.ASSIGNED;
        record(new CaseTransferred(fromUnit, toUnit, acceptDue, handleDue), step, from, status, reason);
    }

    /** Asks the centre of the level above to take the case over (上报); it waits there for dispatch. */
    void escalate(long upperCentre, String reason, Step step) {
        require(CaseAction.ESCALATE);
        requireReason(reason);
        CaseStatus from = status;
        long fromOwner = ownerUnit;
        Long fromHandler = handlingUnit;
        this.ownerUnit = upperCentre;
        this.handlingUnit = null;
        clearAssignment();
        this.status = CaseStatus.REGISTERED;
        record(new CaseEscalated(fromOwner, upperCentre, fromHandler), step, from, status, reason);
    }

    // ---- handling ------------------------------------------------------------------------------------------

    void addNote(String note, Step step) {
        require(CaseAction.ADD_NOTE);
        requireReason(note);
        record(new ProgressNoted(), step, status, status, note);
    }

    void recordMediation(long sessionId, Instant heldAt, String place, String mediators, MediationResult result,
                         String summary, Step step) {
        require(CaseAction.RECORD_MEDIATION);
        record(new MediationSessionRecorded(sessionId, heldAt, place, mediators, result.name()), step, status, status, summary);
    }

    void addJointUnit(long unitId, String note, Step step) {
        require(CaseAction.ADD_JOINT_UNIT);
        if (Objects.equals(handlingUnit, unitId) || !jointUnits.add(unitId)) {
            throw new CaseRefused("case.alreadyInvolved");
        }
        record(new JointUnitAdded(unitId), step, status, status, note);
    }

    void attach(long attachmentId, String filename, String contentType, long size, Step step) {
        require(CaseAction.ATTACH);
        record(new AttachmentAdded(attachmentId, filename, contentType, size), step, status, status, null);
    }

    // ---- deadlines, extension and supervision --------------------------------------------------------------

    /** Asks for more time; only before the deadline, only once per policy limit, one request at a time. */
    void requestExtension(long requestId, Instant requestedDue, int limit, String reason, Step step) {
        require(CaseAction.REQUEST_EXTENSION);
        requireReason(reason);
        if (pendingExtension != null) {
            throw new CaseRefused("case.extensionPending");
        }
        if (handleDueAt == null || !step.at().isBefore(handleDueAt)) {
            throw new CaseRefused("case.extensionAfterDeadline");
        }
        if (extensionCount >= limit) {
            throw new CaseRefused("case.extensionLimit", limit);
        }
        if (!requestedDue.isAfter(handleDueAt)) {
            throw new CaseRefused("case.extensionNotLater");
        }
        this.pendingExtension = requestId;
        record(new ExtensionRequested(requestId, handleDueAt, requestedDue), step, status, status, reason);
    }

    void decideExtension(boolean approve, Instant newDue, String reason, Step step) {
        require(CaseAction.DECIDE_EXTENSION);
        if (pendingExtension == null) {
            throw new CaseRefused("case.noPendingExtension");
        }
        long request = pendingExtension;
        this.pendingExtension = null;
        if (approve) {
            Instant previous = handleDueAt;
            this.handleDueAt = newDue;
            this.extensionCount++;
            if (overdueSince != null && step.at().isBefore(newDue)) {
                clearOverdue();
            }
            record(new ExtensionApproved(request, previous, newDue), step, status, status, reason);
        } else {
            record(new ExtensionRefused(request), step, status, status, reason);
        }
    }

    /** A supervisor's notice to the handling unit (督办). */
    void supervise(long noticeId, Instant dueAt, String message, Step step) {
        require(CaseAction.SUPERVISE);
        this.supervised = true;
        record(new SupervisionIssued(noticeId, dueAt), step, status, status, message);
    }

    /**
     * Marks the case overdue when the acceptance or handling deadline has passed. Returns false (and records
     * nothing) when there is nothing to mark: not open, already marked, or not yet due.
     */
    boolean markOverdue(Step step) {
        if (overdueSince != null || !(status == CaseStatus.ASSIGNED || status == CaseStatus.IN_PROGRESS)) {
            return false;
        }
        Instant due = missedDeadline(step.at());
        if (due == null) {
            return false;
        }
        this.overdueSince = due;
        String which = status == CaseStatus.ASSIGNED && acceptDueAt != null && !step.at().isBefore(acceptDueAt)
                && (handleDueAt == null || step.at().isBefore(handleDueAt)) ? "ACCEPT" : "HANDLE";
        record(new DeadlineMissed(which, due), step, status, status, null);
        return true;
    }

    private Instant missedDeadline(Instant now) {
        if (handleDueAt != null && !now.isBefore(handleDueAt)) {
            return handleDueAt;
        }
        if (status == CaseStatus.ASSIGNED && acceptDueAt != null && !now.isBefore(acceptDueAt)) {
            return acceptDueAt;
        }
        return null;
    }

    /** The automatic chase after a missed deadline (催办). */
    void chase(long noticeId, Step step) {
        if (overdueSince == null || chasedAt != null) {
            throw new IllegalStateException("case " + id + " is not overdue or already chased");
        }
        this.chasedAt = step.at();
        record(new CaseChased(noticeId, overdueSince), step, status, status, null);
    }

    /** The public report when a chase did not help (通报). */
    void report(long noticeId, Step step) {
        if (chasedAt == null || reportedAt != null) {
            throw new IllegalStateException("case " + id + " is not chased or already reported");
        }
        this.reportedAt = step.at();
        record(new CaseReported(noticeId, chasedAt), step, status, status, null);
    }

    // ---- closing and after -----------------------------------------------------------------------------------

    /**
     * Closes the case with an outcome (办结). A centre may close a case it has not handed out only as rejected,
     * unfounded, handed over or answered on the spot.
     */
    void close(Outcome result, String summary, Instant revisitDue, Step step) {
        require(CaseAction.CLOSE);
        requireReason(summary);
        if (status != CaseStatus.IN_PROGRESS && !result.mayCloseBeforeHandling()) {
            throw new CaseRefused("case.closeNeedsHandling",
                    org.fengqiao.platform.ProblemException.localized("outcome." + result));
        }
        if (pendingExtension != null) {
            this.pendingExtension = null;
        }
        CaseStatus from = status;
        this.outcome = result;
        this.closedAt = step.at();
        this.closedOnTime = handleDueAt == null || !step.at().isAfter(handleDueAt);
        this.revisitDueAt = revisitDue;
        this.revisitedAt = null;
        this.status = CaseStatus.CLOSED;
        record(new CaseClosed(result.name(), result.isResolved(), closedOnTime, revisitDue), step, from, status, summary);
    }

    void recordAgreement(long agreementId, java.time.LocalDate effectiveOn, Instant confirmationDue, String note, Step step) {
        require(CaseAction.RECORD_AGREEMENT);
        record(new AgreementRecorded(agreementId, effectiveOn, confirmationDue), step, status, status, note);
    }

    void referConfirmation(long agreementId, Long courtUnit, String note, Step step) {
        require(CaseAction.REFER_CONFIRMATION);
        record(new ConfirmationReferred(agreementId, courtUnit), step, status, status, note);
    }

    /** The citizen's rating (群众评价); 不满意 sends the case to review. */
    void evaluate(Rating given, String source, String comment, Step step) {
        require(CaseAction.EVALUATE);
        this.rating = given;
        this.evaluatedAt = step.at();
        CaseStatus from = status;
        this.status = given == Rating.DISSATISFIED ? CaseStatus.UNDER_REVIEW : CaseStatus.CLOSED;
        record(new CaseEvaluated(given.name(), source), step, from, status, comment);
    }

    /** A supervisor decides a review: uphold the closure, or reopen the case with the unit that handled it. */
    void concludeReview(boolean reopen, Instant handleDue, String handlePolicyCode, String reason, Step step) {
        require(CaseAction.CONCLUDE_REVIEW);
        requireReason(reason);
        if (reopen) {
            reopen("REVIEW", handleDue, handlePolicyCode, reason, step);
        } else {
            this.status = CaseStatus.CLOSED;
            record(new ClosureUpheld(), step, CaseStatus.UNDER_REVIEW, status, reason);
        }
    }

    void archive(String note, Step step) {
        require(CaseAction.ARCHIVE);
        this.archivedAt = step.at();
        this.status = CaseStatus.ARCHIVED;
        record(new CaseArchived(), step, CaseStatus.CLOSED, status, note);
    }

    /** Records a revisit (回访); a matter no longer resolved reopens the case. */
    void revisit(long revisitId, String method, RevisitResult result, Instant handleDue, String handlePolicyCode,
                 String notes, Step step) {
        require(CaseAction.REVISIT);
        this.revisitedAt = step.at();
        record(new CaseRevisited(revisitId, method, result.name()), step, status, status, notes);
        if (result == RevisitResult.NOT_RESOLVED) {
            reopen("REVISIT", handleDue, handlePolicyCode, notes, step);
        }
    }

    private void reopen(String cause, Instant handleDue, String handlePolicyCode, String reason, Step step) {
        if (handlingUnit == null) {
            throw new CaseRefused("case.reopenWithoutUnit");
        }
        CaseStatus from = status;
        this.reopenCount++;
        this.outcome = null;
        this.closedAt = null;
        this.closedOnTime = null;
        this.rating = null;
        this.evaluatedAt = null;
        this.archivedAt = null;
        this.revisitDueAt = null;
        this.handleDueAt = handleDue;
        this.handlePolicy = handlePolicyCode;
        clearOverdue();
        this.status = CaseStatus.IN_PROGRESS;
        record(new CaseReopened(cause, handlingUnit, handleDue), step, from, status, reason);
    }

    /** Links this duplicate to its master case (合并); nothing is lost, nothing more happens here. */
    void mergeInto(long masterId, String masterCode, String reason, Step step) {
        require(CaseAction.MERGE);
        if (masterId == id) {
            throw new CaseRefused("case.mergeIntoItself");
        }
        CaseStatus from = status;
        this.mergedInto = masterId;
        this.pendingExtension = null;
        this.status = CaseStatus.MERGED;
        record(new CaseMerged(masterId, masterCode), step, from, status, reason);
    }

    /** Records on the master that a duplicate was merged into it. */
    void absorbDuplicate(long duplicateId, String duplicateCode, String reason, Step step) {
        if (status == CaseStatus.MERGED) {
            throw new CaseRefused("case.masterMerged");
        }
        record(new DuplicateMerged(duplicateId, duplicateCode), step, status, status, reason);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private void setDeadlines(Instant at, Instant acceptDue, Instant handleDue, String handlePolicyCode) {
        this.assignedAt = at;
        this.acceptDueAt = acceptDue;
        this.handleDueAt = handleDue;
        this.handlePolicy = handlePolicyCode;
        clearOverdue();
    }

    private void clearAssignment() {
        this.acceptDueAt = null;
        this.acceptedAt = null;
        this.handleDueAt = null;
        this.handlePolicy = null;
        this.jointUnits.clear();
        this.pendingExtension = null;
        clearOverdue();
    }

    private void clearOverdue() {
        this.overdueSince = null;
        this.chasedAt = null;
        this.reportedAt = null;
    }

    private void require(CaseAction action) {
        if (!status.allows(action)) {
            throw new ActionNotAllowed(status, action);
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new org.fengqiao.platform.ProblemException.InvalidInput("reason", "case.reasonRequired");
        }
    }

    private void record(CaseEvent event, Step step, CaseStatus from, CaseStatus to, String reason) {
        newEvents.add(new RecordedEvent(event, step.userId(), step.unitId(), step.at(), from, to, reason));
    }

    /** Events recorded since the case was loaded, oldest first. */
    List<RecordedEvent> newEvents() {
        return List.copyOf(newEvents);
    }

    long id() {
        return id;
    }

    String trackingCode() {
        return trackingCode;
    }

    CaseStatus status() {
        return status;
    }

    DivisionCode region() {
        return region;
    }

    CaseKind kind() {
        return kind;
    }

    Channel channel() {
        return channel;
    }

    String categoryCode() {
        return categoryCode;
    }

    String disputeType() {
        return disputeType;
    }

    boolean urgent() {
        return urgent;
    }

    long ownerUnit() {
        return ownerUnit;
    }

    Long handlingUnit() {
        return handlingUnit;
    }

    Set<Long> jointUnits() {
        return Set.copyOf(jointUnits);
    }

    Instant handleDueAt() {
        return handleDueAt;
    }

    Instant acceptDueAt() {
        return acceptDueAt;
    }

    Instant overdueSince() {
        return overdueSince;
    }

    Instant chasedAt() {
        return chasedAt;
    }

    Instant reportedAt() {
        return reportedAt;
    }

    int extensionCount() {
        return extensionCount;
    }

    Long pendingExtension() {
        return pendingExtension;
    }

    Outcome outcome() {
        return outcome;
    }

    Rating rating() {
        return rating;
    }

    int returnCount() {
        return returnCount;
    }

    int reopenCount() {
        return reopenCount;
    }

    Long mergedInto() {
        return mergedInto;
    }

    boolean supervised() {
        return supervised;
    }

    RiskLevel riskLevel() {
        return riskLevel;
    }
}
