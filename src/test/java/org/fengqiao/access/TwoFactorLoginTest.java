package org.fengqiao.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fengqiao.organisation.Role;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.StaffUser;
import org.fengqiao.organisation.Units;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.TestClock;

/**
 * Administrators need two factors: one without must enrol (QR code, a first code, recovery codes shown once)
 * before any other page; after that every sign-in, page or API, asks for the app's code or a recovery code,
 * each accepted once. Others may enrol; the demo's accounts are let off under --demo, as the login page says.
 */
@IntegrationTest
class TwoFactorLoginTest {

    private static final Pattern SECRET = Pattern.compile("user-select-all text-break\">([A-Z2-7 ]+)<");
    private static final Pattern RECOVERY = Pattern.compile("<li class=\"col text-nowrap\">([a-z0-9-]+)</li>");

    @LocalServerPort
    int port;

    @Autowired
    Staff staff;

    @Autowired
    Units units;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Test
    void anAdministratorMustEnrolBeforeAnyOtherPageAndThenNeedsTheCodeAtEverySignIn() throws Exception {
        StaffUser admin = Accounts.aUser(staff, units, jdbc, Role.ADMIN);
        String address = Accounts.anAddress();
        WebClient first = new WebClient(port, address);
        assertThat(first.signIn(admin.username(), Accounts.PASSWORD).location()).endsWith("/account/two-factor");
        assertThat(first.get("/admin/users").location()).endsWith("/account/two-factor");
        assertThat(first.token(admin.username(), Accounts.PASSWORD, null).status()).isEqualTo(403);

        WebClient.Page enrol = first.get("/account/two-factor");
        assertThat(enrol.html()).contains("src=\"data:image/png;base64,");
        String secret = secretOn(enrol);
        assertThat(first.post("/account/two-factor", Map.of("code", "000000")).html()).contains("验证码不正确");
        WebClient.Page enrolled = first.post("/account/two-factor", Map.of("code", code(secret, 0)));
        List<String> recovery = RECOVERY.matcher(enrolled.html()).results().map(m -> m.group(1)).toList();
        assertThat(recovery).hasSize(10);
        assertThat(first.get("/admin/users").status()).isEqualTo(200);

        WebClient second = new WebClient(port, address);
        assertThat(second.signIn(admin.username(), Accounts.PASSWORD).location()).endsWith("/login/two-factor");
        assertThat(second.get("/workbench").location()).endsWith("/login/two-factor");
        second.get("/login/two-factor");
        assertThat(second.post("/login/two-factor", Map.of("code", code(secret, 0))).html())
                .as("the code that enrolled is used up").contains("验证码不正确");
        clock.advance(Duration.ofSeconds(30));
        assertThat(second.post("/login/two-factor", Map.of("code", code(secret, 0))).location()).endsWith("/workbench");
        assertThat(second.get("/admin/users").status()).isEqualTo(200);

        WebClient third = new WebClient(port, address);
        third.signIn(admin.username(), Accounts.PASSWORD);
        third.get("/login/two-factor");
        assertThat(third.post("/login/two-factor", Map.of("code", recovery.getFirst())).location()).endsWith("/workbench");
        WebClient fourth = new WebClient(port, address);
        fourth.signIn(admin.username(), Accounts.PASSWORD);
        fourth.get("/login/two-factor");
        assertThat(fourth.post("/login/two-factor", Map.of("code", recovery.getFirst())).html())
                .as("a recovery code works once").contains("验证码不正确");

        assertThat(jdbc.sql("select action from audit_log where subject = ?").param("user:" + admin.id())
                .query(String.class).list()).contains("TWO_FACTOR_ENROLLED", "LOGIN");
    }

    @Test
    void anApiTokenForAnEnrolledUserNeedsTheCode() throws Exception {
        StaffUser user = Accounts.aUser(staff, units, jdbc, Role.HANDLER);
        WebClient client = new WebClient(port, Accounts.anAddress());
        assertThat(client.signIn(user.username(), Accounts.PASSWORD).location()).as("optional for others")
                .endsWith("/workbench");
        String secret = secretOn(client.get("/account/two-factor"));
        client.post("/account/two-factor", Map.of("code", code(secret, 0)));

        WebClient.Page without = client.token(user.username(), Accounts.PASSWORD, null);
        assertThat(without.status()).isEqualTo(401);
        assertThat(without.json().get("detail").asString()).contains("两步验证码");
        clock.advance(Duration.ofSeconds(30));
        assertThat(client.token(user.username(), Accounts.PASSWORD, code(secret, 0)).status()).isEqualTo(201);
    }

