package org.fengqiao.cases;

import static org.fengqiao.cases.CaseSql.instant;
import static org.fengqiao.cases.CaseSql.ts;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.fengqiao.cases.CaseCommands.MediationSession;
import org.fengqiao.cases.CaseCommands.Revisit;
import org.fengqiao.deadlines.Deadlines;
import org.fengqiao.platform.ProblemException;

/**
 * The records a case's steps leave beside it, each in its own table: mediation sessions, extension requests,
 * supervision notices (督办, 催办, 通报), mediation agreements, evaluations and revisits. Written in the
 * transaction of the step that records its event; the event carries the record's id.
 */
@Repository
class CaseRecords {

    private final JdbcClient jdbc;

    CaseRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long mediationSession(long caseId, MediationSession cmd, long by, Instant at) {
        return jdbc.sql("""
                insert into mediation_session (case_id, held_at, place, mediators, participants, result, notes,
                                               recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).params(caseId, ts(cmd.heldAt()), cmd.place().strip(), cmd.mediators().strip(),
                blankToNull(cmd.participants()), cmd.result().name(), blankToNull(cmd.notes()), by, ts(at))
                .query(Long.class).single();
    }

    long extensionRequest(long caseId, long by, Instant at, Instant currentDue, Instant requestedDue, String reason) {
        return jdbc.sql("""
                insert into extension_request (case_id, requested_by, requested_at, current_due_at, requested_due_at,
                                               reason, status)
                values (?, ?, ?, ?, ?, ?, 'PENDING') returning id
                """).params(caseId, by, ts(at), ts(currentDue), ts(requestedDue), reason.strip())
                .query(Long.class).single();
    }

    /** The handling deadline an extension request asks for; null when there is no request. */
    Instant requestedDue(Long requestId) {
        return requestId == null ? null : jdbc.sql("select requested_due_at from extension_request where id = ?")
                .param(requestId).query((rs, n) -> instant(rs, "requested_due_at")).single();
    }

    void extensionDecided(Long requestId, boolean approved, long by, Instant at, String reason) {
        jdbc.sql("""
                update extension_request set status = ?, decided_by = ?, decided_at = ?, decision_reason = ? where id = ?
                """).params(approved ? "APPROVED" : "REFUSED", by, ts(at), blankToNull(reason), requestId).update();
    }

    /**
     * A notice to a unit: a supervisor's 督办 ({@code by} and {@code due} given) or the sweep's 催办 and 通报
     * (both null).
     */
    long notice(long caseId, String kind, Long unit, Instant at, Long by, String message, Instant due) {
        return jdbc.sql("""
                insert into supervision_notice (case_id, kind, unit_id, issued_at, issued_by, message, due_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id
                """).params(caseId, kind, unit, ts(at), by, message, ts(due)).query(Long.class).single();
    }

    /** A note or a closure by the unit a notice was addressed to answers it (督办反馈). */
    void answerNotices(long caseId, long unitId, Instant at) {
        jdbc.sql("update supervision_notice set answered_at = ? where case_id = ? and unit_id = ? and answered_at is null")
                .params(ts(at), caseId, unitId).update();
    }

    boolean hasAttachment(long caseId, long attachmentId) {
        return jdbc.sql("select count(*) from case_attachment where id = ? and case_id = ?")
                .params(attachmentId, caseId).query(Integer.class).single() > 0;
    }

    long agreement(long caseId, LocalDate signedOn, LocalDate effectiveOn, String terms, Long attachmentId,
                   Instant confirmationDue, long by, Instant at) {
        return jdbc.sql("""
                insert into mediation_agreement (case_id, signed_on, effective_on, terms, attachment_id,
                                                 confirmation_due_at, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).params(caseId, signedOn, effectiveOn, terms.strip(), attachmentId, ts(confirmationDue), by, ts(at))
                .query(Long.class).single();
    }

    /** When an agreement was referred for judicial confirmation (null: not yet), and until when it may be. */
    private record AgreementReferral(Instant referredAt, Instant confirmationDueAt) {
    }

    /**
     * Refuses to refer the case's agreement for judicial confirmation when there is no such agreement (404), it
     * was referred already, or its period for confirmation is over at {@code at}.
     */
    void requireReferable(long caseId, long agreementId, Instant at) {
        AgreementReferral agreement = jdbc.sql("""
                        select referred_at, confirmation_due_at from mediation_agreement where id = ? and case_id = ?
                        """).params(agreementId, caseId)
                .query((rs, n) -> new AgreementReferral(instant(rs, "referred_at"), instant(rs, "confirmation_due_at")))
                .optional().orElseThrow(() -> new ProblemException.NotFound("agreement.notFound", agreementId));
        if (agreement.referredAt() != null) {
            throw new CaseRefused("case.alreadyReferred");
        }
        if (at.isAfter(agreement.confirmationDueAt())) {
            throw new CaseRefused("case.confirmationPeriodOver", Deadlines.lastDayOf(agreement.confirmationDueAt()));
        }
    }

    void referred(long agreementId, Instant at, Long courtUnit) {
        jdbc.sql("update mediation_agreement set referred_at = ?, court_unit = ? where id = ?")
                .params(ts(at), courtUnit, agreementId).update();
    }

    void evaluation(long caseId, Rating rating, String comment, String source, long by, Instant at) {
        jdbc.sql("""
                insert into case_evaluation (case_id, rating, comment, source, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?)
                """).params(caseId, rating.name(), blankToNull(comment), source, ts(at), by).update();
    }

    long revisit(long caseId, Revisit cmd, long by, Instant at) {
        return jdbc.sql("""
                insert into case_revisit (case_id, method, result, notes, revisited_at, recorded_by)
                values (?, ?, ?, ?, ?, ?) returning id
                """).params(caseId, cmd.method(), cmd.result().name(), blankToNull(cmd.notes()), ts(at), by)
                .query(Long.class).single();
    }

    /** A reply to the citizen (答复), final at closure or interim; kept apart from the timeline's notes. */
    long reply(long caseId, String text, boolean interim, Long by, Long unit, Instant at) {
        return jdbc.sql("""
                insert into case_reply (case_id, text, interim, replied_at, replied_by, unit_id)
                values (?, ?, ?, ?, ?, ?) returning id
                """).params(caseId, text.strip(), interim, ts(at), by, unit).query(Long.class).single();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
