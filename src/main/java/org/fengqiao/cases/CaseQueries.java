package org.fengqiao.cases;

import static org.fengqiao.cases.CaseSql.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.fengqiao.platform.PartyMasking;
import org.fengqiao.access.Actor;
import org.fengqiao.audit.AuditLog;
import org.fengqiao.cases.CaseViews.*;
import org.fengqiao.deadlines.Deadlines;
import org.fengqiao.platform.ProblemException;

/**
 * Reads one case for a caller: its view, timeline, agreements, pending extension and, audited, a party in full.
 * Every read is limited to the caller's jurisdiction in SQL; a case outside it reads exactly like one that does
 * not exist ({@link CaseNotFound}). Lists of many cases are {@link CaseLists}.
 */
@Service
@Transactional(readOnly = true)
public class CaseQueries {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final CaseRepository repository;
    private final CaseRefs refs;
    private final Deadlines deadlines;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final PartyData parties;
    private final StoredSentences sentences;

    CaseQueries(JdbcClient jdbc, CaseRepository repository, CaseRefs refs, Deadlines deadlines, AuditLog audit,
                ObjectMapper json, Clock clock, PartyData parties, StoredSentences sentences) {
        this.jdbc = jdbc;
        this.parties = parties;
        this.repository = repository;
        this.refs = refs;
        this.deadlines = deadlines;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.sentences = sentences;
    }

    /**
     * The case, if it exists and the actor's jurisdiction reaches it: one statement reads its row, the units
     * involved, who registered it and the suggestion made at intake.
     */
    public Optional<CaseView> find(Actor actor, long id) {
        Map<String, Object> params = new HashMap<>();
        bindJurisdiction(params, actor.jurisdiction());
        JdbcClient.StatementSpec spec = jdbc.sql("""
                select c.*, u.display_name as registered_by_name,
                       s.category_code as s_category, s.confidence as s_confidence, s.top::text as s_top,
                       s.unit_id as s_unit, s.rule_code as s_rule, s.applied as s_applied, s.threshold as s_threshold,
                       s.suggested_at as s_at,""" + JOINT_UNITS + """
                from cases c join staff_user u on u.id = c.registered_by
                left join case_suggestion s on s.case_id = c.id
                where c.id = :id and """ + inJurisdiction(actor.jurisdiction())).param("id", id);
        params.forEach(spec::param);
        return spec.query((rs, n) -> view(actor, rs)).optional();
    }

    /** The case or a 404 that reads the same whether the case is missing or out of reach. */
    public CaseView get(Actor actor, long id) {
        return find(actor, id).orElseThrow(() -> new CaseNotFound(id));
    }

    /**
     * Checks that the case exists within the actor's jurisdiction, without building its view; otherwise the same
     * 404 as {@link #get}.
     */
    public void requireVisible(Actor actor, long id) {
        load(actor, id);
    }

    /** What a panel beside a case needs to know of it: its code and what the user may do with it. */
    public record CaseHandle(long id, String trackingCode, CaseStatus status, java.util.Set<CaseAction> allowedActions) {
    }

    /**
     * The case's tracking code, status and the actions the actor may take, without building its view; the same
     * 404 as {@link #get} when it is out of reach.
     */
    public CaseHandle handle(Actor actor, long id) {
        Case c = load(actor, id);
        return new CaseHandle(id, c.trackingCode(), c.status(), CasePermissions.allowed(actor, c));
    }

    /** The case's title and description, after the same check as {@link #requireVisible}. */
    public CaseText titleAndDescription(Actor actor, long id) {
        requireVisible(actor, id);
        return jdbc.sql("select title, description from cases where id = ?").param(id)
                .query((rs, n) -> new CaseText(rs.getString(1), rs.getString(2))).single();
    }

    /** Looks a case up by its tracking code (as a person may type it). */
    public Optional<CaseView> findByTrackingCode(Actor actor, String code) {
        return TrackingCode.normalise(code)
                .flatMap(c -> jdbc.sql("select id from cases where tracking_code = ?").param(c).query(Long.class).optional())
                .flatMap(id -> find(actor, id));
    }

    private Case load(Actor actor, long id) {
        return repository.load(id, actor.jurisdiction()).orElseThrow(() -> new CaseNotFound(id));
    }

