package org.fengqiao.cases;

import static org.fengqiao.deadlines.DeadlineStep.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.risk.RiskLevel;
import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseCommands.*;
import org.fengqiao.categories.Categories;
import org.fengqiao.deadlines.Deadline;
import org.fengqiao.deadlines.DeadlinePolicy;
import org.fengqiao.deadlines.DeadlineSubject;
import org.fengqiao.deadlines.Deadlines;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.UnitKind;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.risk.RiskAssessment;
import org.fengqiao.routing.Router;
import org.fengqiao.routing.RoutingDecision;
import org.fengqiao.routing.RoutingQuery;

/**
 * Takes cases through the closed loop on behalf of staff. Each action loads the case within the caller's
 * jurisdiction (404 otherwise), checks that the status allows it (409) and that the caller may take it (403),
 * fixes any deadline by policy, applies the transition and stores the new state with its events in one
 * transaction.
 */
@Service
@Transactional
public class CaseService {

    /** What registration produced. */
    public record Registration(long id, String trackingCode, CaseStatus status, Long handlingUnitId,
                               String routingRule, String routingReason) {
    }

    private final CaseRepository repository;
    private final CaseRecords records;
    private final CaseIntake intake;
    private final Units units;
    private final Categories categories;
    private final Deadlines deadlines;
    private final Router router;
    private final CaseRisk risk;
    private final MessageSource messages;
    private final Clock clock;

