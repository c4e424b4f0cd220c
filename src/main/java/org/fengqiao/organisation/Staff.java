package org.fengqiao.organisation;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.platform.ProblemException;

/**
 * Staff users: creation, roles, passwords. Passwords are stored only as adaptive hashes.
 */
@Service
public class Staff {

    private static final String SELECT = """
            select u.id, u.username, u.display_name, u.unit_id, u.grid_code, u.active,
                   array(select r.role from staff_role r where r.user_id = u.id order by r.role) as roles
            from staff_user u
            """;

    private static final RowMapper<StaffUser> ROW = (rs, n) -> new StaffUser(rs.getLong("id"),
            rs.getString("username"), rs.getString("display_name"), rs.getLong("unit_id"), roles(rs.getArray("roles")),
            rs.getString("grid_code"), rs.getBoolean("active"));

    private final JdbcClient jdbc;
    private final Units units;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final PasswordPolicy policy = new PasswordPolicy();
    /** Spends the same time on unknown users as on known ones, so timing does not reveal which exist. */
    private final String dummyHash;

    Staff(JdbcClient jdbc, Units units, PasswordEncoder passwords, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.units = units;
        this.passwords = passwords;
        this.clock = clock;
        this.dummyHash = passwords.encode("timing-equaliser");
    }

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    public Optional<StaffUser> find(long id) {
        return jdbc.sql(SELECT + " where u.id = ?").param(id).query(ROW).optional();
    }

    public Optional<StaffUser> findByUsername(String username) {
        return jdbc.sql(SELECT + " where u.username = ?").param(username).query(ROW).optional();
    }

    public List<StaffUser> list() {
        return jdbc.sql(SELECT + " order by u.unit_id, u.username").query(ROW).list();
    }

    public List<StaffUser> inUnit(long unitId) {
        return jdbc.sql(SELECT + " where u.unit_id = ? order by u.username").param(unitId).query(ROW).list();
    }