    private CaseView view(Actor actor, ResultSet rs) throws SQLException {
        CaseState s = caseState(rs, json);
        String grid = rs.getString("grid_code");
        Classification k = s.classification();
        Closure done = s.closure();
        return new CaseView(s.id().value(), s.trackingCode(), s.status(),
                new CaseView.Intake(s.channel(), rs.getString("source_ref"), instant(rs, "registered_at"),
                        rs.getString("registered_by_name"), refs.unitRef(rs.getLong("registering_unit"))),
                new CaseView.Classification(k.kind(), refs.categoryRef(k.categoryCode()), refs.disputeRef(k.disputeType()),
                        k.urgent(), new Risk(k.riskLevel(), sentences.forReader(k.riskReasons()))),
                new CaseView.Matter(FreeTextMasking.forActor(actor, rs.getString("title")),
                        FreeTextMasking.forActor(actor, rs.getString("description")),
                        new Location(rs.getString("address"), (Double) rs.getObject("latitude"),
                                (Double) rs.getObject("longitude"), s.region().value(), refs.regionPath(s.region()),
                                grid, refs.gridName(grid)),
                        rs.getInt("people_involved"), rs.getBigDecimal("amount_involved")),
                new CaseView.Handling(refs.unitRef(s.ownerUnit()),
                        s.handlingUnit() == null ? null : refs.unitRef(s.handlingUnit()),
                        s.jointUnits().stream().sorted().map(refs::unitRef).toList(),
                        s.routingRule() == null ? null
                                : new Routing(s.routingRule(), sentences.forReader(s.routingReason())),
                        deadlines(s, clock.instant()), s.supervised(), s.returnCount(), s.reopenCount()),
                new CaseView.Closure(done.outcome(), done.outcome() == null ? null : done.outcome().isResolved(),
                        done.closedAt(), done.closedOnTime(), done.archivedAt(), s.mergedInto()),
                new CaseView.Evaluation(done.rating(), done.evaluatedAt(), done.revisitDueAt(), done.revisitedAt()),
                maskedParties(s.id().value()), suggestion(rs), CasePermissions.allowed(actor, new Case(s)),
                s.version());
    }

    private CaseViews.Deadlines deadlines(CaseState s, Instant now) {
        Instant due = s.due().handleDueAt();
        boolean running = s.status().isOpen() && due != null;
        boolean acceptOverdue = s.status() == CaseStatus.ASSIGNED && s.due().acceptDueAt() != null
                && !now.isBefore(s.due().acceptDueAt());
        return new CaseViews.Deadlines(s.due().assignedAt(), s.due().acceptDueAt(), s.due().acceptedAt(),
                s.due().handleDueAt(), s.due().handlePolicy(), s.due().handlePolicy() == null ? null
                : deadlines.find(s.due().handlePolicy()).map(sentences::policyForReader).orElse(null),
                running ? deadlines.workingDaysLeft(due, now) : null, acceptOverdue, s.due().overdueSince() != null,
                s.due().overdueSince(), s.due().chasedAt(), s.due().reportedAt(), s.extensionCount(),
                s.pendingExtension());
    }

    private static final TypeReference<List<Map<String, Object>>> ALTERNATIVES = new TypeReference<>() {
    };

    private Suggestion suggestion(ResultSet rs) throws SQLException {
        String category = rs.getString("s_category");
        if (category == null) {
            return null;
        }
        List<SuggestedCategory> top = json.readValue(rs.getString("s_top"), ALTERNATIVES).stream()
                .map(a -> new SuggestedCategory(refs.categoryRef((String) a.get("code")),
                        ((Number) a.get("confidence")).doubleValue())).toList();
        Long unit = CaseSql.longOrNull(rs, "s_unit");
        return new Suggestion(refs.categoryRef(category), rs.getDouble("s_confidence"), top,
                unit == null ? null : refs.unitRef(unit), rs.getString("s_rule"), rs.getBoolean("s_applied"),
                rs.getDouble("s_threshold"), CaseSql.instant(rs, "s_at"));
    }

    /** The case's parties, opened (SM4) only to be masked here. */
    private List<PartyView> maskedParties(long caseId) {
        return jdbc.sql("select id, role, name, phone, id_number, address from case_party where case_id = ? order by id")
                .param(caseId)
                .query((rs, n) -> {
                    PartyData.Clear p = parties.open(rs);
                    return new PartyView(rs.getLong("id"), PartyRole.valueOf(rs.getString("role")),
                            PartyMasking.name(p.name()), PartyMasking.phone(p.phone()),
                            PartyMasking.idNumber(p.idNumber()), PartyMasking.address(p.address()), true);
                })
                .list();
    }

