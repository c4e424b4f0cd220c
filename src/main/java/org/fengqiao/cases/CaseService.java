package org.fengqiao.cases;

import static org.fengqiao.cases.CaseRecords.blankToNull;
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
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;
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
    private final CaseDeadlines deadlines;
    private final Router router;
    private final CaseRisk risk;
    private final MessageSource messages;
    private final Clock clock;

    CaseService(CaseRepository repository, CaseRecords records, CaseIntake intake, Units units, Categories categories,
                CaseDeadlines deadlines, Router router, CaseRisk risk, MessageSource messages, Clock clock) {
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
                cmd.description(), people, cmd.amountInvolved(), risk.partyKeys(in.parties())), now);
        Case.Act act = act(actor, now);
        Case c = Case.register(new CaseId(id), code, new Case.RegistrationFacts(place.region(), place.grid(), cmd.channel(),
                unassessed.withRisk(assessment.level(), assessment.reasons()), in.owner().id()), act);
        if (in.assignTo() != null) {
            AssignmentTargets.require("assignTo", units.get(actor.unitId()), c, router, in.assignTo(),
                    route(c).map(RoutingDecision::unit).orElse(null));
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
        apply(actor, id, CaseAction.TRIAGE, (c, act) -> {
            String category = cmd.categoryCode() == null || cmd.categoryCode().isBlank() ? null
                    : categories.requireActive("categoryCode", cmd.categoryCode()).code();
            String dispute = intake.disputeType(cmd.kind(), cmd.disputeType());
            RiskAssessment assessment = risk.assess(c, cmd.kind(), category, dispute, act.at());
            c.triage(cmd.kind(), category, dispute, Boolean.TRUE.equals(cmd.urgent()), assessment.level(),
                    assessment.reasons(), cmd.note(), act);
        });
    }

    /** Assigns to the named unit, or to the unit the routing rules choose. */
    public void assign(Actor actor, long id, Assign cmd) {
        apply(actor, id, CaseAction.ASSIGN, (c, act) -> {
            if (cmd.unitId() != null) {
                Unit unit = units.requireActive("unitId", cmd.unitId());
                RoutingDecision routed = route(c).orElse(null);
                AssignmentTargets.require("unitId", units.get(actor.unitId()), c, router, unit,
                        routed == null ? null : routed.unit());
                RoutingDecision suggested = routed != null && routed.unit().id() == unit.id() ? routed : null;
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
        });
    }

    private void assign(Case c, Assignment to, String note, Case.Act act) {
        c.assign(to, deadlines.assigned(c, act.at()), note, act);
    }

    public void accept(Actor actor, long id, String note) {
        apply(actor, id, CaseAction.ACCEPT, (c, act) -> c.accept(note, act));
    }

    public void returnCase(Actor actor, long id, Return cmd) {
        apply(actor, id, CaseAction.RETURN, (c, act) -> c.returnToDispatcher(cmd.reason(), act));
    }

    public void transfer(Actor actor, long id, Transfer cmd) {
        apply(actor, id, CaseAction.TRANSFER, (c, act) -> {
            Unit to = units.requireActive("unitId", cmd.unitId());
            Unit from = units.get(c.handlingUnit());
            if (to.level() != from.level()) {
                throw new ProblemException.InvalidInput("unitId", "case.transferSameLevel", from.name(), to.name());
            }
            AssignmentTargets.require("unitId", units.get(actor.unitId()), c, router, to,
                    route(c).map(RoutingDecision::unit).orElse(null));
            c.transfer(to.id(), deadlines.assigned(c, act.at()), cmd.reason(), act);
        });
    }

    public void escalate(Actor actor, long id, Escalate cmd) {
        apply(actor, id, CaseAction.ESCALATE, (c, act) -> {
            Unit owner = units.get(c.ownerUnit());
            Unit upper = units.centreAbove(owner).orElseThrow(() -> new CaseRefused("case.noLevelAbove", owner.name()));
            c.escalate(upper.id(), cmd.reason(), act);
        });
    }

    // ---- handling ----------------------------------------------------------------------------------------------

    /**
     * Records progress. A note by the unit a supervision notice was addressed to is its answer (督办反馈).
     */
    public void addNote(Actor actor, long id, Note cmd) {
        CaseIntake.checkText("note", cmd.note());
        Instant at = change(actor, id, CaseAction.ADD_NOTE, (c, act) -> {
            c.addNote(cmd.note(), act);
            return act.at();
        });
        records.answerNotices(id, actor.unitId(), at);
    }

    public long recordMediation(Actor actor, long id, MediationSession cmd) {
        return change(actor, id, CaseAction.RECORD_MEDIATION, (c, act) -> {
            if (cmd.heldAt().isAfter(act.at().plusSeconds(300))) {
                throw new ProblemException.InvalidInput("heldAt", "case.sessionInFuture");
            }
            long sessionId = records.mediationSession(id, cmd, actor.userId(), act.at());
            c.recordMediation(sessionId, cmd.heldAt(), cmd.place().strip(), cmd.mediators().strip(), cmd.result(),
                    cmd.notes(), act);
            return sessionId;
        });
    }

    public void addJointUnit(Actor actor, long id, JointUnit cmd) {
        apply(actor, id, CaseAction.ADD_JOINT_UNIT, (c, act) ->
                c.addJointUnit(units.requireActive("unitId", cmd.unitId()).id(), cmd.note(), act));
    }

    // ---- extension and supervision -----------------------------------------------------------------------------

    public long requestExtension(Actor actor, long id, ExtensionRequest cmd) {
        return change(actor, id, CaseAction.REQUEST_EXTENSION, (c, act) -> {
            CaseDeadlines.Extension asked = deadlines.extension(c, cmd.until());
            long requestId = records.extensionRequest(id, actor.userId(), act.at(),
                    c.handleDueAt() == null ? act.at() : c.handleDueAt(), asked.requestedDue(), cmd.reason());
            c.requestExtension(requestId, asked.requestedDue(), asked.allowed(), cmd.reason(), act);
            return requestId;
        });
    }

    public void decideExtension(Actor actor, long id, ExtensionDecision cmd) {
        apply(actor, id, CaseAction.DECIDE_EXTENSION, (c, act) -> {
            Long requestId = c.pendingExtension();
            c.decideExtension(cmd.approve(), records.requestedDue(requestId), cmd.reason(), act);
            records.extensionDecided(requestId, cmd.approve(), actor.userId(), act.at(), cmd.reason());
        });
    }

    public long supervise(Actor actor, long id, Supervision cmd) {
        CaseIntake.checkText("message", cmd.message());
        return change(actor, id, CaseAction.SUPERVISE, (c, act) -> {
            Instant due = cmd.dueOn() != null ? ChinaTime.endOf(cmd.dueOn())
                    : deadlines.due(SUPERVISION, c, act.at());
            if (!due.isAfter(act.at())) {
                throw new ProblemException.InvalidInput("dueOn", "case.supervisionDueInPast");
            }
            Long unit = c.handlingUnit() != null ? c.handlingUnit() : c.ownerUnit();
            long noticeId = records.notice(id, "SUPERVISE", unit, act.at(), actor.userId(), cmd.message().strip(), due);
            c.supervise(noticeId, due, cmd.message(), act);
            return noticeId;
        });
    }

    // ---- closing and after -------------------------------------------------------------------------------------

    public void close(Actor actor, long id, Close cmd) {
        CaseIntake.checkText("summary", cmd.summary());
        CaseIntake.checkText("reply", cmd.reply());
        String reply = blankToNull(cmd.reply());
        Instant at = change(actor, id, CaseAction.CLOSE, (c, act) -> {
            if (reply == null && c.channel().citizenBrought()) {
                throw new ProblemException.InvalidInput("reply", "case.replyRequired");
            }
            c.close(cmd.outcome(), cmd.summary(), deadlines.due(REVISIT, c, act.at()), act);
            if (reply != null) {
                records.reply(id, reply, false, actor.userId(), actor.unitId(), act.at());
            }
            return act.at();
        });
        records.answerNotices(id, actor.unitId(), at);
    }

    public long recordAgreement(Actor actor, long id, Agreement cmd) {
        CaseIntake.checkAgreement(cmd);
        return change(actor, id, CaseAction.RECORD_AGREEMENT, (c, act) -> {
            LocalDate effective = cmd.effectiveOn() == null ? cmd.signedOn() : cmd.effectiveOn();
            if (effective.isBefore(cmd.signedOn()) || cmd.signedOn().isAfter(ChinaTime.dateOf(act.at()))) {
                throw new ProblemException.InvalidInput("effectiveOn", "case.agreementDates");
            }
            if (cmd.attachmentId() != null && !records.hasAttachment(id, cmd.attachmentId())) {
                throw new ProblemException.InvalidInput("attachmentId", "case.attachmentUnknown", cmd.attachmentId());
            }
            Instant confirmationDue = deadlines.due(JUDICIAL_CONFIRMATION, c, ChinaTime.startOf(effective));
            long agreementId = records.agreement(id, cmd, effective, confirmationDue, actor.userId(), act.at());
            c.recordAgreement(agreementId, effective, confirmationDue, null, act);
            return agreementId;
        });
    }

    public void referConfirmation(Actor actor, long id, long agreementId, ConfirmationReferral cmd) {
        apply(actor, id, CaseAction.REFER_CONFIRMATION, (c, act) -> {
            records.requireReferable(id, agreementId, act.at());
            Long court = cmd.courtUnitId() != null ? units.requireActive("courtUnitId", cmd.courtUnitId()).id()
                    : intake.courtFor(c.region()).map(Unit::id).orElse(null);
            records.referred(agreementId, act.at(), court);
            c.referConfirmation(agreementId, court, cmd.note(), act);
        });
    }

    public void evaluate(Actor actor, long id, Evaluation cmd) {
        CaseIntake.checkText("comment", cmd.comment());
        apply(actor, id, CaseAction.EVALUATE, (c, act) -> {
            String source = cmd.source() == null ? "PHONE" : cmd.source();
            records.evaluation(id, cmd.rating(), cmd.comment(), source, actor.userId(), act.at());
            c.evaluate(cmd.rating(), source, cmd.comment(), act);
            if (cmd.rating() == Rating.DISSATISFIED) {
                risk.reassess(c, act);
            }
        });
    }

    public void concludeReview(Actor actor, long id, ReviewDecision cmd) {
        apply(actor, id, CaseAction.CONCLUDE_REVIEW, (c, act) ->
                c.concludeReview(cmd.reopen(), deadlines.reopened(c, act.at()), cmd.reason(), act));
    }

    public void archive(Actor actor, long id, String note) {
        apply(actor, id, CaseAction.ARCHIVE, (c, act) -> c.archive(note, act));
    }

    public long revisit(Actor actor, long id, Revisit cmd) {
        CaseIntake.checkText("notes", cmd.notes());
        return change(actor, id, CaseAction.REVISIT, (c, act) -> {
            long revisitId = records.revisit(id, cmd, actor.userId(), act.at());
            c.revisit(revisitId, cmd.method(), cmd.result(), deadlines.reopened(c, act.at()), cmd.notes(), act);
            return revisitId;
        });
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
        if (duplicate.id().value() < master.id().value()) {
            repository.update(duplicate);
            repository.update(master);
        } else {
            repository.update(master);
            repository.update(duplicate);
        }
    }

    /** Records an attachment stored by {@link CaseAttachments}. */
    void attached(Actor actor, long id, long attachmentId, String filename, String contentType, long size) {
        apply(actor, id, CaseAction.ATTACH, (c, act) -> c.attach(attachmentId, filename, contentType, size, act));
    }

    /** Checks that the actor may attach to the case before its content is stored. */
    @Transactional(readOnly = true)
    public void checkMayAttach(Actor actor, long id) {
        permit(actor, load(actor, id), CaseAction.ATTACH);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /**
     * The command loop: load the case within the actor's jurisdiction (404), check that its status allows the
     * action (409) and that the actor may take it (403), apply the step now, and store the new state with the
     * new events ({@link CaseRepository#update}, where every later step's events are stored).
     */
    <T> T change(Actor actor, long id, CaseAction action, java.util.function.BiFunction<Case, Case.Act, T> step) {
        Case c = load(actor, id);
        permit(actor, c, action);
        T result = step.apply(c, act(actor, clock.instant()));
        repository.update(c);
        return result;
    }

    /** {@link #change} for a step that gives nothing back. */
    void apply(Actor actor, long id, CaseAction action, java.util.function.BiConsumer<Case, Case.Act> step) {
        change(actor, id, action, (c, act) -> { step.accept(c, act); return null; });
    }

    Case load(Actor actor, long id) {
        return repository.load(id, actor.jurisdiction()).orElseThrow(() -> new CaseNotFound(id));
    }

    private static void permit(Actor actor, Case c, CaseAction action) {
        c.status().require(action);
        if (!CasePermissions.may(actor, c, action)) {
            throw new ProblemException.Forbidden("case.actionForbidden", ProblemException.localized("action." + action));
        }
    }

    private static Case.Act act(Actor actor, Instant at) {
        return new Case.Act(actor.userId(), actor.unitId(), at);
    }

    /** A sentence stored with the case (a routing reason), in the language of the record: Chinese. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
