package org.fengqiao.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fengqiao.organisation.Role;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.StaffUser;
import org.fengqiao.organisation.Units;
import org.fengqiao.support.IntegrationTest;

/**
 * The account page: a first password must be changed (to a strong one) before work; the sign-in history and
 * the live sessions are there for the user and for administrators, and "sign out everywhere" ends them all.
 */
@IntegrationTest
class AccountPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    Staff staff;

    @Autowired
    Units units;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anInitialPasswordMustBeChangedToAStrongOneAtFirstSignIn() {
        StaffUser user = Accounts.anUntouchedUser(staff, units, Role.HANDLER);
        WebClient client = new WebClient(port, Accounts.anAddress());
        assertThat(client.signIn(user.username(), Accounts.PASSWORD).location()).endsWith("/account/password");
        assertThat(client.get("/workbench").location()).endsWith("/account/password");
        assertThat(client.get("/account/password").html()).contains("须先设置自己的新密码");

        String weak = client.post("/account/password", Map.of("currentPassword", Accounts.PASSWORD,
                "newPassword", "password", "repeatPassword", "password")).html();
        assertThat(weak).contains("常见密码");
        String derived = client.post("/account/password", Map.of("currentPassword", Accounts.PASSWORD,
                "newPassword", user.username() + "#X", "repeatPassword", user.username() + "#X")).html();
        assertThat(derived).contains("用户名");
        WebClient.Page changed = client.post("/account/password", Map.of("currentPassword", Accounts.PASSWORD,
                "newPassword", "Zhanxin#Road8", "repeatPassword", "Zhanxin#Road8"));
        assertThat(changed.location()).endsWith("/workbench");
        assertThat(client.get("/workbench").status()).isEqualTo(200);
    }

    @Test
    void theUserSeesTheirSignInsAndSessionsAndCanSignOutEverywhere() {
        StaffUser user = Accounts.aUser(staff, units, jdbc, Role.HANDLER);
        String address = Accounts.anAddress();
        WebClient phone = new WebClient(port, address);
        phone.signIn(user.username(), "Wrong#Guess1");
        phone.signIn(user.username(), Accounts.PASSWORD);
        WebClient desk = new WebClient(port, address);
        desk.signIn(user.username(), Accounts.PASSWORD);
        String token = desk.token(user.username(), Accounts.PASSWORD, null).json().get("token").asString();

        String page = desk.get("/account").html();
        assertThat(page).contains(address).contains("密码错误").contains("成功").contains("当前会话")
                .contains("WebClient/1.0");
        assertThat(page.split("WebClient/1.0", -1)).as("two sessions listed").hasSize(3);

        WebClient.Page out = desk.post("/account/sign-out-everywhere", Map.of());
        assertThat(out.location()).endsWith("/login?signedOut");
        assertThat(phone.get("/workbench").location()).endsWith("/login");
        assertThat(desk.get("/workbench").location()).endsWith("/login");
        assertThat(desk.api("GET", "/api/me", token, null).status()).isEqualTo(401);
    }

    @Test
    void administratorsSeeAUsersSignInHistoryAndEveryAttemptIsAudited() {
        StaffUser user = Accounts.aUser(staff, units, jdbc, Role.HANDLER);
        String address = Accounts.anAddress();
        new WebClient(port, address).signIn(user.username(), "Wrong#Guess1");
        new WebClient(port, address).signIn(user.username(), Accounts.PASSWORD);

        WebClient admin = new WebClient(port, Accounts.anAddress());
        admin.signIn("admin", "Fengqiao@2026");
        assertThat(admin.get("/admin/users/" + user.id()).html()).contains("/admin/users/" + user.id() + "/logins");
        String history = admin.get("/admin/users/" + user.id() + "/logins").html();
        assertThat(history).contains(address).contains("密码错误").contains("成功");
        WebClient other = new WebClient(port, Accounts.anAddress());
        other.signIn("fq.intake", "Fengqiao@2026");
        assertThat(other.get("/admin/users/" + user.id() + "/logins").status()).isEqualTo(403);

        assertThat(jdbc.sql("select action from audit_log where subject = ? order by id")
                .param("user:" + user.id()).query(String.class).list()).containsSubsequence("LOGIN_FAILED", "LOGIN");
    }
}
