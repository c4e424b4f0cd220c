package org.fengqiao.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.StaffUser;
import org.fengqiao.organisation.Units;

/**
 * Opaque bearer tokens for the API. Only a SHA-256 digest is stored; a resolved token is cached for a minute
 * so that a busy client does not cost a database round trip per request.
 */
@Service
public class ApiTokens {

    /** A freshly issued token; the only time its value is ever available. */
    public record Issued(String token, Instant expiresAt) {
    }

    private record Resolved(long tokenId, Actor actor, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Staff staff;
    private final Units units;
    private final Clock clock;
    private final Duration lifetime;
    private final Cache<String, Optional<Resolved>> cache = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    ApiTokens(JdbcClient jdbc, Staff staff, Units units, Clock clock,
              @Value("${fengqiao.api.token-lifetime:P30D}") Duration lifetime) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.units = units;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    @Transactional
    public Issued issue(StaffUser user, String label) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "fq_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        jdbc.sql("""
                insert into api_token (user_id, token_hash, label, created_at, expires_at) values (?, ?, ?, ?, ?)
                """).params(user.id(), digest(token), label == null ? "" : label, utc(now), utc(expires)).update();
        return new Issued(token, expires);
    }

    /** The actor a token stands for, if it is known, unexpired, unrevoked and its user active. */
    public Optional<Actor> resolve(String token) {
        if (token == null || !token.startsWith("fq_") || token.length() > 100) {
            return Optional.empty();
        }
        Optional<Resolved> resolved = cache.get(token, this::load);
        return resolved.filter(r -> r.expiresAt().isAfter(clock.instant())).map(Resolved::actor);
    }

    private Optional<Resolved> load(String token) {
        return jdbc.sql("""
                update api_token set last_used_at = ? where token_hash = ? and revoked_at is null and expires_at > ?
                returning id, user_id, expires_at
                """).params(utc(clock.instant()), digest(token), utc(clock.instant()))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant().toEpochMilli()})
                .optional()
                .flatMap(row -> staff.find(row[1]).filter(StaffUser::active)
                        .flatMap(u -> units.find(u.unitId()).map(unit -> new Resolved(row[0], Actor.of(u, unit),
                                Instant.ofEpochMilli(row[2])))));
    }

    @Transactional
    public void revoke(String token) {
        jdbc.sql("update api_token set revoked_at = ? where token_hash = ? and revoked_at is null")
                .params(utc(clock.instant()), digest(token)).update();
        cache.invalidate(token);
    }

    /** Revokes every token of the user (password changed or reset, account switched off, signed out everywhere). */
    @Transactional
    public int revokeAll(long userId) {
        int revoked = jdbc.sql("update api_token set revoked_at = ? where user_id = ? and revoked_at is null")
                .params(utc(clock.instant()), userId).update();
        forget(userId);
        return revoked;
    }

    /** Drops the user's resolved tokens from the cache, so the next request reads their roles afresh. */
    public void forget(long userId) {
        cache.asMap().entrySet().removeIf(e -> e.getValue().map(r -> r.actor().userId() == userId).orElse(false));
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
