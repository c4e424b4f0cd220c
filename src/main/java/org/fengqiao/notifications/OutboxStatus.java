package org.fengqiao.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import org.fengqiao.platform.PartyMasking;

/** What the outbox holds, for administrators: counts by channel and status, and the messages that failed. */
@Service
public class OutboxStatus {

    /** A message that could not be delivered (addresses masked). */
    public record Failed(long id, String channel, NotificationKind kind, String address, int attempts,
                         String lastError, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    OutboxStatus(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts by "channel status", e.g. {@code SMS PENDING}. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select channel, status, count(*) from notification_outbox group by channel, status")
                .query((rs, n) -> counts.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3))).list();
        return counts;
    }

    public List<Failed> failed(int limit) {
        return jdbc.sql("""
                select id, channel, kind, address, attempts, last_error, created_at from notification_outbox
                where status = 'FAILED' order by id desc limit ?
                """).param(limit).query((rs, n) -> new Failed(rs.getLong(1), rs.getString(2),
                NotificationKind.valueOf(rs.getString(3)), maskAddress(rs.getString(4)), rs.getInt(5),
                rs.getString(6), rs.getTimestamp(7).toInstant())).list();
    }

    /** A phone number as {@link PartyMasking#phone}; an e-mail address keeps its first letter and its domain. */
    public static String maskAddress(String address) {
        if (address == null) {
            return null;
        }
        int at = address.indexOf('@');
        return at < 0 ? PartyMasking.phone(address) : address.charAt(0) + "***" + address.substring(at);
    }
}
