package org.fengqiao.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import org.fengqiao.organisation.Role;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.StaffUser;
import org.fengqiao.organisation.Units;
import org.fengqiao.support.IntegrationTest;

/**
 * Nothing a user was allowed survives the change that took it away: a new password (changed or reset) and a
 * switched-off account revoke API tokens and end page sessions; changed roles end the page sessions at once.
 * Each change is in the audit log.
 */
@IntegrationTest
class AccountRevocationTest {

    @LocalServerPort
    int port;

    @Autowired
    Staff staff;

    @Autowired
    Units units;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void changingOwnPasswordRevokesApiTokensAndEndsOtherSessionsButNotTheOneUsed() {
        StaffUser user = Accounts.aUser(staff, units, jdbc, Role.HANDLER);
        String address = Accounts.anAddress();
        String token = token(user, address);
        WebClient elsewhere = signedIn(user, address);
        WebClient here = signedIn(user, address);

        here.get("/account/password");
        WebClient.Page changed = here.post("/account/password", Map.of("currentPassword", Accounts.PASSWORD,
                "newPassword", "Zhanxin#Road8", "repeatPassword", "Zhanxin#Road8"));

        assertThat(changed.status()).isEqualTo(302);
        assertThat(changed.location()).endsWith("/workbench");
        assertThat(here.get("/workbench").status()).isEqualTo(200);
        assertThat(elsewhere.get("/workbench").location()).endsWith("/login");
        assertThat(here.api("GET", "/api/me", token, null).status()).isEqualTo(401);
        assertThat(auditActions(user)).contains("PASSWORD_CHANGED");
    }

    @Test
    void anAdministratorsResetEndsSessionsAndTokensAndTheNewPasswordMustBeChanged() {
        StaffUser user = Accounts.aUser(staff, units, jdbc, Role.HANDLER);
        String address = Accounts.anAddress();
        String token = token(user, address);
        WebClient session = signedIn(user, address);

        staff.resetPassword(user.id(), "Chongzhi#Mima9");

        assertThat(session.get("/workbench").location()).endsWith("/login");
        assertThat(session.api("GET", "/api/me", token, null).status()).isEqualTo(401);
        WebClient again = new WebClient(port, address);
        assertThat(again.signIn(user.username(), "Chongzhi#Mima9").location()).endsWith("/account/password");
        assertThat(again.get("/workbench").location()).endsWith("/account/password");
        assertThat(again.token(user.username(), "Chongzhi#Mima9", null).status()).isEqualTo(403);
        assertThat(auditActions(user)).contains("PASSWORD_RESET");
    }

    @Test
    void deactivationEndsSessionsAndTokens() {
        StaffUser user = Accounts.aUser(staff, units, jdbc, Role.HANDLER);
        String address = Accounts.anAddress();
        String token = token(user, address);
        WebClient session = signedIn(user, address);

        staff.setActive(user.id(), false);

        assertThat(session.get("/workbench").location()).endsWith("/login");
        assertThat(session.api("GET", "/api/me", token, null).status()).isEqualTo(401);
        assertThat(auditActions(user)).contains("USER_DEACTIVATED");
    }

    @Test
    void aRoleTakenAwayIsGoneFromOpenSessionsAndTokensAtOnce() {
        StaffUser user = Accounts.aUser(staff, units, jdbc, Role.HANDLER, Role.SUPERVISOR);
        String address = Accounts.anAddress();
        String token = token(user, address);
        WebClient session = signedIn(user, address);
        assertThat(session.api("GET", "/api/me", token, null).html()).contains("SUPERVISOR");

        staff.setRoles(user.id(), EnumSet.of(Role.HANDLER));

        assertThat(session.get("/workbench").location()).endsWith("/login");
        assertThat(session.api("GET", "/api/me", token, null).html()).doesNotContain("SUPERVISOR");
        assertThat(auditActions(user)).contains("ROLES_CHANGED");
    }

    @Test
    void anAdministratorChangingTheirOwnRolesIsSignedOutCleanly() {
        StaffUser admin = Accounts.aUser(staff, units, jdbc, Role.ADMIN, Role.SUPERVISOR);
        // let off two-factor login like the demo's accounts, so the test signs in with a password only
        jdbc.sql("update staff_user set demo_account = true where id = ?").param(admin.id()).update();
        WebClient session = signedIn(admin, Accounts.anAddress());

        session.get("/admin/users/" + admin.id());
        WebClient.Page changed = session.post("/admin/users/" + admin.id() + "/roles", Map.of("roles", "ADMIN"));

        assertThat(changed.status()).isEqualTo(302);
        assertThat(staff.find(admin.id()).orElseThrow().roles()).containsExactly(Role.ADMIN);
        assertThat(session.get("/workbench").location()).endsWith("/login");
    }

    private String token(StaffUser user, String address) {
        WebClient.Page issued = new WebClient(port, address).token(user.username(), Accounts.PASSWORD, null);
        assertThat(issued.status()).as(issued.html()).isEqualTo(201);
        return issued.json().get("token").asString();
    }

    private WebClient signedIn(StaffUser user, String address) {
        WebClient client = new WebClient(port, address);
        assertThat(client.signIn(user.username(), Accounts.PASSWORD).location()).endsWith("/workbench");
        assertThat(client.get("/workbench").status()).isEqualTo(200);
        return client;
    }

    private java.util.List<String> auditActions(StaffUser user) {
        return jdbc.sql("select action from audit_log where subject = ? order by id").param("user:" + user.id())
                .query(String.class).list();
    }
}