    CaseService(CaseRepository repository, CaseRecords records, CaseIntake intake, Units units, Categories categories,
                Deadlines deadlines, Router router, CaseRisk risk, MessageSource messages, Clock clock) {
        this.repository = repository;
        this.records = records;
        this.intake = intake;
        this.units = units;
        this.categories = categories;
        this.deadlines = deadlines;
        this.router = router;
        this.risk = risk;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- registration ----------------------------------------------------------------------------------------

    /**
     * Registers a matter once (兜底受理) and, when a routing rule finds a unit (or {@code assignTo} names one),
     * assigns it at once with its deadlines.
     */
    public Registration register(Actor actor, RegisterCase cmd) {
        CaseIntake.Intake in = intake.check(actor, cmd);
        CaseIntake.Place place = in.place();
        Instant now = clock.instant();
        long id = repository.nextId();
        String code = TrackingCode.of(place.region(), ChinaTime.dateOf(now), id);
        int people = cmd.peopleInvolved() == null ? Math.max(1, in.parties().size()) : cmd.peopleInvolved();
        Classification unassessed = new Classification(cmd.kind(), in.categoryCode(), in.disputeType(),
                Boolean.TRUE.equals(cmd.urgent()), RiskLevel.LOW, List.of());
        RiskAssessment assessment = risk.assessNew(id, unassessed, place.region(), new CaseRisk.CaseFacts(cmd.title(),
                cmd.description(), people, cmd.amountInvolved(), CaseRisk.PartyKeys.of(in.parties())), now);
        Case.Act act = act(actor, now);
        Case c = Case.register(id, code, new Case.RegistrationFacts(place.region(), place.grid(), cmd.channel(),
                unassessed.withRisk(assessment.level(), assessment.reasons()), in.owner().id()), act);
        if (in.assignTo() != null) {
            assign(c, new Assignment(in.assignTo().id(), "MANUAL", text("routing.reason.atRegistration",
                    actor.displayName(), in.assignTo().name())), null, act);
        } else if (in.mayRoute()) {
            route(c).filter(d -> !d.isFallback()).ifPresent(d -> assign(c, new Assignment(d.unit().id(), d.ruleCode(),
                    in.applied() ? d.explanation() + intake.appliedNote(in.suggestion().get()) : d.explanation()),
                    null, act));
        }
        repository.insert(c, new CaseRepository.Facts(blankToNull(cmd.sourceRef()), cmd.title().strip(),
                cmd.description().strip(), blankToNull(cmd.address()), place.latitude(), place.longitude(),
                place.grid(), people, cmd.amountInvolved(), actor.userId(), actor.unitId(), now), in.parties(),
                in.suggestion().map(sg -> intake.stored(sg, c, in.applied())).orElse(null));
        return new Registration(id, code, c.status(), c.handlingUnit(), c.state().routingRule(),
                c.state().routingReason());
    }

    /** The routing decision for a case as it stands: which unit the rules would choose, and why. */
    Optional<RoutingDecision> route(Case c) {
        return router.route(new RoutingQuery(c.kind().name(), c.categoryCode(), c.disputeType(), c.region()));
    }

    /** The routing suggestion for a case the actor can see. */
    @Transactional(readOnly = true)
    public Optional<RoutingDecision> suggestRouting(Actor actor, long caseId) {
        return route(load(actor, caseId));
    }

    // ---- dispatch ----------------------------------------------------------------------------------------------

    public void triage(Actor actor, long id, Triage cmd) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.TRIAGE);
        String category = cmd.categoryCode() == null || cmd.categoryCode().isBlank() ? null
                : categories.requireActive("categoryCode", cmd.categoryCode()).code();
        String dispute = intake.disputeType(cmd.kind(), cmd.disputeType());
        Instant now = clock.instant();
        RiskAssessment assessment = risk.assess(c, cmd.kind(), category, dispute, now);
        c.triage(cmd.kind(), category, dispute, Boolean.TRUE.equals(cmd.urgent()), assessment.level(),
                assessment.reasons(), cmd.note(), act(actor, now));
        repository.update(c);
    }

    /** Assigns to the named unit, or to the unit the routing rules choose. */
    public void assign(Actor actor, long id, Assign cmd) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.ASSIGN);
        Case.Act act = act(actor, clock.instant());
        if (cmd.unitId() != null) {
            Unit unit = units.requireActive("unitId", cmd.unitId());
            RoutingDecision suggested = route(c).filter(d -> d.unit().id() == unit.id()).orElse(null);
            assign(c, suggested != null ? new Assignment(unit.id(), suggested.ruleCode(), suggested.explanation())
                    : new Assignment(unit.id(), "MANUAL", text("routing.reason.byDispatcher", actor.displayName(),
                    unit.name())), cmd.note(), act);
        } else {
            RoutingDecision d = route(c).orElseThrow(() -> new CaseRefused("case.noRoute"));
            if (d.unit().id() == c.ownerUnit() && d.isFallback()) {
                throw new CaseRefused("case.noRoute");
            }
            assign(c, new Assignment(d.unit().id(), d.ruleCode(), d.explanation()), cmd.note(), act);
        }
        repository.update(c);
    }

    private void assign(Case c, Assignment to, String note, Case.Act act) {
        c.assign(to, dueDates(c, act.at()), note, act);
    }

    /**
     * The deadlines a unit gets when a case is handed to it at {@code at}: handling by policy, and acceptance by
     * policy but never after the handling deadline.
     */
    private DueDates dueDates(Case c, Instant at) {
        Deadline handle = deadlines.due(HANDLE, subject(c), at);
        Instant accept = deadlines.due(ACCEPT, subject(c), at).due();
        return DueDates.fixed(accept.isBefore(handle.due()) ? accept : handle.due(), handle.due(),
                handle.policy().code());
    }

    /** A new handling deadline from {@code at} by policy (a reopened case). */
    private DueDates handleFrom(Case c, Instant at) {
        Deadline handle = deadlines.due(HANDLE, subject(c), at);
        return DueDates.fixed(null, handle.due(), handle.policy().code());
    }

    public void accept(Actor actor, long id, String note) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.ACCEPT);
        c.accept(note, act(actor, clock.instant()));
        repository.update(c);
    }

    public void returnCase(Actor actor, long id, Return cmd) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.RETURN);
        c.returnToDispatcher(cmd.reason(), act(actor, clock.instant()));
        repository.update(c);
    }

    public void transfer(Actor actor, long id, Transfer cmd) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.TRANSFER);
        Unit to = units.requireActive("unitId", cmd.unitId());
        Unit from = units.get(c.handlingUnit());
        if (to.level() != from.level()) {
            throw new ProblemException.InvalidInput("unitId", "case.transferSameLevel", from.name(), to.name());
        }
        Case.Act act = act(actor, clock.instant());
        c.transfer(to.id(), dueDates(c, act.at()), cmd.reason(), act);
        repository.update(c);
    }

    public void escalate(Actor actor, long id, Escalate cmd) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.ESCALATE);
        Unit owner = units.get(c.ownerUnit());
        Unit upper = units.centreAbove(owner).orElseThrow(() -> new CaseRefused("case.noLevelAbove", owner.name()));
        c.escalate(upper.id(), cmd.reason(), act(actor, clock.instant()));
        repository.update(c);
    }

    // ---- handling ----------------------------------------------------------------------------------------------

    /**
     * Records progress. A note by the unit a supervision notice was addressed to is its answer (督办反馈).
     */
    public void addNote(Actor actor, long id, Note cmd) {
        CaseIntake.checkText("note", cmd.note());
        Case c = load(actor, id);
        permit(actor, c, CaseAction.ADD_NOTE);
        Instant now = clock.instant();
        c.addNote(cmd.note(), act(actor, now));
        repository.update(c);
        records.answerNotices(id, actor.unitId(), now);
    }

    public long recordMediation(Actor actor, long id, MediationSession cmd) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.RECORD_MEDIATION);
        Instant now = clock.instant();
        if (cmd.heldAt().isAfter(now.plusSeconds(300))) {
            throw new ProblemException.InvalidInput("heldAt", "case.sessionInFuture");
        }
        long sessionId = records.mediationSession(id, cmd, actor.userId(), now);
        c.recordMediation(sessionId, cmd.heldAt(), cmd.place().strip(), cmd.mediators().strip(), cmd.result(),
                cmd.notes(), act(actor, now));
        repository.update(c);
        return sessionId;
    }

    public void addJointUnit(Actor actor, long id, JointUnit cmd) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.ADD_JOINT_UNIT);
        Unit unit = units.requireActive("unitId", cmd.unitId());
        c.addJointUnit(unit.id(), cmd.note(), act(actor, clock.instant()));
        repository.update(c);
    }

    // ---- extension and supervision -----------------------------------------------------------------------------

    public long requestExtension(Actor actor, long id, ExtensionRequest cmd) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.REQUEST_EXTENSION);
        Instant now = clock.instant();
        DeadlinePolicy max = deadlines.policyFor(EXTENSION_MAX, subject(c));
        Instant requested = ChinaTime.endOf(cmd.until());
        if (c.handleDueAt() != null) {
            Instant limit = deadlines.endAfter(max.unit(), max.amount(), c.handleDueAt().minusNanos(1));
            if (requested.isAfter(limit)) {
                throw new ProblemException.InvalidInput("until", "case.extensionTooLong", max.amountText(),
                        Deadlines.lastDayOf(limit));
            }
        }
        int allowed = max.limitCount() == null ? 1 : max.limitCount();
        long requestId = records.extensionRequest(id, actor.userId(), now,
                c.handleDueAt() == null ? now : c.handleDueAt(), requested, cmd.reason());
        c.requestExtension(requestId, requested, allowed, cmd.reason(), act(actor, now));
        repository.update(c);
        return requestId;
    }

    public void decideExtension(Actor actor, long id, ExtensionDecision cmd) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.DECIDE_EXTENSION);
        Long requestId = c.pendingExtension();
        Instant now = clock.instant();
        c.decideExtension(cmd.approve(), records.requestedDue(requestId), cmd.reason(), act(actor, now));
        records.extensionDecided(requestId, cmd.approve(), actor.userId(), now, cmd.reason());
        repository.update(c);
    }

    public long supervise(Actor actor, long id, Supervision cmd) {
        CaseIntake.checkText("message", cmd.message());
        Case c = load(actor, id);
        permit(actor, c, CaseAction.SUPERVISE);
        Instant now = clock.instant();
        Instant due = cmd.dueOn() != null ? ChinaTime.endOf(cmd.dueOn())
                : deadlines.due(SUPERVISION, subject(c), now).due();
        if (!due.isAfter(now)) {
            throw new ProblemException.InvalidInput("dueOn", "case.supervisionDueInPast");
        }
        Long unit = c.handlingUnit() != null ? c.handlingUnit() : c.ownerUnit();
        long noticeId = records.notice(id, "SUPERVISE", unit, now, actor.userId(), cmd.message().strip(), due);
        c.supervise(noticeId, due, cmd.message(), act(actor, now));
        repository.update(c);
        return noticeId;
    }

    // ---- closing and after -------------------------------------------------------------------------------------

    public void close(Actor actor, long id, Close cmd) {
        CaseIntake.checkText("summary", cmd.summary());
        Case c = load(actor, id);
        permit(actor, c, CaseAction.CLOSE);
        Instant now = clock.instant();
        Instant revisit = deadlines.due(REVISIT, subject(c), now).due();
        c.close(cmd.outcome(), cmd.summary(), revisit, act(actor, now));
        repository.update(c);
        records.answerNotices(id, actor.unitId(), now);
    }

    public long recordAgreement(Actor actor, long id, Agreement cmd) {
        CaseIntake.checkText("terms", cmd.terms());
        Case c = load(actor, id);
        permit(actor, c, CaseAction.RECORD_AGREEMENT);
        Instant now = clock.instant();
        LocalDate effective = cmd.effectiveOn() == null ? cmd.signedOn() : cmd.effectiveOn();
        if (effective.isBefore(cmd.signedOn()) || cmd.signedOn().isAfter(ChinaTime.dateOf(now))) {
            throw new ProblemException.InvalidInput("effectiveOn", "case.agreementDates");
        }
        if (cmd.attachmentId() != null && !records.hasAttachment(id, cmd.attachmentId())) {
            throw new ProblemException.InvalidInput("attachmentId", "case.attachmentUnknown", cmd.attachmentId());
        }
        Instant confirmationDue = deadlines.due(JUDICIAL_CONFIRMATION, subject(c), ChinaTime.startOf(effective)).due();
        long agreementId = records.agreement(id, cmd.signedOn(), effective, cmd.terms(), cmd.attachmentId(),
                confirmationDue, actor.userId(), now);
        c.recordAgreement(agreementId, effective, confirmationDue, null, act(actor, now));
        repository.update(c);
        return agreementId;
    }

    public void referConfirmation(Actor actor, long id, long agreementId, ConfirmationReferral cmd) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.REFER_CONFIRMATION);
        Instant now = clock.instant();
        CaseRecords.AgreementReferral agreement = records.agreementReferral(id, agreementId)
                .orElseThrow(() -> new ProblemException.NotFound("agreement.notFound", agreementId));
        if (agreement.referredAt() != null) {
            throw new CaseRefused("case.alreadyReferred");
        }
        if (now.isAfter(agreement.confirmationDueAt())) {
            throw new CaseRefused("case.confirmationPeriodOver", Deadlines.lastDayOf(agreement.confirmationDueAt()));
        }
        Long court = cmd.courtUnitId() != null ? units.requireActive("courtUnitId", cmd.courtUnitId()).id()
                : courtFor(c.region()).map(Unit::id).orElse(null);
        records.referred(agreementId, now, court);
        c.referConfirmation(agreementId, court, cmd.note(), act(actor, now));
        repository.update(c);
    }

    private Optional<Unit> courtFor(DivisionCode region) {
        for (DivisionCode code : region.lineage().reversed()) {
            if (code.level() == RegionLevel.GRID) {
                continue;
            }
            Optional<Unit> court = units.ofKindIn(UnitKind.COURT, code).stream().findFirst();
            if (court.isPresent()) {
                return court;
            }
        }
        return Optional.empty();
    }

    public void evaluate(Actor actor, long id, Evaluation cmd) {
        CaseIntake.checkText("comment", cmd.comment());
        Case c = load(actor, id);
        permit(actor, c, CaseAction.EVALUATE);
        Instant now = clock.instant();
        String source = cmd.source() == null ? "PHONE" : cmd.source();
        records.evaluation(id, cmd.rating(), cmd.comment(), source, actor.userId(), now);
        Case.Act act = act(actor, now);
        c.evaluate(cmd.rating(), source, cmd.comment(), act);
        if (cmd.rating() == Rating.DISSATISFIED) {
            risk.reassess(c, act);
        }
        repository.update(c);
    }

    public void concludeReview(Actor actor, long id, ReviewDecision cmd) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.CONCLUDE_REVIEW);
        Instant now = clock.instant();
        c.concludeReview(cmd.reopen(), handleFrom(c, now), cmd.reason(), act(actor, now));
        repository.update(c);
    }

    public void archive(Actor actor, long id, String note) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.ARCHIVE);
        c.archive(note, act(actor, clock.instant()));
        repository.update(c);
    }

    public long revisit(Actor actor, long id, Revisit cmd) {
        CaseIntake.checkText("notes", cmd.notes());
        Case c = load(actor, id);
        permit(actor, c, CaseAction.REVISIT);
        Instant now = clock.instant();
        long revisitId = records.revisit(id, cmd, actor.userId(), now);
        c.revisit(revisitId, cmd.method(), cmd.result(), handleFrom(c, now), cmd.notes(), act(actor, now));
        repository.update(c);
        return revisitId;
    }

    /** Merges a duplicate into its master case; both must be within the actor's reach. */
    public void merge(Actor actor, long duplicateId, Merge cmd) {
        Case duplicate = load(actor, duplicateId);
        permit(actor, duplicate, CaseAction.MERGE);
        Case master = repository.load(cmd.masterCaseId(), actor.jurisdiction())
                .orElseThrow(() -> new ProblemException.InvalidInput("masterCaseId", "case.masterUnknown", cmd.masterCaseId()));
        Case.Act act = act(actor, clock.instant());
        duplicate.mergeInto(master.id(), master.trackingCode(), cmd.reason(), act);
        master.absorbDuplicate(duplicate.id(), duplicate.trackingCode(), cmd.reason(), act);
        if (duplicate.id() < master.id()) {
            repository.update(duplicate);
            repository.update(master);
        } else {
            repository.update(master);
            repository.update(duplicate);
        }
    }

    /** Records an attachment stored by {@link CaseAttachments}. */
    void attached(Actor actor, long id, long attachmentId, String filename, String contentType, long size) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.ATTACH);
        c.attach(attachmentId, filename, contentType, size, act(actor, clock.instant()));
        repository.update(c);
    }

    /** Checks that the actor may attach to the case before its content is stored. */
    @Transactional(readOnly = true)
    public void checkMayAttach(Actor actor, long id) {
        permit(actor, load(actor, id), CaseAction.ATTACH);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    Case load(Actor actor, long id) {
        return repository.load(id, actor.jurisdiction()).orElseThrow(() -> new CaseNotFound(id));
    }

    private static void permit(Actor actor, Case c, CaseAction action) {
        c.status().require(action);
        if (!CasePermissions.may(actor, c, action)) {
            throw new ProblemException.Forbidden("case.actionForbidden", ProblemException.localized("action." + action));
        }
    }

    static DeadlineSubject subject(Case c) {
        return new DeadlineSubject(c.channel().name(), c.kind().name(), c.categoryCode(), c.urgent());
    }

    private static Case.Act act(Actor actor, Instant at) {
        return new Case.Act(actor.userId(), actor.unitId(), at);
    }

    /** A sentence stored with the case (a routing reason), in the language of the record: Chinese. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private static String blankToNull(String s) {
        return CaseRecords.blankToNull(s);
    }
}
