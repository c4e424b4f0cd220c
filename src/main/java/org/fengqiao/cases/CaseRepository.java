package org.fengqiao.cases;

import static org.fengqiao.cases.CaseSql.*;

import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.fengqiao.access.Jurisdiction;
import org.fengqiao.cases.CaseCommands.PartyInput;
import org.fengqiao.crypto.PersonalData;
import org.fengqiao.crypto.PersonalData.Field;

/**
 * Stores cases. Every read takes the caller's {@link Jurisdiction} and applies it in SQL, so a case outside
 * it is never loaded. Writes check the version read, so concurrent changes to one case cannot overwrite each
 * other.
 */
@Repository
class CaseRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final CaseIds ids;
    private final org.fengqiao.organisation.Units units;
    private final org.springframework.context.ApplicationEventPublisher publisher;
    /** Seals the parties' personal data (SM4) and makes its search hashes. */
    private final PersonalData personal;

    CaseRepository(JdbcClient jdbc, ObjectMapper json, org.fengqiao.organisation.Units units,
                   org.springframework.context.ApplicationEventPublisher publisher, PersonalData personal) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.personal = personal;
        this.units = units;
        this.json = json;
        this.ids = new CaseIds(() -> jdbc.sql("select nextval('case_id_seq')").query(Long.class).single());
    }

    long nextId() {
        return ids.next();
    }

    /** Facts recorded at registration that the lifecycle itself does not change. */
    record Facts(String sourceRef, String title, String description, String address, Double latitude, Double longitude,
                 String gridCode, int peopleInvolved, java.math.BigDecimal amountInvolved, long registeredBy,
                 long registeringUnit, Instant registeredAt) {
    }

    /** What triage suggested at intake, kept beside the case (see {@code case_suggestion}). */
    record StoredSuggestion(String categoryCode, double confidence,
                            List<org.fengqiao.triage.CategorySuggestion.Alternative> top, Long unitId, String ruleCode,
                            boolean applied, double threshold, long modelId) {
    }

    /**
     * Inserts a new case with its parties, the units involved, its events and any triage suggestion in one
     * statement (one round trip: registration is the platform's hottest write).
     */
    void insert(Case c, Facts f, List<PartyInput> parties, StoredSuggestion suggestion) {
        CaseState s = c.state();
        List<Involvement> involved = new ArrayList<>();
        involved.add(new Involvement(f.registeringUnit(), "REGISTRANT", f.registeredAt()));
        involved.addAll(involvements(c));
        involved = withoutCoveringCentres(involved, c);
        JdbcClient.StatementSpec spec = jdbc.sql("""
                with c as (
                    insert into cases (id, tracking_code, status, kind, channel, source_ref, category_code, dispute_type,
                        title, description, address, latitude, longitude, region_code, grid_code, people_involved,
                        amount_involved, urgent, risk_level, risk_reasons, registered_at, registered_by,
                        registering_unit, owner_unit, handling_unit, routing_rule, routing_reason, assigned_at,
                        accept_due_at, handle_due_at, handle_policy, version, last_event_hash)
                    values (:id, :code, :status, :kind, :channel, :sourceRef, :category, :disputeType, :title,
                        :description, :address, :lat, :lon, :region, :grid, :people, :amount, :urgent, :risk,
                        cast(:reasons as jsonb), cast(:registeredAt as timestamptz), :registeredBy, :registeringUnit,
                        :owner, :handler, :rule, :routingReason, cast(:assignedAt as timestamptz),
                        cast(:acceptDue as timestamptz), cast(:handleDue as timestamptz), :handlePolicy, 0, :tip)
                    returning id
                ), t as (
                    insert into case_text (case_id, search_terms) select c.id, cast(:searchTerms as text[]) from c
                ), p as (
                    insert into case_party (case_id, role, name, phone, id_number, address, phone_hash,
                                            id_number_hash, key_version)
                    select c.id, x.role, x.name, x.phone, x.id_number, x.address, x.phone_hash, x.id_hash, :pKey
                    from c, unnest(cast(:pRoles as text[]), cast(:pNames as text[]), cast(:pPhones as text[]),
                                   cast(:pIds as text[]), cast(:pAddresses as text[]), cast(:pPhoneHashes as text[]),
                                   cast(:pIdHashes as text[]))
                         with ordinality as x(role, name, phone, id_number, address, phone_hash, id_hash, n)
                    order by x.n
                )""" + (suggestion == null ? "" : SUGGEST) + involveAndAppend(involved) + "select count(*) from c")
                .param("id", s.id().value()).param("code", s.trackingCode()).param("status", s.status().name())
                .param("kind", s.classification().kind().name()).param("channel", s.channel().name())
                .param("sourceRef", text(f.sourceRef())).param("category", text(s.classification().categoryCode()))
                .param("disputeType", text(s.classification().disputeType())).param("title", f.title())
                .param("description", f.description()).param("address", text(f.address()))
                .param("lat", new SqlParameterValue(Types.DOUBLE, f.latitude()))
                .param("lon", new SqlParameterValue(Types.DOUBLE, f.longitude())).param("region", s.region().value())
                .param("grid", text(f.gridCode())).param("people", f.peopleInvolved())
                .param("amount", new SqlParameterValue(Types.NUMERIC, f.amountInvolved()))
                .param("urgent", s.classification().urgent()).param("risk", s.classification().riskLevel().name())
                .param("reasons", json.writeValueAsString(s.classification().riskReasons()))
                .param("registeredAt", time(f.registeredAt())).param("registeredBy", f.registeredBy())
                .param("registeringUnit", f.registeringUnit()).param("owner", s.ownerUnit())
                .param("handler", number(s.handlingUnit())).param("rule", text(s.routingRule()))
                .param("routingReason", text(s.routingReason())).param("assignedAt", time(s.due().assignedAt()))
                .param("acceptDue", time(s.due().acceptDueAt())).param("handleDue", time(s.due().handleDueAt()))
                .param("handlePolicy", text(s.due().handlePolicy()))
                .param("searchTerms", java.util.stream.Stream.concat(org.fengqiao.intelligence.text.SearchTerms.of(
                        f.title(), f.description(), f.address(), s.trackingCode()).stream(),
                        RegionTerms.of(s.region().value()).stream()).toArray(String[]::new))
                .param("pRoles", column(parties, p -> p.role().name()))
                // personal data sealed with the current key version, phone and ID number also as keyed hashes
                .param("pNames", column(parties, p -> personal.seal(Field.NAME, p.name().strip())))
                .param("pPhones", column(parties, p -> personal.seal(Field.PHONE, blankToNull(p.phone()))))
                .param("pIds", column(parties, p -> personal.seal(Field.ID_NUMBER, p.idNumber() == null ? null
                        : blankToNull(p.idNumber().toUpperCase(java.util.Locale.ROOT)))))
                .param("pAddresses", column(parties, p -> personal.seal(Field.ADDRESS, blankToNull(p.address()))))
                .param("pPhoneHashes", column(parties, p -> personal.phoneHash(blankToNull(p.phone()))))
                .param("pIdHashes", column(parties, p -> personal.idNumberHash(blankToNull(p.idNumber()))))
                .param("pKey", personal.currentVersion());
        if (suggestion != null) {
            spec.param("sCategory", suggestion.categoryCode()).param("sConfidence", suggestion.confidence())
                    .param("sTop", json.writeValueAsString(suggestion.top().stream()
                            .map(a -> java.util.Map.of("code", a.categoryCode(), "confidence", a.confidence())).toList()))
                    .param("sUnit", number(suggestion.unitId())).param("sRule", text(suggestion.ruleCode()))
                    .param("sApplied", suggestion.applied()).param("sThreshold", suggestion.threshold())
                    .param("sModel", suggestion.modelId()).param("sAt", time(f.registeredAt()));
        }
        bindInvolvementsAndEvents(spec, c, involved).query(Long.class).single();
        publisher.publishEvent(CaseEventsRecorded.of(c));
    }

    private static final String SUGGEST = """
            , s as (
                insert into case_suggestion (case_id, category_code, confidence, top, unit_id, rule_code, applied,
                                             threshold, model_id, suggested_at)
                select c.id, :sCategory, :sConfidence, cast(:sTop as jsonb), :sUnit, :sRule, :sApplied, :sThreshold,
                       :sModel, cast(:sAt as timestamptz)
                from c
            )""";

    /**
     * Writes the case's changed state, the units it newly involves and its new events in one statement, if
     * nobody changed the case since it was read.
     */
    void update(Case c) {
        CaseState s = c.state();
        List<Involvement> involved = withoutCoveringCentres(involvements(c), c);
        JdbcClient.StatementSpec spec = jdbc.sql("""
                with c as (
                    update cases set status = :status, kind = :kind, category_code = :category,
                        dispute_type = :disputeType, urgent = :urgent, risk_level = :risk,
                        risk_reasons = cast(:reasons as jsonb), owner_unit = :owner, handling_unit = :handler,
                        routing_rule = :rule, routing_reason = :routingReason,
                        assigned_at = cast(:assignedAt as timestamptz), accept_due_at = cast(:acceptDue as timestamptz),
                        accepted_at = cast(:acceptedAt as timestamptz), handle_due_at = cast(:handleDue as timestamptz),
                        handle_policy = :handlePolicy, overdue_since = cast(:overdueSince as timestamptz),
                        chased_at = cast(:chasedAt as timestamptz), reported_at = cast(:reportedAt as timestamptz),
                        supervised = :supervised, extension_count = :extensions, pending_extension = :pendingExtension,
                        return_count = :returns, reopen_count = :reopens, outcome = :outcome, resolved = :resolved,
                        closed_at = cast(:closedAt as timestamptz), closed_on_time = :onTime, rating = :rating,
                        evaluated_at = cast(:evaluatedAt as timestamptz),
                        revisit_due_at = cast(:revisitDue as timestamptz),
                        revisited_at = cast(:revisitedAt as timestamptz), archived_at = cast(:archivedAt as timestamptz),
                        merged_into = :mergedInto, version = version + 1, last_event_hash = :tip
                    where id = :id and version = :version
                    returning id
                )""" + involveAndAppend(involved) + "select count(*) from c")
                .param("status", s.status().name()).param("kind", s.classification().kind().name())
                .param("category", text(s.classification().categoryCode())).param("disputeType", text(s.classification().disputeType()))
                .param("urgent", s.classification().urgent()).param("risk", s.classification().riskLevel().name())
                .param("reasons", json.writeValueAsString(s.classification().riskReasons())).param("owner", s.ownerUnit())
                .param("handler", number(s.handlingUnit())).param("rule", text(s.routingRule()))
                .param("routingReason", text(s.routingReason())).param("assignedAt", time(s.due().assignedAt()))
                .param("acceptDue", time(s.due().acceptDueAt())).param("acceptedAt", time(s.due().acceptedAt()))
                .param("handleDue", time(s.due().handleDueAt())).param("handlePolicy", text(s.due().handlePolicy()))
                .param("overdueSince", time(s.due().overdueSince())).param("chasedAt", time(s.due().chasedAt()))
                .param("reportedAt", time(s.due().reportedAt())).param("supervised", s.supervised())
                .param("extensions", s.extensionCount()).param("pendingExtension", number(s.pendingExtension()))
                .param("returns", s.returnCount()).param("reopens", s.reopenCount())
                .param("outcome", text(s.closure().outcome() == null ? null : s.closure().outcome().name()))
                .param("resolved", flag(s.closure().outcome() == null ? null : s.closure().outcome().isResolved()))
                .param("closedAt", time(s.closure().closedAt())).param("onTime", flag(s.closure().closedOnTime()))
                .param("rating", text(s.closure().rating() == null ? null : s.closure().rating().name()))
                .param("evaluatedAt", time(s.closure().evaluatedAt())).param("revisitDue", time(s.closure().revisitDueAt()))
                .param("revisitedAt", time(s.closure().revisitedAt())).param("archivedAt", time(s.closure().archivedAt()))
                .param("mergedInto", number(s.mergedInto())).param("id", s.id().value()).param("version", s.version());
        long updated = bindInvolvementsAndEvents(spec, c, involved).query(Long.class).single();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("case " + s.id() + " changed concurrently");
        }
        publisher.publishEvent(CaseEventsRecorded.of(c));
    }

    /*
     * The writes bind every value that may be null with a fixed type (instants as text the statement casts).
     * A null otherwise binds untyped, the driver sees the parameter types change from one call to the next and
     * parses and plans the statement again: on the closed loop that was a third of the database's time.
     */

    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    private static SqlParameterValue time(Instant value) {
        return new SqlParameterValue(Types.VARCHAR, value == null ? null : value.toString());
    }

    private static SqlParameterValue number(Long value) {
        return new SqlParameterValue(Types.BIGINT, value);
    }

    private static SqlParameterValue flag(Boolean value) {
        return new SqlParameterValue(Types.BOOLEAN, value);
    }

    /**
     * The tail shared by insert and update: record the units the new events involve (most steps involve none,
     * and then the statement leaves that table alone), then append the events in order. Both read the case's
     * id from {@code c}, so nothing is written when {@code c} wrote nothing.
     */
    private static String involveAndAppend(List<Involvement> involved) {
        return involved.isEmpty() ? APPEND : INVOLVE + APPEND;
    }

    private static final String INVOLVE = """
            , u as (
                insert into case_unit (case_id, unit_id, role, since)
                select c.id, x.unit_id, x.role, x.since
                from c, unnest(cast(:uUnits as bigint[]), cast(:uRoles as text[]), cast(:uSince as timestamptz[]))
                        as x(unit_id, role, since)
                on conflict do nothing
            )""";

    private static final String APPEND = """
            , e as (
                insert into case_event (case_id, type, occurred_at, actor_user_id, actor_unit_id, from_status,
                                        to_status, reason, data, hash)
                select c.id, x.type, x.occurred_at, x.actor_user_id, x.actor_unit_id, x.from_status, x.to_status,
                       x.reason, cast(x.data as jsonb), decode(x.hash, 'hex')
                from c, unnest(cast(:eTypes as text[]), cast(:eTimes as timestamptz[]), cast(:eUsers as bigint[]),
                               cast(:eUnits as bigint[]), cast(:eFrom as text[]), cast(:eTo as text[]),
                               cast(:eReasons as text[]), cast(:eData as text[]), cast(:eHashes as text[]))
                        with ordinality as x(type, occurred_at, actor_user_id, actor_unit_id, from_status, to_status,
                                             reason, data, hash, n)
                order by x.n
            )
            """;

    private record Involvement(long unitId, String role, Instant since) {
    }

    /** The units that new events bring into the case: handlers on assignment and transfer, joint handlers. */
    private static List<Involvement> involvements(Case c) {
        List<Involvement> involved = new ArrayList<>();
        for (RecordedEvent e : c.newEvents()) {
            switch (e.event()) {
                case CaseEvent.CaseAssigned a -> involved.add(new Involvement(a.unitId(), "HANDLER", e.occurredAt()));
                case CaseEvent.CaseTransferred t -> involved.add(new Involvement(t.toUnit(), "HANDLER", e.occurredAt()));
                case CaseEvent.JointUnitAdded j -> involved.add(new Involvement(j.unitId(), "JOINT", e.occurredAt()));
                default -> {
                }
            }
        }
        return involved.stream().distinct().toList();
    }

    /**
     * A centre reaches every case in its region anyway; recording it as registrant or handler of such cases
     * would only make its involvement list long (and its jurisdiction queries slow). Joint handling is always
     * recorded: the case page lists joint units from it.
     */
    private List<Involvement> withoutCoveringCentres(List<Involvement> involved, Case c) {
        return involved.stream().filter(i -> i.role().equals("JOINT") || units.find(i.unitId())
                .map(u -> !(u.isCentre() && c.region().isWithin(u.regionCode()))).orElse(true)).toList();
    }

    private JdbcClient.StatementSpec bindInvolvementsAndEvents(JdbcClient.StatementSpec spec, Case c,
                                                               List<Involvement> involved) {
        List<RecordedEvent> events = c.newEvents();
        if (!involved.isEmpty()) {
            spec.param("uUnits", column(involved, i -> Long.toString(i.unitId())))
                    .param("uRoles", column(involved, Involvement::role))
                    .param("uSince", column(involved, i -> i.since().toString()));
        }
        String[] data = column(events, e -> json.writeValueAsString(e.event()));
        EventChains.Links links = EventChains.links(c, data);
        return spec
                .param("tip", new SqlParameterValue(Types.BINARY, links.tip())).param("eHashes", links.hashes())
                .param("eTypes", column(events, e -> e.event().type()))
                .param("eTimes", column(events, e -> EventChains.stored(e.occurredAt()).toString()))
                .param("eUsers", column(events, e -> e.actorUserId() == null ? null : e.actorUserId().toString()))
                .param("eUnits", column(events, e -> e.actorUnitId() == null ? null : e.actorUnitId().toString()))
                .param("eFrom", column(events, e -> e.from() == null ? null : e.from().name()))
                .param("eTo", column(events, e -> e.to() == null ? null : e.to().name()))
                .param("eReasons", column(events, RecordedEvent::reason))
                .param("eData", data);
    }

    private static <T> String[] column(List<T> rows, java.util.function.Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    /** Loads a case the jurisdiction reaches. */
    Optional<Case> load(long id, Jurisdiction j) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        bindJurisdiction(params, j);
        JdbcClient.StatementSpec spec = jdbc.sql("select c.*, " + JOINT_UNITS + " from cases c where c.id = :id and "
                + inJurisdiction(j)).param("id", id);
        params.forEach(spec::param);
        return spec.query((rs, n) -> withChainTip(new Case(caseState(rs, json)), rs)).optional();
    }

    /** Loads a case for the platform's own automatic steps (no jurisdiction). */
    Optional<Case> loadForSystem(long id) {
        return jdbc.sql("select c.*, " + JOINT_UNITS + " from cases c where c.id = :id")
                .param("id", id).query((rs, n) -> withChainTip(new Case(caseState(rs, json)), rs)).optional();
    }

    private static Case withChainTip(Case c, java.sql.ResultSet rs) throws java.sql.SQLException {
        c.lastEventHash = rs.getBytes("last_event_hash");
        return c;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