    @Test
    void theSecretIsStoredEncrypted() throws Exception {
        StaffUser user = Accounts.aUser(staff, units, jdbc, Role.HANDLER);
        WebClient client = new WebClient(port, Accounts.anAddress());
        client.signIn(user.username(), Accounts.PASSWORD);
        String secret = secretOn(client.get("/account/two-factor"));
        client.post("/account/two-factor", Map.of("code", code(secret, 0)));

        byte[] stored = jdbc.sql("select secret from staff_two_factor where user_id = ?").param(user.id())
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret.substring(0, 8));
    }

    @Test
    void anAdministratorResetsALostSecondFactorEndingTheUsersSessionsAndTheResetIsAudited() throws Exception {
        StaffUser user = Accounts.aUser(staff, units, jdbc, Role.HANDLER);
        WebClient lost = new WebClient(port, Accounts.anAddress());
        lost.signIn(user.username(), Accounts.PASSWORD);
        String secret = secretOn(lost.get("/account/two-factor"));
        lost.post("/account/two-factor", Map.of("code", code(secret, 0)));
        assertThat(lost.get("/workbench").status()).isEqualTo(200);

        WebClient admin = new WebClient(port, Accounts.anAddress());
        admin.signIn("admin", "Fengqiao@2026");
        assertThat(admin.get("/admin/users/" + user.id() + "/logins").html()).contains("重置两步验证");
        WebClient.Page reset = admin.post("/admin/users/" + user.id() + "/two-factor/reset", Map.of());
        assertThat(reset.location()).endsWith("/admin/users/" + user.id() + "/logins");

        assertThat(jdbc.sql("select count(*) from staff_two_factor where user_id = ?").param(user.id())
                .query(Integer.class).single()).isZero();
        assertThat(lost.get("/workbench").location()).as("the old session ended").contains("/login");
        WebClient again = new WebClient(port, Accounts.anAddress());
        assertThat(again.signIn(user.username(), Accounts.PASSWORD).location()).as("no code asked any more")
                .endsWith("/workbench");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'TWO_FACTOR_RESET' and subject = ?")
                .param("user:" + user.id()).query(Integer.class).single()).isEqualTo(1);
        assertThat(admin.post("/admin/users/" + user.id() + "/two-factor/reset", Map.of()).location())
                .as("nothing to reset the second time").endsWith("/logins");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'TWO_FACTOR_RESET' and subject = ?")
                .param("user:" + user.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aHandlerCannotResetAnotherUsersSecondFactor() {
        StaffUser user = Accounts.aUser(staff, units, jdbc, Role.HANDLER);
        StaffUser other = Accounts.aUser(staff, units, jdbc, Role.HANDLER);
        WebClient client = new WebClient(port, Accounts.anAddress());
        client.signIn(user.username(), Accounts.PASSWORD);
        assertThat(client.post("/admin/users/" + other.id() + "/two-factor/reset", Map.of()).status())
                .isIn(403, 404);
    }

    @Test
    void demoAccountsAreLetOffUnderTheDemoAndTheLoginPageSaysSo() {
        WebClient client = new WebClient(port, Accounts.anAddress());
        assertThat(client.get("/login").html()).contains("演示模式").contains("Fengqiao@2026");
        assertThat(client.signIn("admin", "Fengqiao@2026").location()).endsWith("/workbench");
        assertThat(client.get("/admin/users").status()).isEqualTo(200);
    }

    private String code(String secret, int stepsFromNow) throws Exception {
        return new DefaultCodeGenerator().generate(secret, clock.instant().getEpochSecond() / 30 + stepsFromNow);
    }

    private static String secretOn(WebClient.Page page) {
        Matcher m = SECRET.matcher(page.html());
        assertThat(m.find()).as(page.html()).isTrue();
        return m.group(1).replace(" ", "");
    }
}
