package org.fengqiao.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fengqiao.crypto.PersonalData;
import org.fengqiao.platform.SharedBuckets;

/**
 * Slows password guessing without letting anyone lock an account. Three measures, each counting failed
 * sign-ins and wrong current passwords on a password change:
 * <ul>
 * <li>per client address, a Bucket4j limit on failures across all user names (one password tried against many
 *     names is stopped);</li>
 * <li>per user name and client, a delay that doubles with each failure after the first few (one client
 *     guessing one account is slowed, while the owner signing in from elsewhere is not held up);</li>
 * <li>per user name across all clients, the same doubling delay only after many failures and never above a
 *     minute (guessing from many addresses is slowed; the owner waits at most that minute).</li>
 * </ul>
 * Every counter is kept in the database ({@link SharedBuckets} and {@code login_failure}, V42), so the limits hold
 * across all instances behind a load balancer and across restarts, keyed by the client address's HMAC-SM3 hash,
 * never the address; counters older than an hour are removed by
 * {@link #forgetOld()}.
 */
@Component
public class LoginAttempts {

    static final int FREE_PER_CLIENT_AND_NAME = 5;
    static final int FREE_PER_NAME = 30;
    static final Duration REMEMBERED = Duration.ofHours(1);

    private record Failures(int count, Instant last) {
    }

    private final Clock clock;
    private final JdbcClient jdbc;
    private final SharedBuckets buckets;
    private final PersonalData personalData;
    private final long perClient;
    private final Duration perClientWindow;

    LoginAttempts(Clock clock, JdbcClient jdbc, SharedBuckets buckets, PersonalData personalData,
                  @Value("${fengqiao.security.login.failures-per-client:20}") long perClient,
                  @Value("${fengqiao.security.login.client-window:PT10M}") Duration perClientWindow) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.buckets = buckets;
        this.personalData = personalData;
        this.perClient = perClient;
        this.perClientWindow = perClientWindow;
    }

    /** How long this client must wait before it may try this user name again; empty when it may try now. */
    public Optional<Duration> refusal(String username, String client) {
        Optional<Duration> clientWait = buckets.emptyFor(clientKey(client));
        if (clientWait.isPresent()) {
            return Optional.of(clientWait.get().compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                    : clientWait.get());
        }
        return wait(failures(nameAndClientKey(username, client)), FREE_PER_CLIENT_AND_NAME, Duration.ofMinutes(15))
                .or(() -> wait(failures(nameKey(username)), FREE_PER_NAME, Duration.ofMinutes(1)));
    }

    public void failed(String username, String client) {
        buckets.bucket(clientKey(client), perClient, perClientWindow).tryConsume(1);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        for (String key : new String[] {nameAndClientKey(username, client), nameKey(username)}) {
            jdbc.sql("""
                    insert into login_failure (key, failures, last_at) values (?, 1, ?)
                    on conflict (key) do update set failures = case when login_failure.last_at < ?
                        then 1 else login_failure.failures + 1 end, last_at = excluded.last_at
                    """).params(key, now, now.minus(REMEMBERED)).update();
        }
    }

    /** A success clears the user name's counters (not the client's: a sprayer who guesses one right goes on waiting). */
    public void succeeded(String username, String client) {
        jdbc.sql("delete from login_failure where key in (?, ?)")
                .params(nameAndClientKey(username, client), nameKey(username)).update();
    }

    /** Removes counters no one needs any more (run hourly by the scheduler); returns how many. */
    public int forgetOld() {
        int rows = jdbc.sql("delete from login_failure where last_at < ?")
                .param(clock.instant().minus(REMEMBERED).atOffset(ZoneOffset.UTC)).update();
        return rows + buckets.removeExpired();
    }

    private Failures failures(String key) {
        return jdbc.sql("select failures, last_at from login_failure where key = ? and last_at >= ?")
                .params(key, clock.instant().minus(REMEMBERED).atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Failures(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional().orElse(null);
    }

    private Optional<Duration> wait(Failures failures, int free, Duration cap) {
        if (failures == null || failures.count() < free) {
            return Optional.empty();
        }
        int doublings = Math.min(failures.count() - free, 20);
        Duration delay = Duration.ofSeconds(1L << doublings);
        if (delay.compareTo(cap) > 0) {
            delay = cap;
        }
        Duration left = Duration.between(clock.instant(), failures.last().plus(delay));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    private static String nameKey(String username) {
        return "name:" + name(username);
    }

    private String nameAndClientKey(String username, String client) {
        return "name-client:" + name(username) + "|" + personalData.clientHash(client);
    }

    private String clientKey(String client) {
        return "login-client:" + personalData.clientHash(client);
    }

    private static String name(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
