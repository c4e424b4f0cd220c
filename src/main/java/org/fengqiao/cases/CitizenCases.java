package org.fengqiao.cases;

import static org.fengqiao.cases.CaseSql.instant;
import static org.fengqiao.cases.CaseSql.longOrNull;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;

/**
 * What the citizen who brought a case may see of it and do to it, for the public pages once they have proved
 * their right to it (an access key or a one-time code): the status, the public steps (units and steps only — no
 * staff names, notes, risk, other parties or personal data), and their own evaluation through the same
 * transition staff use, marked as the citizen's ({@link #CITIZEN_SOURCE}).
 */
@Service
public class CitizenCases {

    /** The evaluation source of a rating the citizen gave themselves (staff enter PHONE, SMS, VISIT, …). */
    public static final String CITIZEN_SOURCE = "CITIZEN";

    /** The steps a citizen is shown; everything else (risk, triage, chases, supervision, returns, notes) stays inside. */
    static final Set<String> PUBLIC_STEPS = Set.of("CaseRegistered", "CaseAssigned", "CaseAccepted", "CaseTransferred",
            "CaseEscalated", "MediationSessionRecorded", "ExtensionApproved", "CaseReplied", "CaseClosed",
            "CaseEvaluated", "ClosureUpheld", "CaseReopened", "CaseArchived", "CaseMerged");

    /** A case as its citizen sees it. The title is masked like free text for staff. */
    public record PublicCase(long id, String trackingCode, CaseStatus status, Channel channel, String title,
                             Instant registeredAt, Instant closedAt, Rating rating, String ratingSource,
                             List<PublicStep> steps) {
    }

    /** One public step: the event's name, the unit that took it (or received the case), when. */
    public record PublicStep(String type, String unitName, Instant at) {
    }

    private final JdbcClient jdbc;
    private final CaseRepository repository;
    private final CaseRecords records;
    private final CaseRisk risk;
    private final CaseRefs refs;
    private final ObjectMapper json;
    private final Clock clock;

    CitizenCases(JdbcClient jdbc, CaseRepository repository, CaseRecords records, CaseRisk risk, CaseRefs refs,
                 ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.records = records;
        this.risk = risk;
        this.refs = refs;
        this.json = json;
        this.clock = clock;
    }

    /** The case's id by its tracking code (exact, as printed), if there is one. */
    @Transactional(readOnly = true)
    public Optional<Long> idOf(String trackingCode) {
        return jdbc.sql("select id from cases where tracking_code = ?").param(trackingCode).query(Long.class).optional();
    }

    /** The case as its citizen sees it. */
    @Transactional(readOnly = true)
    public Optional<PublicCase> view(long id) {
        return jdbc.sql("""
                select c.id, c.tracking_code, c.status, c.channel, c.title, c.registered_at, c.closed_at, c.rating,
                       (select e.source from case_evaluation e where e.case_id = c.id order by e.id desc limit 1) as source
                from cases c where c.id = ?
                """).param(id).query((rs, n) -> new PublicCase(rs.getLong("id"), rs.getString("tracking_code"),
                CaseStatus.valueOf(rs.getString("status")), Channel.valueOf(rs.getString("channel")),
                FreeTextMasking.mask(rs.getString("title")), instant(rs, "registered_at"), instant(rs, "closed_at"),
                rs.getString("rating") == null ? null : Rating.valueOf(rs.getString("rating")), rs.getString("source"),
                steps(id))).optional();
    }

    private List<PublicStep> steps(long id) {
        return jdbc.sql("select type, occurred_at, actor_unit_id, data::text as data from case_event where case_id = ? order by id")
                .param(id).query((rs, n) -> {
                    String type = rs.getString("type");
                    if (!PUBLIC_STEPS.contains(type)) {
                        return null;
                    }
                    Long unit = longOrNull(rs, "actor_unit_id");
                    Map<?, ?> data = json.readValue(rs.getString("data"), Map.class);
                    Object to = "CaseAssigned".equals(type) ? data.get("unitId")
                            : "CaseTransferred".equals(type) ? data.get("toUnit") : null;
                    if (to instanceof Number number) {
                        unit = number.longValue();
                    }
                    return new PublicStep(type, refs.unitName(unit), instant(rs, "occurred_at"));
                }).list().stream().filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The citizen's own rating (群众评价) through the evaluation transition: 不满意 sends the case to review and
     * has its risk assessed again, as when staff record it. Refused (409) when the case is not closed.
     */
    @Transactional
    public void evaluate(long id, Rating rating, String comment) {
        CaseIntake.checkText("comment", comment);
        Case c = repository.loadForSystem(id).orElseThrow(() -> new CaseNotFound(id));
        c.status().require(CaseAction.EVALUATE);
        Case.Act act = Case.Act.system(clock.instant());
        records.evaluation(id, rating, comment, CITIZEN_SOURCE, null, act.at());
        c.evaluate(rating, CITIZEN_SOURCE, comment, act);
        if (rating == Rating.DISSATISFIED) {
            risk.reassess(c, act);
        }
        repository.update(c);
    }
}
