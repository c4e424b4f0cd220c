package org.fengqiao.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;

import org.fengqiao.platform.RecordChain;

/**
 * Appends to and reads the audit log. Entries are written in the caller's transaction: no reveal without its
 * record, no record of a reveal that did not happen.
 */
@Service
public class AuditLog {

    /** Kinds of audited action. */
    public enum Action {
        REVEAL_PARTY, EXPORT_CASES, DOWNLOAD_ATTACHMENT, IMPORT_CASES,
        /** A case's document (.docx) or its archived case file (PDF) was downloaded. */
        DOWNLOAD_DOCUMENT, DOWNLOAD_CASE_FILE,
        /** The case list searched by a party's phone or ID number (stored as its keyed hash). */
        SEARCH_PARTY,
        /** Accounts: sign-ins and their failures, passwords, roles, activation, two-factor enrolment. */
        LOGIN, LOGIN_FAILED, PASSWORD_CHANGED, PASSWORD_RESET, ROLES_CHANGED, USER_DEACTIVATED, USER_ACTIVATED,
        TWO_FACTOR_ENROLLED, TWO_FACTOR_REMOVED, TWO_FACTOR_RESET, SIGNED_OUT_EVERYWHERE,
        /** An administrator changed a routing rule, a deadline policy or a calendar day. */
        CHANGE_ROUTING_RULE, CHANGE_DEADLINE_POLICY, CHANGE_CALENDAR,
        /** The nightly check found a broken link in the case events' or the audit log's chain. */
        RECORDS_BROKEN
    }

    /** One entry. */
    public record Entry(long id, Instant occurredAt, Long userId, String username, Long unitId, Action action,
                        Long caseId, String subject, Map<String, Object> detail) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long userId, long unitId, Action action, Long caseId, String subject, Map<String, ?> detail) {
        append(userId, unitId, action, caseId, subject, detail);
    }

    /**
     * An administrator's change of reference data (rules, policies, the calendar), by whoever is signed in, or
     * by the platform itself (no user) when nobody is (the demo county being loaded).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAdministration(Action action, String subject, Map<String, ?> detail) {
        org.springframework.security.core.Authentication who =
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        if (who != null && who.getPrincipal() instanceof AuditedActor actor) {
            append(actor.userId(), actor.unitId(), action, null, subject, detail);
        } else {
            append(null, null, action, null, subject, detail);
        }
    }

    /** An entry of the platform's own (no user), such as the nightly check of the records. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordSystem(Action action, String subject, Map<String, ?> detail) {
        append(null, null, action, null, subject, detail);
    }

    /**
     * Appends one entry to the chain ({@link AuditChain}): the head row is locked until the transaction ends,
     * so entries are chained one at a time.
     */
    private void append(Long userId, Long unitId, Action action, Long caseId, String subject, Map<String, ?> detail) {
        Instant at = RecordChain.stored(clock.instant());
        String detailJson = json.writeValueAsString(detail);
        byte[] previous = jdbc.sql("select hash from audit_chain_head where id = 1 for update")
                .query(byte[].class).single();
        byte[] hash = RecordChain.link(previous,
                AuditChain.content(at, userId, unitId, action.name(), caseId, subject, detailJson));
        jdbc.sql("""
                with a as (
                    insert into audit_log (occurred_at, user_id, unit_id, action, case_id, subject, detail, hash)
                    values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
                    returning id
                )
                update audit_chain_head set last_id = (select id from a), hash = ? where id = 1
                """).params(at.atOffset(ZoneOffset.UTC), userId, unitId, action.name(), caseId, subject, detailJson,
                hash, hash).update();
    }

    /**
     * Records an action on an account. The actor is who acted (absent for a failed sign-in or a command-line
     * tool); the subject names the account acted on, e.g. {@code user:42}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAccount(Long actorId, Long actorUnitId, Action action, String subject, Map<String, ?> detail) {
        append(actorId, actorUnitId, action, null, subject, detail);
    }

    @SuppressWarnings("unchecked")
    public List<Entry> recent(Long caseId, Long userId, int limit) {
        return jdbc.sql("""
                select a.id, a.occurred_at, a.user_id, u.username, a.unit_id, a.action, a.case_id, a.subject,
                       a.detail::text as detail
                from audit_log a left join staff_user u on u.id = a.user_id
                where (cast(:caseId as bigint) is null or a.case_id = :caseId)
                  and (cast(:userId as bigint) is null or a.user_id = :userId)
                order by a.id desc limit :limit
                """).param("caseId", caseId).param("userId", userId).param("limit", Math.min(limit, 1000))
                .query((rs, n) -> new Entry(rs.getLong("id"),
                        rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(),
                        (Long) rs.getObject("user_id"), rs.getString("username"), (Long) rs.getObject("unit_id"),
                        Action.valueOf(rs.getString("action")), (Long) rs.getObject("case_id"), rs.getString("subject"),
                        json.readValue(rs.getString("detail"), Map.class)))
                .list();
    }
}
