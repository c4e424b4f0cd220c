package org.fengqiao.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

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
 * Counters live in memory on each instance: a restart forgets them, which errs towards letting the owner in.
 */
@Component
public class LoginAttempts {

    static final int FREE_PER_CLIENT_AND_NAME = 5;
    static final int FREE_PER_NAME = 30;

    private record Failures(int count, Instant last) {
    }

    private final Clock clock;
    private final long perClient;
    private final Duration perClientWindow;
    private final TimeMeter time;
    private final Cache<String, Bucket> clients;
    private final Cache<String, Failures> byNameAndClient = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterWrite(Duration.ofHours(1)).build();
    private final Cache<String, Failures> byName = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofHours(1)).build();

    LoginAttempts(Clock clock, @Value("${fengqiao.security.login.failures-per-client:20}") long perClient,
                  @Value("${fengqiao.security.login.client-window:PT10M}") Duration perClientWindow) {
        this.clock = clock;
        this.perClient = perClient;
        this.perClientWindow = perClientWindow;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.clients = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(perClientWindow.multipliedBy(2))
                .build();
    }

    /** How long this client must wait before it may try this user name again; empty when it may try now. */
    public Optional<Duration> refusal(String username, String client) {
        Bucket bucket = clients.getIfPresent(client(client));
        if (bucket != null && bucket.getAvailableTokens() <= 0) {
            long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            return Optional.of(Duration.ofNanos(Math.max(nanos, 1_000_000_000L)));
        }
        return wait(byNameAndClient.getIfPresent(key(username) + "|" + client(client)), FREE_PER_CLIENT_AND_NAME,
                Duration.ofMinutes(15))
                .or(() -> wait(byName.getIfPresent(key(username)), FREE_PER_NAME, Duration.ofMinutes(1)));
    }

    public void failed(String username, String client) {
        clients.get(client(client), k -> Bucket.builder()
                .addLimit(l -> l.capacity(perClient).refillGreedy(perClient, perClientWindow))
                .withCustomTimePrecision(time).build()).tryConsume(1);
        Instant now = clock.instant();
        byNameAndClient.asMap().merge(key(username) + "|" + client(client), new Failures(1, now),
                (a, b) -> new Failures(a.count() + 1, now));
        byName.asMap().merge(key(username), new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
    }

    /** A success clears the user name's counters (not the client's: a sprayer who guesses one right goes on waiting). */
    public void succeeded(String username, String client) {
        byNameAndClient.invalidate(key(username) + "|" + client(client));
        byName.invalidate(key(username));
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

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String client(String address) {
        return address == null ? "" : address;
    }
}
