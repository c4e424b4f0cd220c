package org.fengqiao.notifications;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the module's tables for the tests' assertions. */
record OutboxRows(JdbcClient jdbc) {

    record Row(long id, String key, String channel, String kind, String address, String params, String status,
               int attempts, Instant nextAttemptAt, String addressHash) {
    }

    List<Row> withKeyPrefix(String prefix) {
        return jdbc.sql("""
                select id, idempotency_key, channel, kind, address, params::text, status, attempts, next_attempt_at,
                       address_hash
                from notification_outbox where idempotency_key like ? order by id
                """).param(prefix + "%").query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                rs.getTimestamp(9).toInstant(), rs.getString(10))).list();
    }

    List<Row> forCase(long caseId) {
        return withKeyPrefix("case:" + caseId + ":");
    }

    /** The in-app messages about a case: "username KIND". */
    List<String> inboxForCase(long caseId) {
        return jdbc.sql("""
                select u.username || ' ' || i.kind from notification_inbox i join staff_user u on u.id = i.user_id
                where i.case_id = ? order by i.id
                """).param(caseId).query(String.class).list();
    }

    /** How often the recording gateway holds each key (a key it holds twice would be a double delivery). */
    long recordedTimes(String key) {
        return jdbc.sql("select count(*) from sms_recorded where idempotency_key = ?").param(key)
                .query(Long.class).single();
    }

    String recordedText(String key) {
        return jdbc.sql("select text from sms_recorded where idempotency_key = ?").param(key).query(String.class)
                .single();
    }
}
