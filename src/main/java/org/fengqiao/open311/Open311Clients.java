package org.fengqiao.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.organisation.Role;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.StaffUser;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.ProblemException;

/**
 * The client systems allowed to post Open311 service requests, each with its own API key. A key is shown once,
 * when it is issued, and stored only as its SHA-256 digest (a random 256-bit key needs no slow hash); revoking
 * it takes effect at once. Each client acts as one staff account with the intake role, whose unit registers the
 * requests (首接负责 as for any intake).
 */
@Service
@Transactional
public class Open311Clients {

    /** A client system as the administrators see it (never its key). */
    public record Client(long id, String name, long actingUserId, String actingUsername, Instant createdAt,
                         Instant revokedAt, Instant lastUsedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A key just issued: shown to the administrator once. */
    public record IssuedKey(long clientId, String key) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Staff staff;
    private final Units units;
    private final Clock clock;

    Open311Clients(JdbcClient jdbc, Staff staff, Units units, Clock clock) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.units = units;
        this.clock = clock;
    }

    /** Issues a new client with a fresh random key. */
    public IssuedKey issue(String name, String actingUsername, long issuedBy) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = "o311_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new IssuedKey(insert(name, actingUsername, key, issuedBy), key);
    }

    /** Registers a client with a key chosen elsewhere (the demo's {@code demo-open311-key}); nothing if it exists. */
    public long ensure(String name, String actingUsername, String key) {
        return jdbc.sql("select id from open311_client where key_hash = ?").param(digest(key)).query(Long.class)
                .optional().orElseGet(() -> insert(name, actingUsername, key, null));
    }

    public void revoke(long id) {
        int changed = jdbc.sql("update open311_client set revoked_at = ? where id = ? and revoked_at is null")
                .params(java.sql.Timestamp.from(clock.instant()), id).update();
        if (changed == 0 && find(id).isEmpty()) {
            throw new ProblemException.NotFound("open311.client.notFound");
        }
    }

    @Transactional(readOnly = true)
    public List<Client> list() {
        return jdbc.sql("""
                select c.id, c.name, c.acting_user, u.username, c.created_at, c.revoked_at, c.last_used_at
                from open311_client c join staff_user u on u.id = c.acting_user order by c.revoked_at nulls first, c.id
                """).query((rs, n) -> client(rs)).list();
    }

    @Transactional(readOnly = true)
    public Optional<Client> find(long id) {
        return jdbc.sql("""
                select c.id, c.name, c.acting_user, u.username, c.created_at, c.revoked_at, c.last_used_at
                from open311_client c join staff_user u on u.id = c.acting_user where c.id = ?
                """).param(id).query((rs, n) -> client(rs)).optional();
    }

    /** The active client holding this key, with the staff account it acts as; empty for a wrong or revoked key. */
    public Optional<Acting> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        Optional<Long> found = jdbc.sql("""
                update open311_client set last_used_at = ? where key_hash = ? and revoked_at is null returning id
                """).params(java.sql.Timestamp.from(clock.instant()), digest(key.strip())).query(Long.class).optional();
        return found.flatMap(this::find).flatMap(c -> staff.find(c.actingUserId()).filter(StaffUser::active)
                .flatMap(u -> units.find(u.unitId()).map(unit -> new Acting(c, Actor.of(u, unit)))));
    }

    /** A client and the staff account its requests are registered as. */
    public record Acting(Client client, Actor actor) {
    }

    private long insert(String name, String actingUsername, String key, Long issuedBy) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new ProblemException.InvalidInput("name", "open311.client.nameRequired");
        }
        StaffUser user = staff.findByUsername(actingUsername == null ? "" : actingUsername.strip())
                .filter(StaffUser::active).filter(u -> u.roles().contains(Role.INTAKE))
                .orElseThrow(() -> new ProblemException.InvalidInput("actingUsername", "open311.client.actingUser"));
        return jdbc.sql("""
                insert into open311_client (name, key_hash, acting_user, created_at, created_by)
                values (?, ?, ?, ?, ?) returning id
                """).params(name.strip(), digest(key), user.id(), java.sql.Timestamp.from(clock.instant()), issuedBy)
                .query(Long.class).single();
    }

    private static Client client(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Client(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)));
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
