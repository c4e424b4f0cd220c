package org.fengqiao.access;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.audit.AuditLog;

/**
 * Every sign-in attempt at a known user name (time, client address, page or API, result), shown to the user
 * on their account page and to administrators; each is also an entry in the audit log.
 */
@Service
public class LoginHistory {

    /** How an attempt ended. */
    public enum Result { SUCCESS, BAD_PASSWORD, BAD_SECOND_FACTOR, THROTTLED }

    /** Where it came from. */
    public enum Channel { PAGE, API }

    /** One attempt. */
    public record Attempt(Instant occurredAt, String address, Channel channel, Result result) {
        /** When, in China time (for pages). */
        public java.time.LocalDateTime at() {
            return java.time.LocalDateTime.ofInstant(occurredAt, org.fengqiao.platform.ChinaTime.ZONE);
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    LoginHistory(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void record(long userId, Long unitId, String address, Channel channel, Result result) {
        jdbc.sql("""
                insert into login_event (user_id, occurred_at, address, channel, result) values (?, ?, ?, ?, ?)
                """).params(userId, clock.instant().atOffset(ZoneOffset.UTC), address == null ? "" : address,
                channel.name(), result.name()).update();
        boolean success = result == Result.SUCCESS;
        audit.recordAccount(success ? userId : null, success ? unitId : null,
                success ? AuditLog.Action.LOGIN : AuditLog.Action.LOGIN_FAILED, "user:" + userId,
                Map.of("address", address == null ? "" : address, "channel", channel.name(), "result", result.name()));
    }

    /** The user's latest attempts, newest first. */
    public List<Attempt> recent(long userId, int limit) {
        return jdbc.sql("""
                select occurred_at, address, channel, result from login_event where user_id = ?
                order by occurred_at desc, id desc limit ?
                """).params(userId, Math.clamp(limit, 1, 500))
                .query((rs, n) -> new Attempt(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                        Channel.valueOf(rs.getString(3)), Result.valueOf(rs.getString(4))))
                .list();
    }
}
