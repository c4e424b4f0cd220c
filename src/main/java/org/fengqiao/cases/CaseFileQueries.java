package org.fengqiao.cases;

import static org.fengqiao.cases.CaseSql.instant;
import static org.fengqiao.cases.CaseSql.longOrNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.audit.AuditLog;
import org.fengqiao.cases.CaseFileViews.*;
import org.fengqiao.cases.CaseViews.PartyView;
import org.fengqiao.platform.PartyMasking;

/**
 * Reads a case's side records in full (sessions, agreements, extensions, notices, evaluations, revisits) and its
 * parties for a document. Limited to the caller's jurisdiction like {@link CaseQueries}: a case out of reach is a
 * {@link CaseNotFound}.
 */
@Service
@Transactional(readOnly = true)
public class CaseFileQueries {

    private final JdbcClient jdbc;
    private final CaseRepository repository;
    private final CaseRefs refs;
    private final PartyData parties;
    private final AuditLog audit;

    CaseFileQueries(JdbcClient jdbc, CaseRepository repository, CaseRefs refs, PartyData parties, AuditLog audit) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.refs = refs;
        this.parties = parties;
        this.audit = audit;
    }

    /** Every side record of the case, oldest first; free text masked for those who may not reveal. */
    public Records records(Actor actor, long caseId) {
        repository.load(caseId, actor.jurisdiction()).orElseThrow(() -> new CaseNotFound(caseId));
        return new Records(sessions(actor, caseId), agreements(actor, caseId), extensions(actor, caseId),
                notices(actor, caseId), evaluations(actor, caseId), revisits(actor, caseId));
    }

    /**
     * The case's parties for a document: in full for those who may reveal personal data, the reveal recorded in
     * the audit log with {@code purpose}; masked for the others.
     */
    @Transactional
    public List<PartyView> partiesForDocument(Actor actor, long caseId, String purpose) {
        repository.load(caseId, actor.jurisdiction()).orElseThrow(() -> new CaseNotFound(caseId));
        boolean full = FreeTextMasking.mayReveal(actor);
        List<PartyView> list = jdbc.sql("""
                        select id, role, name, phone, id_number, address from case_party where case_id = ? order by id
                        """).param(caseId)
                .query((rs, n) -> {
                    PartyData.Clear p = parties.open(rs);
                    PartyRole role = PartyRole.valueOf(rs.getString("role"));
                    return full ? new PartyView(rs.getLong("id"), role, p.name(), p.phone(), p.idNumber(), p.address(),
                            false)
                            : new PartyView(rs.getLong("id"), role, PartyMasking.name(p.name()),
                            PartyMasking.phone(p.phone()), PartyMasking.idNumber(p.idNumber()),
                            PartyMasking.address(p.address()), true);
                }).list();
        if (full && !list.isEmpty()) {
            audit.record(actor.userId(), actor.unitId(), AuditLog.Action.REVEAL_PARTY, caseId, "parties",
                    Map.of("purpose", purpose));
        }
        return list;
    }

    private List<Session> sessions(Actor actor, long caseId) {
        return jdbc.sql("""
                select s.*, u.display_name from mediation_session s join staff_user u on u.id = s.recorded_by
                where s.case_id = ? order by s.held_at, s.id
                """).param(caseId).query((rs, n) -> new Session(rs.getLong("id"), instant(rs, "held_at"),
                rs.getString("place"), rs.getString("mediators"), masked(actor, rs.getString("participants")),
                MediationResult.valueOf(rs.getString("result")), masked(actor, rs.getString("notes")),
                instant(rs, "recorded_at"), rs.getString("display_name"))).list();
    }

    private List<Agreement> agreements(Actor actor, long caseId) {
        return jdbc.sql("""
                select a.*, u.display_name from mediation_agreement a join staff_user u on u.id = a.recorded_by
                where a.case_id = ? order by a.id
                """).param(caseId).query((rs, n) -> {
            Long court = longOrNull(rs, "court_unit");
            return new Agreement(rs.getLong("id"), rs.getObject("signed_on", LocalDate.class),
                    rs.getObject("effective_on", LocalDate.class), masked(actor, rs.getString("terms")),
                    masked(actor, rs.getString("responsibilities")), masked(actor, rs.getString("performance")),
                    rs.getObject("perform_by", LocalDate.class), longOrNull(rs, "attachment_id"),
                    instant(rs, "confirmation_due_at"), instant(rs, "referred_at"),
                    court == null ? null : refs.unitRef(court), instant(rs, "recorded_at"),
                    rs.getString("display_name"));
        }).list();
    }

    private List<Extension> extensions(Actor actor, long caseId) {
        return jdbc.sql("""
                select r.*, a.display_name as asker, d.display_name as decider from extension_request r
                join staff_user a on a.id = r.requested_by left join staff_user d on d.id = r.decided_by
                where r.case_id = ? order by r.id
                """).param(caseId).query((rs, n) -> new Extension(rs.getLong("id"), instant(rs, "requested_at"),
                rs.getString("asker"), instant(rs, "current_due_at"), instant(rs, "requested_due_at"),
                masked(actor, rs.getString("reason")), rs.getString("status"), instant(rs, "decided_at"),
                rs.getString("decider"), masked(actor, rs.getString("decision_reason")))).list();
    }

    private List<Notice> notices(Actor actor, long caseId) {
        return jdbc.sql("""
                select n.*, u.display_name from supervision_notice n left join staff_user u on u.id = n.issued_by
                where n.case_id = ? order by n.id
                """).param(caseId).query((rs, n) -> {
            Long unit = longOrNull(rs, "unit_id");
            return new Notice(rs.getLong("id"), rs.getString("kind"), unit == null ? null : refs.unitRef(unit),
                    instant(rs, "issued_at"), rs.getString("display_name"), masked(actor, rs.getString("message")),
                    instant(rs, "due_at"), instant(rs, "answered_at"));
        }).list();
    }

    private List<Evaluation> evaluations(Actor actor, long caseId) {
        return jdbc.sql("""
                select e.*, u.display_name from case_evaluation e left join staff_user u on u.id = e.recorded_by
                where e.case_id = ? order by e.id
                """).param(caseId).query((rs, n) -> new Evaluation(rs.getLong("id"),
                Rating.valueOf(rs.getString("rating")), masked(actor, rs.getString("comment")), rs.getString("source"),
                instant(rs, "recorded_at"), rs.getString("display_name"))).list();
    }

    private List<Revisit> revisits(Actor actor, long caseId) {
        return jdbc.sql("""
                select r.*, u.display_name from case_revisit r join staff_user u on u.id = r.recorded_by
                where r.case_id = ? order by r.id
                """).param(caseId).query((rs, n) -> new Revisit(rs.getLong("id"), rs.getString("method"),
                RevisitResult.valueOf(rs.getString("result")), masked(actor, rs.getString("notes")),
                instant(rs, "revisited_at"), rs.getString("display_name"))).list();
    }

    private static String masked(Actor actor, String text) {
        return FreeTextMasking.forActor(actor, text);
    }
}
