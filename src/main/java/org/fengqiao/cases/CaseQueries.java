package org.fengqiao.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.fengqiao.access.Actor;
import org.fengqiao.access.Jurisdiction;
import org.fengqiao.audit.AuditLog;
import org.fengqiao.cases.CaseViews.*;
import org.fengqiao.categories.Categories;
import org.fengqiao.deadlines.Deadlines;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.Regions;

/**
 * Reads cases for a caller. Every query is limited to the caller's jurisdiction in SQL; a case outside it
 * reads exactly like one that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class CaseQueries {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /**
     * Lists count matching cases up to this many; beyond it they say "more than 1,000 — narrow the filter"
     * (counting a whole county on every page view costs more than it tells anyone; exports count in full).
     */
    public static final int COUNT_CAP = 1_000;

    /**
     * A revisit not made within 30 days of falling due has lapsed: it leaves the workbench (the analytics count
     * it as missed) rather than piling up there forever.
     */
    static final java.time.Duration REVISIT_WINDOW = java.time.Duration.ofDays(30);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final CaseRepository repository;
    private final Units units;
    private final Regions regions;
    private final Categories categories;
    private final Deadlines deadlines;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    CaseQueries(JdbcClient jdbc, CaseRepository repository, Units units, Regions regions, Categories categories,
                Deadlines deadlines, AuditLog audit, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.units = units;
        this.regions = regions;
        this.categories = categories;
        this.deadlines = deadlines;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** The case, if it exists and the actor's jurisdiction reaches it. */
    public Optional<CaseView> find(Actor actor, long id) {
        return repository.load(id, actor.jurisdiction()).map(c -> view(actor, c));
    }

    /** The case or a 404 that reads the same whether the case is missing or out of reach. */
    public CaseView get(Actor actor, long id) {
        return find(actor, id).orElseThrow(() -> notFound(id));
    }

    /**
     * Checks that the case exists within the actor's jurisdiction, without building its view; otherwise the same
     * 404 as {@link #get}.
     */
    public void requireVisible(Actor actor, long id) {
        repository.load(id, actor.jurisdiction()).orElseThrow(() -> notFound(id));
    }

    /** What a panel beside a case needs to know of it: its code and what the user may do with it. */
    public record CaseHandle(long id, String trackingCode, CaseStatus status, java.util.Set<CaseAction> allowedActions) {
    }

    /**
     * The case's tracking code, status and the actions the actor may take, without building its view; the same
     * 404 as {@link #get} when it is out of reach.
     */
    public CaseHandle handle(Actor actor, long id) {
        Case c = repository.load(id, actor.jurisdiction()).orElseThrow(() -> notFound(id));
        return new CaseHandle(id, c.state().trackingCode(), c.status(), CasePermissions.allowed(actor, c));
    }

    /** The case's title and description, after the same check as {@link #requireVisible}. */
    public String[] titleAndDescription(Actor actor, long id) {
        requireVisible(actor, id);
        return jdbc.sql("select title, description from cases where id = ?").param(id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
    }

    static ProblemException.NotFound notFound(Object id) {
        return new ProblemException.NotFound("case.notFound", id);
    }

    /** Looks a case up by its tracking code (as a person may type it). */
    public Optional<CaseView> findByTrackingCode(Actor actor, String code) {
        return TrackingCode.normalise(code)
                .flatMap(c -> jdbc.sql("select id from cases where tracking_code = ?").param(c).query(Long.class).optional())
                .flatMap(id -> find(actor, id));
    }

    private CaseView view(Actor actor, Case c) {
        Case.State s = c.state();
        Instant now = clock.instant();
        return jdbc.sql("""
                select c.source_ref, c.title, c.description, c.address, c.latitude, c.longitude, c.grid_code,
                       c.people_involved, c.amount_involved, c.registered_at, c.registering_unit, c.closed_at,
                       c.closed_on_time, c.evaluated_at, c.revisit_due_at, c.revisited_at, c.archived_at,
                       c.risk_reasons::text as risk_reasons, u.display_name as registered_by,
                       s.category_code as s_category, s.confidence as s_confidence, s.top::text as s_top,
                       s.unit_id as s_unit, s.rule_code as s_rule, s.applied as s_applied, s.threshold as s_threshold,
                       s.suggested_at as s_at
                from cases c join staff_user u on u.id = c.registered_by
                left join case_suggestion s on s.case_id = c.id
                where c.id = ?
                """).param(s.id()).query((rs, n) -> {
            Instant due = s.handleDueAt();
            boolean running = s.status().isOpen() && due != null;
            boolean acceptOverdue = s.status() == CaseStatus.ASSIGNED && s.acceptDueAt() != null
                    && !now.isBefore(s.acceptDueAt());
            String grid = rs.getString("grid_code");
            return new CaseView(s.id(), s.trackingCode(), s.status(), s.kind(), s.channel(), rs.getString("source_ref"),
                    categoryRef(s.categoryCode()), disputeRef(s.disputeType()),
                    FreeTextMasking.forActor(actor, rs.getString("title")),
                    FreeTextMasking.forActor(actor, rs.getString("description")),
                    new Location(rs.getString("address"), (Double) rs.getObject("latitude"),
                            (Double) rs.getObject("longitude"), s.region().value(), regions.pathName(s.region()), grid,
                            grid == null ? null : regions.find(grid).map(Region::name).orElse(null)),
                    rs.getInt("people_involved"), rs.getBigDecimal("amount_involved"), s.urgent(),
                    new Risk(s.riskLevel(), json.readValue(rs.getString("risk_reasons"), STRINGS)),
                    unitRef(rs.getLong("registering_unit")), unitRef(s.ownerUnit()),
                    s.handlingUnit() == null ? null : unitRef(s.handlingUnit()),
                    s.jointUnits().stream().sorted().map(this::unitRef).toList(),
                    s.routingRule() == null ? null : new Routing(s.routingRule(), s.routingReason()),
                    new CaseViews.Deadlines(s.assignedAt(), s.acceptDueAt(), s.acceptedAt(), s.handleDueAt(), s.handlePolicy(),
                            s.handlePolicy() == null ? null : deadlines.find(s.handlePolicy())
                                    .map(org.fengqiao.deadlines.DeadlinePolicy::description).orElse(null),
                            running ? deadlines.workingDaysLeft(due, now) : null, acceptOverdue,
                            s.overdueSince() != null,
                            s.overdueSince(), s.chasedAt(), s.reportedAt(), s.extensionCount(), s.pendingExtension()),
                    s.supervised(), s.outcome(), s.outcome() == null ? null : s.outcome().isResolved(),
                    CaseRepository.instant(rs, "closed_at"), (Boolean) rs.getObject("closed_on_time"), s.rating(),
                    CaseRepository.instant(rs, "evaluated_at"), CaseRepository.instant(rs, "revisit_due_at"),
                    CaseRepository.instant(rs, "revisited_at"), CaseRepository.instant(rs, "archived_at"),
                    s.mergedInto(), s.returnCount(), s.reopenCount(), CaseRepository.instant(rs, "registered_at"),
                    rs.getString("registered_by"), maskedParties(s.id()), suggestion(rs), CasePermissions.allowed(actor, c),
                    s.version());
        }).single();
    }

    private static final TypeReference<List<Map<String, Object>>> ALTERNATIVES = new TypeReference<>() {
    };

    private Suggestion suggestion(ResultSet rs) throws SQLException {
        String category = rs.getString("s_category");
        if (category == null) {
            return null;
        }
        List<SuggestedCategory> top = json.readValue(rs.getString("s_top"), ALTERNATIVES).stream()
                .map(a -> new SuggestedCategory(categoryRef((String) a.get("code")),
                        ((Number) a.get("confidence")).doubleValue())).toList();
        Long unit = CaseRepository.longOrNull(rs, "s_unit");
        return new Suggestion(categoryRef(category), rs.getDouble("s_confidence"), top,
                unit == null ? null : unitRef(unit), rs.getString("s_rule"), rs.getBoolean("s_applied"),
                rs.getDouble("s_threshold"), CaseRepository.instant(rs, "s_at"));
    }

    Ref categoryRef(String code) {
        return code == null ? null : new Ref(code, categories.find(code).map(cat -> cat.path()).orElse(code));
    }

    private Ref disputeRef(String code) {
        return code == null ? null : new Ref(code, categories.disputeType(code).map(d -> d.nameZh()).orElse(code));
    }

    UnitRef unitRef(long id) {
        return units.find(id).map(u -> new UnitRef(u.id(), u.name(), u.kind().name()))
                .orElse(new UnitRef(id, "#" + id, null));
    }

    private List<PartyView> maskedParties(long caseId) {
        return jdbc.sql("select id, role, name, phone, id_number, address from case_party where case_id = ? order by id")
                .param(caseId)
                .query((rs, n) -> new PartyView(rs.getLong("id"), PartyRole.valueOf(rs.getString("role")),
                        PartyMasking.name(rs.getString("name")), PartyMasking.phone(rs.getString("phone")),
                        PartyMasking.idNumber(rs.getString("id_number")), PartyMasking.address(rs.getString("address")),
                        true))
                .list();
    }

    /**
     * Shows a party's personal data in full. The reveal is recorded in the audit log in the same transaction.
     */
    @Transactional
    public PartyView revealParty(Actor actor, long caseId, long partyId, String purpose) {
        repository.load(caseId, actor.jurisdiction()).orElseThrow(() -> notFound(caseId));
        if (purpose == null || purpose.isBlank()) {
            throw new ProblemException.InvalidInput("purpose", "party.purposeRequired");
        }
        if (actor.roles().equals(java.util.Set.of(org.fengqiao.organisation.Role.ADMIN))) {
            throw new ProblemException.Forbidden("party.revealForbidden");
        }
        PartyView party = jdbc.sql("""
                        select id, role, name, phone, id_number, address from case_party where case_id = ? and id = ?
                        """).params(caseId, partyId)
                .query((rs, n) -> new PartyView(rs.getLong("id"), PartyRole.valueOf(rs.getString("role")),
                        rs.getString("name"), rs.getString("phone"), rs.getString("id_number"), rs.getString("address"),
                        false))
                .optional().orElseThrow(() -> new ProblemException.NotFound("party.notFound", partyId));
        audit.record(actor.userId(), actor.unitId(), AuditLog.Action.REVEAL_PARTY, caseId, "party:" + partyId,
                purpose == null ? Map.of() : Map.of("purpose", purpose));
        return party;
    }

    /** The case's mediation agreements. */
    public List<AgreementView> agreements(Actor actor, long caseId) {
        repository.load(caseId, actor.jurisdiction()).orElseThrow(() -> notFound(caseId));
        return jdbc.sql("""
                select id, signed_on, effective_on, terms, confirmation_due_at, referred_at
                from mediation_agreement where case_id = ? order by id
                """).param(caseId).query((rs, n) -> new AgreementView(rs.getLong(1),
                rs.getObject(2, java.time.LocalDate.class), rs.getObject(3, java.time.LocalDate.class), rs.getString(4),
                CaseRepository.instant(rs, "confirmation_due_at"), CaseRepository.instant(rs, "referred_at"))).list();
    }

    /** The extension request waiting for a decision, if any. */
    public Optional<ExtensionView> pendingExtension(Actor actor, long caseId) {
        Case c = repository.load(caseId, actor.jurisdiction()).orElseThrow(() -> notFound(caseId));
        if (c.pendingExtension() == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select r.id, r.requested_at, u.display_name, r.current_due_at, r.requested_due_at, r.reason
                from extension_request r join staff_user u on u.id = r.requested_by where r.id = ?
                """).param(c.pendingExtension()).query((rs, n) -> new ExtensionView(rs.getLong(1),
                CaseRepository.instant(rs, "requested_at"), rs.getString(3), CaseRepository.instant(rs, "current_due_at"),
                CaseRepository.instant(rs, "requested_due_at"), rs.getString(6))).optional();
    }

    /** The case's timeline, oldest first. */
    public List<TimelineEntry> timeline(Actor actor, long caseId) {
        repository.load(caseId, actor.jurisdiction()).orElseThrow(() -> notFound(caseId));
        return jdbc.sql("""
                select e.id, e.type, e.occurred_at, e.actor_user_id, u.display_name, e.actor_unit_id, e.from_status,
                       e.to_status, e.reason, e.data::text as data
                from case_event e left join staff_user u on u.id = e.actor_user_id
                where e.case_id = ? order by e.id
                """).param(caseId).query((rs, n) -> new TimelineEntry(rs.getLong("id"), rs.getString("type"),
                CaseRepository.instant(rs, "occurred_at"), CaseRepository.longOrNull(rs, "actor_user_id"),
                rs.getString("display_name"), CaseRepository.longOrNull(rs, "actor_unit_id"),
                unitName(CaseRepository.longOrNull(rs, "actor_unit_id")), status(rs, "from_status"),
                status(rs, "to_status"), rs.getString("reason"), json.readValue(rs.getString("data"), MAP))).list();
    }

    private String unitName(Long id) {
        return id == null ? null : units.find(id).map(Unit::name).orElse(null);
    }

    private static CaseStatus status(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : CaseStatus.valueOf(s);
    }

    /**
     * A page of cases matching the filter within the actor's jurisdiction.
     */
    public Page<CaseSummary> list(Actor actor, CaseFilter filter, CaseFilter.Sort sort, int page, int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new ProblemException.InvalidInput("size", "case.badPage");
        }
        Where where = where(actor.jurisdiction(), filter, trayBounds(clock.instant()));
        long total = cappedCount(where);
        List<CaseSummary> items = total == 0 ? List.of() : where.bind(jdbc.sql("""
                        select c.id, c.tracking_code, c.status, c.kind, c.channel, c.title, c.category_code,
                               c.dispute_type, c.region_code, c.handling_unit, c.registered_at, c.handle_due_at,
                               c.overdue_since, c.risk_level, c.urgent, c.supervised, c.outcome, c.rating
                        from cases c where""" + where.sql + " order by " + sort.sql + " limit :limit offset :offset"))
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> summary(rs)).list();
        return new Page<>(items, page, size, total);
    }

    /** All cases matching the filter (for exports), in pages of 500 rows, capped at {@code max}. */
    public List<CaseSummary> listAll(Actor actor, CaseFilter filter, CaseFilter.Sort sort, int max) {
        List<CaseSummary> all = new ArrayList<>();
        for (int page = 0; all.size() < max; page++) {
            Page<CaseSummary> p = list(actor, filter, sort, page, 500);
            all.addAll(p.items());
            if (p.items().size() < 500) {
                break;
            }
        }
        return all.size() > max ? all.subList(0, max) : all;
    }

    /** How many cases match the filter within the actor's jurisdiction. */
    public long count(Actor actor, CaseFilter filter) {
        Where where = where(actor.jurisdiction(), filter, trayBounds(clock.instant()));
        return where.bind(jdbc.sql("select count(*) from cases c where " + where.sql)).query(Long.class).single();
    }

    /** Receives the ledger's rows as they are read. */
    public interface LedgerSink {
        /** Called once before the rows, with how many will follow (at most the cap). */
        void start(long total);

        void row(LedgerRow row);
    }

    /**
     * Streams the ledger (台账) of the cases matching the filter within the actor's jurisdiction, in the list's
     * order, to {@code sink} — exactly the rows the list shows for the same filter, at most {@code max}. The
     * pages are read in one repeatable-read snapshot, so cases registered meanwhile neither appear nor shift
     * rows between pages.
     *
     * @return the number of rows written
     */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public long ledger(Actor actor, CaseFilter filter, CaseFilter.Sort sort, int max, LedgerSink sink) {
        Where where = where(actor.jurisdiction(), filter, trayBounds(clock.instant()));
        long total = where.bind(jdbc.sql("select count(*) from cases c where " + where.sql)).query(Long.class).single();
        sink.start(Math.min(total, max));
        int pageSize = 1000;
        long written = 0;
        for (long offset = 0; offset < Math.min(total, max); offset += pageSize) {
            List<LedgerRow> rows = where.bind(jdbc.sql("""
                            select c.id, c.tracking_code, c.registered_at, c.channel, c.source_ref, c.kind,
                                   c.category_code, c.dispute_type, c.title, c.region_code, c.grid_code, c.handling_unit,
                                   c.status, c.handle_due_at, c.overdue_since, c.closed_on_time, c.risk_level, c.urgent,
                                   c.supervised, c.people_involved, c.amount_involved, c.closed_at, c.outcome, c.rating
                            from cases c where\s""" + where.sql + " order by " + sort.sql
                            + " limit :limit offset :offset"))
                    .param("limit", (int) Math.min(pageSize, max - offset)).param("offset", offset)
                    .query((rs, n) -> ledgerRow(rs)).list();
            for (LedgerRow row : rows) {
                sink.row(row);
                written++;
            }
            if (rows.size() < pageSize) {
                break;
            }
        }
        return written;
    }

    private LedgerRow ledgerRow(ResultSet rs) throws SQLException {
        String category = rs.getString("category_code");
        String grid = rs.getString("grid_code");
        Long unit = CaseRepository.longOrNull(rs, "handling_unit");
        return new LedgerRow(rs.getLong("id"), rs.getString("tracking_code"), CaseRepository.instant(rs, "registered_at"),
                Channel.valueOf(rs.getString("channel")), rs.getString("source_ref"),
                CaseKind.valueOf(rs.getString("kind")),
                category == null ? null : categories.find(category).map(c -> c.path()).orElse(category),
                rs.getString("dispute_type"), rs.getString("title"),
                regions.pathName(DivisionCode.of(rs.getString("region_code"))),
                grid == null ? null : regions.find(grid).map(Region::name).orElse(grid),
                unit == null ? null : unitRef(unit).name(), CaseStatus.valueOf(rs.getString("status")),
                CaseRepository.instant(rs, "handle_due_at"),
                rs.getObject("overdue_since") != null || Boolean.FALSE.equals(rs.getObject("closed_on_time")),
                RiskLevel.valueOf(rs.getString("risk_level")), rs.getBoolean("urgent"), rs.getBoolean("supervised"),
                rs.getInt("people_involved"), rs.getBigDecimal("amount_involved"), CaseRepository.instant(rs, "closed_at"),
                rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
                rs.getString("rating") == null ? null : Rating.valueOf(rs.getString("rating")));
    }

    /**
     * Which of these source references (e.g. 12345 work-order numbers) are already registered for the channel,
     * anywhere: an import must not register the same work order twice.
     */
    public java.util.Set<String> registeredSourceRefs(Channel channel, java.util.Collection<String> refs) {
        if (refs.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                        select distinct source_ref from cases where channel = :channel
                        and source_ref = any(cast(:refs as text[]))
                        """).param("channel", channel.name()).param("refs", refs.toArray(String[]::new))
                .query(String.class).list());
    }

    private CaseSummary summary(ResultSet rs) throws SQLException {
        String region = rs.getString("region_code");
        Long unit = CaseRepository.longOrNull(rs, "handling_unit");
        return new CaseSummary(rs.getLong("id"), rs.getString("tracking_code"),
                CaseStatus.valueOf(rs.getString("status")), CaseKind.valueOf(rs.getString("kind")),
                Channel.valueOf(rs.getString("channel")), rs.getString("title"), categoryRef(rs.getString("category_code")),
                rs.getString("dispute_type"), region, regions.find(region).map(Region::name).orElse(region),
                unit == null ? null : unitRef(unit), CaseRepository.instant(rs, "registered_at"),
                CaseRepository.instant(rs, "handle_due_at"), rs.getObject("overdue_since") != null,
                RiskLevel.valueOf(rs.getString("risk_level")), rs.getBoolean("urgent"), rs.getBoolean("supervised"),
                rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
                rs.getString("rating") == null ? null : Rating.valueOf(rs.getString("rating")));
    }

    /** A WHERE clause with its parameters. */
    record Where(String sql, Map<String, Object> params) {
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            params.forEach(spec::param);
            return spec;
        }
    }

    /** The instants trays compare with: now, and "due soon" = before the end of the second working day. */
    record TrayBounds(Instant now, Instant dueSoon) {
    }

    TrayBounds trayBounds(Instant now) {
        return new TrayBounds(now, ChinaTime.endOf(deadlines.calendar().addWorkingDays(ChinaTime.dateOf(now), 2)));
    }

    /** Tray counts for a jurisdiction and roles, as of a minute. */
    private record TrayKey(org.fengqiao.access.Jurisdiction jurisdiction, java.util.Set<?> roles, long minute) {
    }

    /**
     * Tray counts are asked on every workbench view; they are kept until any case changes or the minute turns
     * (what is overdue or due soon moves with the clock).
     */
    private final UntilCasesChange<TrayKey, java.util.Map<Tray, Long>> trayCounts =
            UntilCasesChange.of(this, 2_000, java.time.Duration.ofMinutes(2));

    /**
     * How many cases wait in each tray that concerns the actor; a count of {@link #COUNT_CAP} + 1 means more than
     * {@link #COUNT_CAP}.
     */
    public java.util.Map<Tray, Long> trayCounts(Actor actor) {
        Instant now = clock.instant();
        return trayCounts.get(new TrayKey(actor.jurisdiction(), java.util.Set.copyOf(actor.roles()),
                now.getEpochSecond() / 60), key -> countTrays(actor, now));
    }

    /** The first cases of a tray, for a jurisdiction, as of a minute. */
    private record TrayPreviewKey(org.fengqiao.access.Jurisdiction jurisdiction, Tray tray, int size, long minute) {
    }

    /** Kept like the tray counts, so that the workbench's list agrees with its counts. */
    private final UntilCasesChange<TrayPreviewKey, Page<CaseSummary>> trayPreviews =
            UntilCasesChange.of(this, 2_000, java.time.Duration.ofMinutes(2));

    /** The first {@code size} cases of a tray, soonest deadline first, as the workbench shows them. */
    public Page<CaseSummary> trayPreview(Actor actor, Tray tray, int size) {
        return trayPreviews.get(new TrayPreviewKey(actor.jurisdiction(), tray, size,
                clock.instant().getEpochSecond() / 60), key -> list(actor, CaseFilter.of(tray), CaseFilter.Sort.DUE_ASC,
                0, size));
    }

    /** How many cases match, up to {@link #COUNT_CAP} + 1 (which means more than {@link #COUNT_CAP}). */
    private long cappedCount(Where where) {
        return where.bind(jdbc.sql("select count(*) from (select 1 from cases c where " + where.sql
                + " limit " + (COUNT_CAP + 1) + ") counted")).query(Long.class).single();
    }

    private java.util.Map<Tray, Long> countTrays(Actor actor, Instant now) {
        java.util.Map<Tray, Long> counts = new java.util.EnumMap<>(Tray.class);
        TrayBounds bounds = trayBounds(now);
        for (Tray tray : Tray.values()) {
            if (tray.concerns(actor.roles())) {
                Where where = where(actor.jurisdiction(), CaseFilter.of(tray), bounds);
                // capped like the list's count: a tray of thousands reads a thousand rows, not all of them
                counts.put(tray, cappedCount(where));
            }
        }
        return java.util.Collections.unmodifiableMap(counts);
    }

    /**
     * The cases matching the filter within the actor's jurisdiction, as a condition other modules' read-only
     * reports build their aggregate SQL on (see {@link CaseScope}).
     */
    public CaseScope scope(Actor actor, CaseFilter filter) {
        Where where = where(actor.jurisdiction(), filter, filter.tray() == null ? null : trayBounds(clock.instant()));
        return new CaseScope(where.sql(), where.params());
    }

    /**
     * A number that grows whenever any case changes (every change appends an event): reports may cache what
     * they computed under it, as {@link UntilCasesChange} does.
     */
    public long changeMark() {
        return jdbc.sql("select coalesce(max(id), 0) from case_event").query(Long.class).single();
    }

    static Where where(Jurisdiction j, CaseFilter f) {
        return where(j, f, null);
    }

    static Where where(Jurisdiction j, CaseFilter f, TrayBounds bounds) {
        Map<String, Object> p = new java.util.HashMap<>();
        // a tray of the caller's own unit (owner, handler, addressee) lies within the jurisdiction by construction
        // and is found through the unit's indexes; other filters are intersected with the jurisdiction, written
        // out so that the plan suits its size
        StringBuilder sql = new StringBuilder(f.tray() != null && f.tray().isOwnUnits()
                ? " true" : " " + CaseRepository.inJurisdictionWrittenOut(j));
        if (!f.statuses().isEmpty()) {
            sql.append(" and c.status = any(cast(:statuses as text[]))");
            p.put("statuses", f.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (f.kind() != null) {
            sql.append(" and c.kind = :kind");
            p.put("kind", f.kind().name());
        }
        if (f.channel() != null) {
            sql.append(" and c.channel = :channel");
            p.put("channel", f.channel().name());
        }
        if (f.categoryCode() != null && !f.categoryCode().isBlank()) {
            sql.append(" and c.category_code like :category");
            p.put("category", f.categoryCode().replaceAll("[^0-9]", "") + "%");
        }
        if (f.disputeType() != null && !f.disputeType().isBlank()) {
            sql.append(" and c.dispute_type = :disputeType");
            p.put("disputeType", f.disputeType());
        }
        if (f.region() != null && !f.region().isBlank()) {
            if (!DivisionCode.isValid(f.region())) {
                throw new ProblemException.InvalidInput("region", "region.code.invalid");
            }
            DivisionCode region = DivisionCode.of(f.region());
            if (region.level() == org.fengqiao.regions.RegionLevel.GRID) {
                // a case's region is its village; the grid it lies in is kept beside it
                sql.append(" and c.grid_code = :region");
                p.put("region", region.value());
            } else {
                sql.append(" and ").append(CaseRepository.inRegionWrittenOut(region.prefix()));
            }
        }
        if (f.unitId() != null) {
            sql.append(" and c.handling_unit = :unit");
            p.put("unit", f.unitId());
        }
        if (f.overdue() != null) {
            sql.append(f.overdue() ? " and c.overdue_since is not null and c.status in ('ASSIGNED', 'IN_PROGRESS')"
                    : " and (c.overdue_since is null or c.status not in ('ASSIGNED', 'IN_PROGRESS'))");
        }
        if (f.from() != null) {
            sql.append(" and c.registered_at >= :from");
            p.put("from", CaseRepository.ts(ChinaTime.startOf(f.from())));
        }
        if (f.to() != null) {
            sql.append(" and c.registered_at < :to");
            p.put("to", CaseRepository.ts(ChinaTime.endOf(f.to())));
        }
        if (f.text() != null && !f.text().isBlank()) {
            // Chinese words (two or more characters) match by their character pairs in the term index, as search
            // engines do; any other word (letters, digits, a single character) as a substring
            String[] words = f.text().strip().split("\\s+");
            List<String> terms = new java.util.ArrayList<>();
            int substrings = 0;
            for (int i = 0; i < Math.min(words.length, 5); i++) {
                String word = words[i];
                boolean chinese = word.codePointCount(0, word.length()) >= 2
                        && org.fengqiao.intelligence.text.SearchTerms.isChinese(word);
                if (chinese) {
                    terms.addAll(org.fengqiao.intelligence.text.SearchTerms.of(word));
                } else {
                    sql.append(" and (c.title || ' ' || c.description || ' ' || coalesce(c.address, '') || ' '"
                            + " || c.tracking_code) ilike :text").append(substrings).append(" escape '\\'");
                    p.put("text" + substrings++, "%" + word.replace("\\", "\\\\").replace("%", "\\%")
                            .replace("_", "\\_") + "%");
                }
            }
            if (!terms.isEmpty()) {
                // written out (they are Chinese characters only), so that the plan suits how common they are: a
                // rare word is looked up in the term index, a common one found walking the newest cases
                sql.append(" and exists (select 1 from case_text t where t.case_id = c.id and t.search_terms @> '{")
                        .append(String.join(",", terms.stream().distinct().filter(org.fengqiao.intelligence.text.SearchTerms::isChinese).toList()))
                        .append("}'::text[])");
            }
        }
        if (f.minRisk() != null) {
            sql.append(" and c.risk_level = any(cast(:risks as text[]))");
            p.put("risks", java.util.Arrays.stream(RiskLevel.values()).filter(r -> r.ordinal() >= f.minRisk().ordinal())
                    .map(Enum::name).toArray(String[]::new));
        }
        if (f.supervised() != null) {
            sql.append(" and c.supervised = :supervised");
            p.put("supervised", f.supervised());
        }
        if (f.trackingCode() != null && !f.trackingCode().isBlank()) {
            sql.append(" and c.tracking_code = :trackingCode");
            p.put("trackingCode", TrackingCode.normalise(f.trackingCode()).orElse("-"));
        }
        if (f.tray() != null) {
            p.put("myUnit", j.unitId());
            p.put("now", CaseRepository.ts(bounds.now()));
            p.put("dueSoon", CaseRepository.ts(bounds.dueSoon()));
            p.put("revisitLapsed", CaseRepository.ts(bounds.now().minus(REVISIT_WINDOW)));
            String mine = "(c.handling_unit = :myUnit or c.owner_unit = :myUnit"
                    + (j.regionPrefix() == null ? ")" : " or " + CaseRepository.inRegionWrittenOut(j.regionPrefix()) + ")");
            sql.append(" and ").append(switch (f.tray()) {
                case TO_DISPATCH -> "c.status = 'REGISTERED' and c.owner_unit = :myUnit";
                case RETURNED -> "c.status = 'RETURNED' and c.owner_unit = :myUnit";
                case TO_ACCEPT -> "c.status = 'ASSIGNED' and c.handling_unit = :myUnit";
                case IN_PROGRESS -> "c.status = 'IN_PROGRESS' and (c.handling_unit = :myUnit or c.id = any(array("
                        + "select j.case_id from case_unit j where j.unit_id = :myUnit and j.role = 'JOINT')))";
                case DUE_SOON -> "c.status in ('ASSIGNED', 'IN_PROGRESS') and c.overdue_since is null"
                        + " and c.handle_due_at >= :now and c.handle_due_at < :dueSoon and " + mine;
                // a deadline passed moments ago counts before the sweep has marked it
                case OVERDUE -> "c.status in ('ASSIGNED', 'IN_PROGRESS')"
                        + " and (c.overdue_since is not null or c.handle_due_at < :now) and " + mine;
                case SUPERVISED -> "c.status in ('REGISTERED', 'ASSIGNED', 'IN_PROGRESS', 'RETURNED') and c.id = any(array("
                        + "select n.case_id from supervision_notice n where n.unit_id = :myUnit and n.answered_at is null))";
                case EXTENSIONS -> "c.pending_extension is not null and c.status = 'IN_PROGRESS'";
                case TO_EVALUATE -> "c.status = 'CLOSED' and c.rating is null and c.owner_unit = :myUnit";
                case REVIEWS -> "c.status = 'UNDER_REVIEW'";
                case REVISITS_DUE -> "c.status in ('CLOSED', 'ARCHIVED') and c.revisited_at is null"
                        + " and c.revisit_due_at < :dueSoon and c.revisit_due_at > :revisitLapsed"
                        + " and c.owner_unit = :myUnit";
            });
        }
        return new Where(sql.toString(), p);
    }
}
