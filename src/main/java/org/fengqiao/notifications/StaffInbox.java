package org.fengqiao.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** A staff user's in-app messages (the bell in the top bar and the message list). */
@Service
public class StaffInbox {

    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
    };

    /** One message; its words come from {@link Texts} in the reader's language. */
    public record Message(long id, NotificationKind kind, Map<String, String> params, Long caseId, Instant createdAt,
                          Instant readAt) {
        public boolean unread() {
            return readAt == null;
        }
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    StaffInbox(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public long unreadCount(long userId) {
        return jdbc.sql("select count(*) from notification_inbox where user_id = ? and read_at is null")
                .param(userId).query(Long.class).single();
    }

    /** The user's messages, newest first, a page at a time. */
    public List<Message> list(long userId, boolean unreadOnly, int offset, int limit) {
        return jdbc.sql("select id, kind, params::text, case_id, created_at, read_at from notification_inbox"
                        + " where user_id = ?" + (unreadOnly ? " and read_at is null" : "")
                        + " order by created_at desc, id desc offset ? limit ?")
                .params(userId, offset, limit)
                .query((rs, n) -> new Message(rs.getLong(1), NotificationKind.valueOf(rs.getString(2)),
                        json.readValue(rs.getString(3), PARAMS), (Long) rs.getObject(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** Marks one of the user's messages read; another user's message is left alone (and reported absent). */
    public boolean markRead(long userId, long messageId) {
        return jdbc.sql("""
                update notification_inbox set read_at = coalesce(read_at, ?) where id = ? and user_id = ?
                """).params(Timestamp.from(clock.instant()), messageId, userId).update() == 1;
    }

    public int markAllRead(long userId) {
        return jdbc.sql("update notification_inbox set read_at = ? where user_id = ? and read_at is null")
                .params(Timestamp.from(clock.instant()), userId).update();
    }

    /** Marks every user's messages older than this read (the demo's history). */
    public int markAllReadBefore(Instant before) {
        return jdbc.sql("update notification_inbox set read_at = created_at where read_at is null and created_at < ?")
                .param(Timestamp.from(before)).update();
    }
}
