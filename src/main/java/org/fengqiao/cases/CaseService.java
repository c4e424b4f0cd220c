package org.fengqiao.cases;

import static org.fengqiao.deadlines.DeadlineStep.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseCommands.*;
import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;
import org.fengqiao.deadlines.Deadline;
import org.fengqiao.deadlines.DeadlinePolicy;
import org.fengqiao.deadlines.DeadlineSubject;
import org.fengqiao.deadlines.Deadlines;
import org.fengqiao.organisation.Role;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.UnitKind;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.TextHygiene;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.GridIndex;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;
import org.fengqiao.risk.RiskAssessment;
import org.fengqiao.risk.RiskAssessor;
import org.fengqiao.risk.RiskFacts;
import org.fengqiao.routing.Router;
import org.fengqiao.routing.RoutingDecision;
import org.fengqiao.routing.RoutingQuery;
import org.fengqiao.triage.CategorySuggestion;
import org.fengqiao.triage.TriageAdvisor;

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
    private final JdbcClient jdbc;
    private final Regions regions;
    private final GridIndex grids;
    private final Units units;
    private final Categories categories;
    private final Deadlines deadlines;
    private final Router router;
    private final RiskAssessor risk;
    private final CaseRisk caseRisk;
    private final TriageAdvisor triage;
    private final Clock clock;

    CaseService(CaseRepository repository, JdbcClient jdbc, Regions regions, GridIndex grids, Units units,
                Categories categories, Deadlines deadlines, Router router, RiskAssessor risk, CaseRisk caseRisk,
                TriageAdvisor triage, Clock clock) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.regions = regions;
        this.grids = grids;
        this.units = units;
        this.categories = categories;
        this.deadlines = deadlines;
        this.router = router;
        this.risk = risk;
        this.caseRisk = caseRisk;
        this.triage = triage;
        this.clock = clock;
    }

    // ---- registration ----------------------------------------------------------------------------------------

    /**
     * Registers a matter once (兜底受理) and, when a routing rule finds a unit (or {@code assignTo} names one),
     * assigns it at once with its deadlines.
     */
    public Registration register(Actor actor, RegisterCase cmd) {
        if (actor.roles().equals(java.util.Set.of(Role.ADMIN))) {
            throw new ProblemException.Forbidden("case.registerForbidden");
        }
        checkText("title", cmd.title());
        checkText("description", cmd.description());
        checkText("address", cmd.address());
        checkText("sourceRef", cmd.sourceRef());
        List<PartyInput> parties = cmd.parties() == null ? List.of() : cmd.parties();
        for (int i = 0; i < parties.size(); i++) {
            PartyInput p = parties.get(i);
            checkText("parties[" + i + "].name", p.name());
            checkText("parties[" + i + "].address", p.address());
            if (IdNumbers.looksLikeResidentId(p.idNumber()) && !IdNumbers.isValidResidentId(p.idNumber())) {
                throw new ProblemException.InvalidInput("parties[" + i + "].idNumber", "party.idNumber.checksum");
            }
        }
        Place place = locate(cmd);
        Category category = cmd.categoryCode() == null || cmd.categoryCode().isBlank() ? null
                : categories.requireActive("categoryCode", cmd.categoryCode());
        Optional<CategorySuggestion> suggestion = category == null
                ? triage.suggest(cmd.title(), cmd.description()) : Optional.empty();
        String disputeType = cmd.disputeType() == null || cmd.disputeType().isBlank() ? null
                : categories.requireDisputeType("disputeType", cmd.disputeType()).code();
        if (disputeType != null && cmd.kind() != CaseKind.DISPUTE) {
            throw new ProblemException.InvalidInput("disputeType", "case.disputeTypeNeedsDispute");
        }
        Unit assignTo = cmd.assignTo() == null ? null : units.requireActive("assignTo", cmd.assignTo());
        boolean mayRoute = assignTo == null && !Boolean.FALSE.equals(cmd.autoDispatch());
        boolean applied = mayRoute && suggestion.filter(triage::autoApplies).isPresent();
        Unit owner = ownerFor(actor, place.region());
        Instant now = clock.instant();
        long id = repository.nextId();
        String code = TrackingCode.of(place.region(), ChinaTime.dateOf(now), id);
        String categoryCode = category != null ? category.code() : applied ? suggestion.get().categoryCode() : null;
        int people = cmd.peopleInvolved() == null ? Math.max(1, parties.size()) : cmd.peopleInvolved();
        RiskAssessment assessment = risk.assess(new RiskFacts(cmd.kind().name(), disputeType, cmd.title(),
                cmd.description(), people, cmd.amountInvolved(), repository.countCasesWithParties(parties, id),
                repository.countSameProblemNearby(categoryCode, place.region(), now), false, false,
                ChinaTime.dateOf(now)));
        boolean urgent = Boolean.TRUE.equals(cmd.urgent());
        Case.Step step = step(actor, now);
        Case c = Case.register(id, code, new Case.RegistrationFacts(place.region(), place.grid(), cmd.kind(),
                cmd.channel(), categoryCode, disputeType, urgent, RiskLevel.valueOf(assessment.level().name()),
                assessment.reasons(), owner.id()), step);
        if (assignTo != null) {
            AssignmentTargets.require("assignTo", units.get(actor.unitId()), c.region(), assignTo,
                    route(c).map(RoutingDecision::unit).orElse(null));
            assign(c, assignTo, "MANUAL", "登记时由" + actor.displayName() + "直接交办" + assignTo.name(), null, step);
        } else if (mayRoute) {
            Optional<RoutingDecision> decision = route(c);
            decision.filter(d -> !d.isFallback()).ifPresent(d -> assign(c, d.unit(), d.ruleCode(),
                    applied ? d.explanation() + appliedNote(suggestion.get()) : d.explanation(), null, step));
        }
        repository.insert(c, new CaseRepository.Facts(blankToNull(cmd.sourceRef()), cmd.title().strip(),
                cmd.description().strip(), blankToNull(cmd.address()), place.latitude(), place.longitude(),
                place.grid(), people, cmd.amountInvolved(), actor.userId(), actor.unitId(), now), parties,
                suggestion.map(sg -> stored(sg, c, applied)).orElse(null));
        Case.State s = c.state();
        return new Registration(id, code, s.status(), s.handlingUnit(), s.routingRule(), s.routingReason());
    }

    private record Place(DivisionCode region, String grid, Double latitude, Double longitude) {
    }

    /** The suggestion as stored beside the case, with the unit the routing rules give for its category. */
    private CaseRepository.StoredSuggestion stored(CategorySuggestion s, Case c, boolean applied) {
        Optional<RoutingDecision> unit = router.route(new RoutingQuery(c.kind().name(), s.categoryCode(),
                c.disputeType(), c.region())).filter(d -> !d.isFallback());
        return new CaseRepository.StoredSuggestion(s.categoryCode(), s.confidence(), s.top(),
                unit.map(d -> d.unit().id()).orElse(null), unit.map(RoutingDecision::ruleCode).orElse(null), applied,
                triage.threshold(), s.modelId());
    }

    private static String appliedNote(CategorySuggestion s) {
        return String.format(java.util.Locale.ROOT, "（事项类别由智能分类判定为「%s」，置信度%.0f%%）", s.categoryPath(),
                s.confidence() * 100);
    }

    /**
     * Finds the matter's region and grid from the region or grid code and/or the coordinates. When both are
     * given they must agree.
     */
    private Place locate(RegisterCase cmd) {
        if ((cmd.latitude() == null) != (cmd.longitude() == null)) {
            throw new ProblemException.InvalidInput("latitude", "case.coordinatesIncomplete");
        }
        Region given = cmd.regionCode() == null || cmd.regionCode().isBlank() ? null
                : regions.require("regionCode", cmd.regionCode());
        if (given != null && given.level().isAbove(RegionLevel.COUNTY)) {
            throw new ProblemException.InvalidInput("regionCode", "case.regionTooCoarse", given.name());
        }
        String grid = given != null && given.level() == RegionLevel.GRID ? given.code().value() : null;
        if (cmd.latitude() != null) {
            Optional<Region> located = grids.locate(cmd.longitude(), cmd.latitude());
            if (located.isPresent()) {
                Region g = located.get();
                if (given != null && !g.code().isWithin(given.code()) && !given.code().isWithin(g.code())) {
                    throw new ProblemException.InvalidInput("regionCode", "case.regionDisagreesWithPoint",
                            regions.pathName(g.code()), given.name());
                }
                grid = grid == null ? g.code().value() : grid;
            }
        }
        if (given == null && grid == null) {
            throw new ProblemException.InvalidInput("regionCode", "case.regionRequired");
        }
        DivisionCode region = grid != null ? DivisionCode.of(grid).parent() : given.code();
        return new Place(region, grid, cmd.latitude(), cmd.longitude());
    }

    /**
     * The centre responsible for the procedure: the registering centre when the matter lies in its region
     * (首接负责), otherwise the centre of the matter's region.
     */
    private Unit ownerFor(Actor actor, DivisionCode region) {
        if (actor.unit().isCentre() && actor.jurisdiction().coversRegion(region.value())) {
            return actor.unit();
        }
        return units.centreFor(region).orElseThrow(() ->
                new ProblemException.InvalidInput("regionCode", "case.noCentre", regions.pathName(region)));
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
        String dispute = cmd.disputeType() == null || cmd.disputeType().isBlank() ? null
                : categories.requireDisputeType("disputeType", cmd.disputeType()).code();
        if (dispute != null && cmd.kind() != CaseKind.DISPUTE) {
            throw new ProblemException.InvalidInput("disputeType", "case.disputeTypeNeedsDispute");
        }
        Instant now = clock.instant();
        RiskAssessment assessment = caseRisk.assess(c, cmd.kind(), category, dispute, now);
        c.triage(cmd.kind(), category, dispute, Boolean.TRUE.equals(cmd.urgent()),
                RiskLevel.valueOf(assessment.level().name()), assessment.reasons(), cmd.note(), step(actor, now));
        repository.update(c);
    }

    /** Assigns to the named unit, or to the unit the routing rules choose. */
    public void assign(Actor actor, long id, Assign cmd) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.ASSIGN);
        Case.Step step = step(actor, clock.instant());
        if (cmd.unitId() != null) {
            Unit unit = units.requireActive("unitId", cmd.unitId());
            RoutingDecision suggested = route(c).orElse(null);
            AssignmentTargets.require("unitId", units.get(actor.unitId()), c.region(), unit,
                    suggested == null ? null : suggested.unit());
            String reason = suggested != null && suggested.unit().id() == unit.id() ? suggested.explanation()
                    : "由" + actor.displayName() + "指定交办" + unit.name();
            assign(c, unit, suggested != null && suggested.unit().id() == unit.id() ? suggested.ruleCode() : "MANUAL",
                    reason, cmd.note(), step);
        } else {
            RoutingDecision d = route(c).orElseThrow(() -> new CaseRefused("case.noRoute"));
            if (d.unit().id() == c.ownerUnit() && d.isFallback()) {
                throw new CaseRefused("case.noRoute");
            }
            assign(c, d.unit(), d.ruleCode(), d.explanation(), cmd.note(), step);
        }
        repository.update(c);
    }

    private void assign(Case c, Unit unit, String ruleCode, String reason, String note, Case.Step step) {
        Deadline handle = deadlines.due(HANDLE, subject(c), step.at());
        Instant accept = earliest(deadlines.due(ACCEPT, subject(c), step.at()).due(), handle.due());
        c.assign(unit.id(), ruleCode, reason, accept, handle.due(), handle.policy().code(), note, step);
    }

    public void accept(Actor actor, long id, String note) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.ACCEPT);
        c.accept(note, step(actor, clock.instant()));
        repository.update(c);
    }

    public void returnCase(Actor actor, long id, Return cmd) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.RETURN);
        c.returnToDispatcher(cmd.reason(), step(actor, clock.instant()));
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
        AssignmentTargets.require("unitId", units.get(actor.unitId()), c.region(), to,
                route(c).map(RoutingDecision::unit).orElse(null));
        Case.Step step = step(actor, clock.instant());
        Deadline handle = deadlines.due(HANDLE, subject(c), step.at());
        Instant accept = earliest(deadlines.due(ACCEPT, subject(c), step.at()).due(), handle.due());
        c.transfer(to.id(), accept, handle.due(), handle.policy().code(), cmd.reason(), step);
        repository.update(c);
    }

    public void escalate(Actor actor, long id, Escalate cmd) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.ESCALATE);
        Unit owner = units.get(c.ownerUnit());
        Unit upper = units.centreAbove(owner).orElseThrow(() -> new CaseRefused("case.noLevelAbove", owner.name()));
        c.escalate(upper.id(), cmd.reason(), step(actor, clock.instant()));
        repository.update(c);
    }

    // ---- handling ----------------------------------------------------------------------------------------------

    /**
     * Records progress. A note by the unit a supervision notice was addressed to is its answer (督办反馈).
     */
    public void addNote(Actor actor, long id, Note cmd) {
        checkText("note", cmd.note());
        Case c = load(actor, id);
        permit(actor, c, CaseAction.ADD_NOTE);
        Instant now = clock.instant();
        c.addNote(cmd.note(), step(actor, now));
        repository.update(c);
        answerNotices(id, actor.unitId(), now);
    }

    private void answerNotices(long caseId, long unitId, Instant at) {
        jdbc.sql("update supervision_notice set answered_at = ? where case_id = ? and unit_id = ? and answered_at is null")
                .params(CaseRepository.ts(at), caseId, unitId).update();
    }

    public long recordMediation(Actor actor, long id, MediationSession cmd) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.RECORD_MEDIATION);
        Instant now = clock.instant();
        if (cmd.heldAt().isAfter(now.plusSeconds(300))) {
            throw new ProblemException.InvalidInput("heldAt", "case.sessionInFuture");
        }
        long sessionId = jdbc.sql("""
                insert into mediation_session (case_id, held_at, place, mediators, participants, result, notes,
                                               recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).params(id, CaseRepository.ts(cmd.heldAt()), cmd.place().strip(), cmd.mediators().strip(),
                blankToNull(cmd.participants()), cmd.result().name(), blankToNull(cmd.notes()), actor.userId(),
                CaseRepository.ts(now)).query(Long.class).single();
        c.recordMediation(sessionId, cmd.heldAt(), cmd.place().strip(), cmd.mediators().strip(), cmd.result(),
                cmd.notes(), step(actor, now));
        repository.update(c);
        return sessionId;
    }

    public void addJointUnit(Actor actor, long id, JointUnit cmd) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.ADD_JOINT_UNIT);
        Unit unit = units.requireActive("unitId", cmd.unitId());
        c.addJointUnit(unit.id(), cmd.note(), step(actor, clock.instant()));
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
        long requestId = jdbc.sql("""
                insert into extension_request (case_id, requested_by, requested_at, current_due_at, requested_due_at,
                                               reason, status)
                values (?, ?, ?, ?, ?, ?, 'PENDING') returning id
                """).params(id, actor.userId(), CaseRepository.ts(now),
                CaseRepository.ts(c.handleDueAt() == null ? now : c.handleDueAt()), CaseRepository.ts(requested),
                cmd.reason().strip()).query(Long.class).single();
        c.requestExtension(requestId, requested, allowed, cmd.reason(), step(actor, now));
        repository.update(c);
        return requestId;
    }

    public void decideExtension(Actor actor, long id, ExtensionDecision cmd) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.DECIDE_EXTENSION);
        Long requestId = c.pendingExtension();
        Instant now = clock.instant();
        Instant requested = requestId == null ? null : jdbc.sql("select requested_due_at from extension_request where id = ?")
                .param(requestId).query((rs, n) -> CaseRepository.instant(rs, "requested_due_at")).single();
        c.decideExtension(cmd.approve(), requested, cmd.reason(), step(actor, now));
        jdbc.sql("""
                update extension_request set status = ?, decided_by = ?, decided_at = ?, decision_reason = ? where id = ?
                """).params(cmd.approve() ? "APPROVED" : "REFUSED", actor.userId(), CaseRepository.ts(now),
                blankToNull(cmd.reason()), requestId).update();
        repository.update(c);
    }

    public long supervise(Actor actor, long id, Supervision cmd) {
        checkText("message", cmd.message());
        Case c = load(actor, id);
        permit(actor, c, CaseAction.SUPERVISE);
        Instant now = clock.instant();
        Instant due = cmd.dueOn() != null ? ChinaTime.endOf(cmd.dueOn())
                : deadlines.due(SUPERVISION, subject(c), now).due();
        if (!due.isAfter(now)) {
            throw new ProblemException.InvalidInput("dueOn", "case.supervisionDueInPast");
        }
        Long unit = c.handlingUnit() != null ? c.handlingUnit() : c.ownerUnit();
        long noticeId = insertNotice(id, "SUPERVISE", unit, now, actor.userId(), cmd.message().strip(), due);
        c.supervise(noticeId, due, cmd.message(), step(actor, now));
        repository.update(c);
        return noticeId;
    }

    private long insertNotice(long caseId, String kind, Long unit, Instant at, Long by, String message, Instant due) {
        return jdbc.sql("""
                insert into supervision_notice (case_id, kind, unit_id, issued_at, issued_by, message, due_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id
                """).params(caseId, kind, unit, CaseRepository.ts(at), by, message, CaseRepository.ts(due))
                .query(Long.class).single();
    }

    // ---- closing and after -------------------------------------------------------------------------------------

    public void close(Actor actor, long id, Close cmd) {
        checkText("summary", cmd.summary());
        Case c = load(actor, id);
        permit(actor, c, CaseAction.CLOSE);
        Instant now = clock.instant();
        Instant revisit = deadlines.due(REVISIT, subject(c), now).due();
        c.close(cmd.outcome(), cmd.summary(), revisit, step(actor, now));
        repository.update(c);
        answerNotices(id, actor.unitId(), now);
    }

    public long recordAgreement(Actor actor, long id, Agreement cmd) {
        checkText("terms", cmd.terms());
        Case c = load(actor, id);
        permit(actor, c, CaseAction.RECORD_AGREEMENT);
        Instant now = clock.instant();
        LocalDate effective = cmd.effectiveOn() == null ? cmd.signedOn() : cmd.effectiveOn();
        if (effective.isBefore(cmd.signedOn()) || cmd.signedOn().isAfter(ChinaTime.dateOf(now))) {
            throw new ProblemException.InvalidInput("effectiveOn", "case.agreementDates");
        }
        if (cmd.attachmentId() != null && jdbc.sql("select count(*) from case_attachment where id = ? and case_id = ?")
                .params(cmd.attachmentId(), id).query(Integer.class).single() == 0) {
            throw new ProblemException.InvalidInput("attachmentId", "case.attachmentUnknown", cmd.attachmentId());
        }
        Instant confirmationDue = deadlines.due(JUDICIAL_CONFIRMATION, subject(c), ChinaTime.startOf(effective)).due();
        long agreementId = jdbc.sql("""
                insert into mediation_agreement (case_id, signed_on, effective_on, terms, attachment_id,
                                                 confirmation_due_at, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).params(id, cmd.signedOn(), effective, cmd.terms().strip(), cmd.attachmentId(),
                CaseRepository.ts(confirmationDue), actor.userId(), CaseRepository.ts(now)).query(Long.class).single();
        c.recordAgreement(agreementId, effective, confirmationDue, null, step(actor, now));
        repository.update(c);
        return agreementId;
    }

    public void referConfirmation(Actor actor, long id, long agreementId, ConfirmationReferral cmd) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.REFER_CONFIRMATION);
        Instant now = clock.instant();
        var agreement = jdbc.sql("select referred_at, confirmation_due_at from mediation_agreement where id = ? and case_id = ?")
                .params(agreementId, id)
                .query((rs, n) -> new Instant[] {CaseRepository.instant(rs, "referred_at"),
                        CaseRepository.instant(rs, "confirmation_due_at")})
                .optional().orElseThrow(() -> new ProblemException.NotFound("agreement.notFound", agreementId));
        if (agreement[0] != null) {
            throw new CaseRefused("case.alreadyReferred");
        }
        if (now.isAfter(agreement[1])) {
            throw new CaseRefused("case.confirmationPeriodOver", Deadlines.lastDayOf(agreement[1]));
        }
        Long court = cmd.courtUnitId() != null ? units.requireActive("courtUnitId", cmd.courtUnitId()).id()
                : courtFor(c.region()).map(Unit::id).orElse(null);
        jdbc.sql("update mediation_agreement set referred_at = ?, court_unit = ? where id = ?")
                .params(CaseRepository.ts(now), court, agreementId).update();
        c.referConfirmation(agreementId, court, cmd.note(), step(actor, now));
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
        checkText("comment", cmd.comment());
        Case c = load(actor, id);
        permit(actor, c, CaseAction.EVALUATE);
        Instant now = clock.instant();
        String source = cmd.source() == null ? "PHONE" : cmd.source();
        jdbc.sql("""
                insert into case_evaluation (case_id, rating, comment, source, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?)
                """).params(id, cmd.rating().name(), blankToNull(cmd.comment()), source, CaseRepository.ts(now),
                actor.userId()).update();
        Case.Step step = step(actor, now);
        c.evaluate(cmd.rating(), source, cmd.comment(), step);
        if (cmd.rating() == Rating.DISSATISFIED) {
            caseRisk.reassess(c, step);
        }
        repository.update(c);
    }

    public void concludeReview(Actor actor, long id, ReviewDecision cmd) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.CONCLUDE_REVIEW);
        Instant now = clock.instant();
        Deadline handle = deadlines.due(HANDLE, subject(c), now);
        c.concludeReview(cmd.reopen(), handle.due(), handle.policy().code(), cmd.reason(), step(actor, now));
        repository.update(c);
    }

    public void archive(Actor actor, long id, String note) {
        Case c = load(actor, id);
        permit(actor, c, CaseAction.ARCHIVE);
        c.archive(note, step(actor, clock.instant()));
        repository.update(c);
    }

    public long revisit(Actor actor, long id, Revisit cmd) {
        checkText("notes", cmd.notes());
        Case c = load(actor, id);
        permit(actor, c, CaseAction.REVISIT);
        Instant now = clock.instant();
        long revisitId = jdbc.sql("""
                insert into case_revisit (case_id, method, result, notes, revisited_at, recorded_by)
                values (?, ?, ?, ?, ?, ?) returning id
                """).params(id, cmd.method(), cmd.result().name(), blankToNull(cmd.notes()), CaseRepository.ts(now),
                actor.userId()).query(Long.class).single();
        Deadline handle = deadlines.due(HANDLE, subject(c), now);
        c.revisit(revisitId, cmd.method(), cmd.result(), handle.due(), handle.policy().code(), cmd.notes(),
                step(actor, now));
        repository.update(c);
        return revisitId;
    }

    /** Merges a duplicate into its master case; both must be within the actor's reach. */
    public void merge(Actor actor, long duplicateId, Merge cmd) {
        Case duplicate = load(actor, duplicateId);
        permit(actor, duplicate, CaseAction.MERGE);
        Case master = repository.load(cmd.masterCaseId(), actor.jurisdiction())
                .orElseThrow(() -> new ProblemException.InvalidInput("masterCaseId", "case.masterUnknown", cmd.masterCaseId()));
        Case.Step step = step(actor, clock.instant());
        duplicate.mergeInto(master.id(), master.trackingCode(), cmd.reason(), step);
        master.absorbDuplicate(duplicate.id(), duplicate.trackingCode(), cmd.reason(), step);
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
        c.attach(attachmentId, filename, contentType, size, step(actor, clock.instant()));
        repository.update(c);
    }

    /** Checks that the actor may attach to the case before its content is stored. */
    @Transactional(readOnly = true)
    public void checkMayAttach(Actor actor, long id) {
        permit(actor, load(actor, id), CaseAction.ATTACH);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    Case load(Actor actor, long id) {
        return repository.load(id, actor.jurisdiction()).orElseThrow(() -> CaseQueries.notFound(id));
    }

    private static void permit(Actor actor, Case c, CaseAction action) {
        if (!c.status().allows(action)) {
            throw new ActionNotAllowed(c.status(), action);
        }
        if (!CasePermissions.may(actor, c, action)) {
            throw new ProblemException.Forbidden("case.actionForbidden", ProblemException.localized("action." + action));
        }
    }

    static DeadlineSubject subject(Case c) {
        return new DeadlineSubject(c.channel().name(), c.kind().name(), c.categoryCode(), c.urgent());
    }

    private static Case.Step step(Actor actor, Instant at) {
        return new Case.Step(actor.userId(), actor.unitId(), at);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void checkText(String field, String value) {
        if (value != null && !TextHygiene.isClean(value)) {
            throw new ProblemException.InvalidInput(field, "text.invalidCharacters");
        }
    }
}
