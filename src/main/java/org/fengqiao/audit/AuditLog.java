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

/**
 * Appends to and reads the audit log. Entries are written in the caller's transaction: no reveal without its
 * record, no record of a reveal that did not happen.
 */
@Service
public class AuditLog {

    /** Kinds of audited action. */
    public enum Action {
        REVEAL_PARTY, EXPORT_CASES, DOWNLOAD_ATTACHMENT, IMPORT_CASES,
        /** Accounts: sign-ins and their failures, passwords, roles, activation, two-factor enrolment. */
        LOGIN, LOGIN_FAILED, PASSWORD_CHANGED, PASSWORD_RESET, ROLES_CHANGED, USER_DEACTIVATED, USER_ACTIVATED,
        TWO_FACTOR_ENROLLED, TWO_FACTOR_REMOVED, SIGNED_OUT_EVERYWHERE
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
        jdbc.sql("""
                insert into audit_log (occurred_at, user_id, unit_id, action, case_id, subject, detail)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
                """).params(clock.instant().atOffset(ZoneOffset.UTC), userId, unitId, action.name(), caseId, subject,
                json.writeValueAsString(detail)).update();
    }

    /**
     * Records an action on an account. The actor is who acted (absent for a failed sign-in or a command-line
     * tool); the subject names the account acted on, e.g. {@code user:42}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAccount(Long actorId, Long actorUnitId, Action action, String subject, Map<String, ?> detail) {
        jdbc.sql("""
                insert into audit_log (occurred_at, user_id, unit_id, action, subject, detail)
                values (?, ?, ?, ?, ?, cast(? as jsonb))
                """).params(clock.instant().atOffset(ZoneOffset.UTC), actorId, actorUnitId, action.name(), subject,
                json.writeValueAsString(detail)).update();
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