    /**
     * Shows a party's personal data in full. The reveal is recorded in the audit log in the same transaction.
     */
    @Transactional
    public PartyView revealParty(Actor actor, long caseId, long partyId, String purpose) {
        load(actor, caseId);
        if (purpose == null || purpose.isBlank()) {
            throw new ProblemException.InvalidInput("purpose", "party.purposeRequired");
        }
        if (actor.roles().equals(java.util.Set.of(org.fengqiao.organisation.Role.ADMIN))) {
            throw new ProblemException.Forbidden("party.revealForbidden");
        }
        PartyView party = jdbc.sql("""
                        select id, role, name, phone, id_number, address from case_party where case_id = ? and id = ?
                        """).params(caseId, partyId)
                .query((rs, n) -> {
                    PartyData.Clear p = parties.open(rs);
                    return new PartyView(rs.getLong("id"), PartyRole.valueOf(rs.getString("role")), p.name(),
                            p.phone(), p.idNumber(), p.address(), false);
                })
                .optional().orElseThrow(() -> new ProblemException.NotFound("party.notFound", partyId));
        audit.record(actor.userId(), actor.unitId(), AuditLog.Action.REVEAL_PARTY, caseId, "party:" + partyId,
                purpose == null ? Map.of() : Map.of("purpose", purpose));
        return party;
    }

    /** The case's mediation agreements. */
    public List<AgreementView> agreements(Actor actor, long caseId) {
        load(actor, caseId);
        return jdbc.sql("""
                select id, signed_on, effective_on, terms, confirmation_due_at, referred_at
                from mediation_agreement where case_id = ? order by id
                """).param(caseId).query((rs, n) -> new AgreementView(rs.getLong(1),
                rs.getObject(2, java.time.LocalDate.class), rs.getObject(3, java.time.LocalDate.class), rs.getString(4),
                CaseSql.instant(rs, "confirmation_due_at"), CaseSql.instant(rs, "referred_at"))).list();
    }

    /** The extension request waiting for a decision, if any. */
    public Optional<ExtensionView> pendingExtension(Actor actor, long caseId) {
        Case c = load(actor, caseId);
        if (c.pendingExtension() == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select r.id, r.requested_at, u.display_name, r.current_due_at, r.requested_due_at, r.reason
                from extension_request r join staff_user u on u.id = r.requested_by where r.id = ?
                """).param(c.pendingExtension()).query((rs, n) -> new ExtensionView(rs.getLong(1),
                CaseSql.instant(rs, "requested_at"), rs.getString(3), CaseSql.instant(rs, "current_due_at"),
                CaseSql.instant(rs, "requested_due_at"), rs.getString(6))).optional();
    }

    /** The case's timeline, oldest first. */
    public List<TimelineEntry> timeline(Actor actor, long caseId) {
        load(actor, caseId);
        return jdbc.sql("""
                select e.id, e.type, e.occurred_at, e.actor_user_id, u.display_name, e.actor_unit_id, e.from_status,
                       e.to_status, e.reason, e.data::text as data
                from case_event e left join staff_user u on u.id = e.actor_user_id
                where e.case_id = ? order by e.id
                """).param(caseId).query((rs, n) -> {
            Instant occurred = CaseSql.instant(rs, "occurred_at");
            Map<String, Object> data = json.readValue(rs.getString("data"), MAP);
            return new TimelineEntry(rs.getLong("id"), rs.getString("type"), occurred,
                    CaseSql.longOrNull(rs, "actor_user_id"), rs.getString("display_name"),
                    CaseSql.longOrNull(rs, "actor_unit_id"), refs.unitName(CaseSql.longOrNull(rs, "actor_unit_id")),
                    status(rs, "from_status"), status(rs, "to_status"), sentences.forReader(rs.getString("reason")),
                    data, happenedAt(data.get("heldAt"), occurred));
        }).list();
    }

    /** A step's own time carried in its event (a session's {@code heldAt}), else when it was recorded. */
    private static Instant happenedAt(Object stored, Instant occurred) {
        if (stored instanceof String text) {
            return Instant.parse(text);
        }
        if (stored instanceof Number seconds) {
            java.math.BigDecimal exact = new java.math.BigDecimal(seconds.toString());
            return Instant.ofEpochSecond(exact.longValue(),
                    exact.remainder(java.math.BigDecimal.ONE).movePointRight(9).longValue());
        }
        return occurred;
    }

    private static CaseStatus status(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : CaseStatus.valueOf(s);
    }
}