    /**
     * The user with these credentials, if the password matches and the account is active.
     */
    public Optional<StaffUser> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<String> hash = jdbc.sql("select password_hash from staff_user where username = ? and active")
                .param(username).query(String.class).optional();
        if (hash.isEmpty()) {
            passwords.matches(password, dummyHash);
            return Optional.empty();
        }
        return passwords.matches(password, hash.get()) ? findByUsername(username) : Optional.empty();
    }


    @Transactional
    public StaffUser create(String username, String displayName, String password, long unitId, Set<Role> roles,
                            String gridCode) {
        if (username == null || !username.matches("[a-z0-9_.-]{3,40}")) {
            throw new ProblemException.InvalidInput("username", "staff.badUsername");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 50) {
            throw new ProblemException.InvalidInput("displayName", "staff.badDisplayName");
        }
        checkPassword(username, password);
        if (roles == null || roles.isEmpty()) {
            throw new ProblemException.InvalidInput("roles", "staff.noRoles");
        }
        units.requireActive("unitId", unitId);
        if (findByUsername(username).isPresent()) {
            throw new ProblemException.Conflict("staff.duplicateUsername", username);
        }
        long id = jdbc.sql("""
                insert into staff_user (username, display_name, password_hash, unit_id, grid_code, must_change_password)
                values (?, ?, ?, ?, ?, true) returning id
                """).params(username, displayName.strip(), passwords.encode(password), unitId, gridCode)
                .query(Long.class).single();
        setRoles(id, roles);
        return find(id).orElseThrow();
    }

    /** A user to create in bulk. */
    public record NewStaff(String username, String displayName, long unitId, Set<Role> roles, String gridCode) {
    }

    /**
     * Creates many users sharing one initial password (hashed once), e.g. the first accounts of a new
     * deployment; each must change it on first use.
     */
    @Transactional
    public List<StaffUser> createAll(List<NewStaff> users, String initialPassword) {
        checkPassword(null, initialPassword);
        String hash = passwords.encode(initialPassword);
        return users.stream().map(u -> {
            if (u.username() == null || !u.username().matches("[a-z0-9_.-]{3,40}")) {
                throw new ProblemException.InvalidInput("username", "staff.badUsername");
            }
            long id = jdbc.sql("""
                    insert into staff_user (username, display_name, password_hash, unit_id, grid_code,
                                            must_change_password)
                    values (?, ?, ?, ?, ?, true) returning id
                    """).params(u.username(), u.displayName(), hash, u.unitId(), u.gridCode()).query(Long.class).single();
            setRoles(id, u.roles());
            return find(id).orElseThrow();
        }).toList();
    }

    /**
     * Replaces the user's roles; a user keeps at least one. A change of an existing user's roles is announced
     * ({@link StaffAccountChanged}), which ends their sessions so that the new roles apply at once.
     */
    @Transactional
    public void setRoles(long userId, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new ProblemException.InvalidInput("roles", "staff.noRoles");
        }
        Set<Role> before = find(userId).map(StaffUser::roles).orElse(Set.of());
        jdbc.sql("delete from staff_role where user_id = ?").param(userId).update();
        for (Role role : roles) {
            jdbc.sql("insert into staff_role (user_id, role) values (?, ?)").params(userId, role.name()).update();
        }
        if (!before.isEmpty() && !before.equals(roles)) {
            announce(userId, StaffAccountChanged.Change.ROLES_CHANGED);
        }
    }

    /** Lets the user sign in again, or no longer; switching a user off ends their sessions and tokens. */
    @Transactional
    public void setActive(long userId, boolean active) {
        if (jdbc.sql("update staff_user set active = ? where id = ?").params(active, userId).update() == 0) {
            throw new ProblemException.NotFound("staff.notFound");
        }
        announce(userId, active ? StaffAccountChanged.Change.ACTIVATED : StaffAccountChanged.Change.DEACTIVATED);
    }

    /** Marks the demo's accounts (exempt from a forced password change and two-factor login under --demo). */
    @Transactional
    public void markDemoAccounts(List<StaffUser> users) {
        for (StaffUser u : users) {
            jdbc.sql("update staff_user set demo_account = true where id = ?").param(u.id()).update();
        }
    }

    /** What the account still owes (a password change) and whether it is a demo account. */
    public AccountState accountState(long userId) {
        return jdbc.sql("select must_change_password, demo_account from staff_user where id = ?").param(userId)
                .query((rs, n) -> new AccountState(rs.getBoolean(1), rs.getBoolean(2))).optional()
                .orElseThrow(() -> new ProblemException.NotFound("staff.notFound"));
    }

    /** Whether this is the user's current password; checked before a sensitive step, changes nothing. */
    public boolean passwordMatches(long userId, String password) {
        String hash = jdbc.sql("select password_hash from staff_user where id = ?").param(userId)
                .query(String.class).optional().orElse(dummyHash);
        return password != null && passwords.matches(password, hash);
    }

    private void announce(long userId, StaffAccountChanged.Change change) {
        find(userId).ifPresent(u -> events.publishEvent(new StaffAccountChanged(userId, u.username(), change)));
    }

    /**
     * Changes a password after checking the current one; the new one must meet the password policy and differ
     * from the current one. Ends the user's other sessions and revokes their API tokens
     * ({@link StaffAccountChanged}).
     */
    @Transactional
    public void changePassword(long userId, String current, String replacement) {
        String hash = jdbc.sql("select password_hash from staff_user where id = ?").param(userId)
                .query(String.class).optional().orElseThrow(() -> new ProblemException.NotFound("staff.notFound"));
        if (current == null || !passwords.matches(current, hash)) {
            throw new ProblemException.InvalidInput("currentPassword", "staff.wrongPassword");
        }
        String username = find(userId).map(StaffUser::username).orElseThrow();
        checkPassword("newPassword", username, replacement);
        if (passwords.matches(replacement, hash)) {
            throw new ProblemException.InvalidInput("newPassword", "account.password.same");
        }
        jdbc.sql("""
                update staff_user set password_hash = ?, password_changed_at = ?, must_change_password = false
                where id = ?
                """).params(passwords.encode(replacement), OffsetDateTime.now(clock), userId).update();
        announce(userId, StaffAccountChanged.Change.PASSWORD_CHANGED);
    }

    /**
     * Sets a password without knowing the old one (administrators): the user must change it at their next
     * sign-in, and their sessions and API tokens end.
     */
    @Transactional
    public void resetPassword(long userId, String replacement) {
        String username = find(userId).map(StaffUser::username)
                .orElseThrow(() -> new ProblemException.NotFound("staff.notFound"));
        checkPassword(username, replacement);
        jdbc.sql("update staff_user set password_hash = ?, must_change_password = true where id = ?")
                .params(passwords.encode(replacement), userId).update();
        announce(userId, StaffAccountChanged.Change.PASSWORD_RESET);
    }

    private void checkPassword(String username, String password) {
        checkPassword("password", username, password);
    }

    private void checkPassword(String field, String username, String password) {
        policy.refusal(username, password).ifPresent(key -> {
            throw new ProblemException.InvalidInput(field, key);
        });
    }

    public static Set<Role> parseRoles(List<String> names) {
        return names.stream().map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
