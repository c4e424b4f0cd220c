package org.fengqiao.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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
 * Password guessing is slowed per client and per account without letting anyone lock an account: one client
 * spraying a password over many names is stopped, the owner signing in from elsewhere is never held up by
 * someone else's failures, and one client guessing one account waits longer after each failure.
 */
@IntegrationTest
class LoginThrottlingTest {

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

    @Autowired
    LoginAttempts attempts;

    @Autowired
    org.fengqiao.platform.SharedBuckets buckets;

    @Autowired
    org.fengqiao.crypto.PersonalData personalData;

    @Test
    void failuresCountedByOneInstanceHoldOnAnotherBecauseTheCountersAreInTheDatabase() {
        String client = Accounts.anAddress();
        LoginAttempts otherInstance = new LoginAttempts(clock, jdbc, buckets, personalData, 20, Duration.ofMinutes(10));
        for (int i = 0; i < LoginAttempts.FREE_PER_CLIENT_AND_NAME + 1; i++) {
            attempts.failed("shared.victim", client);
        }
        assertThat(otherInstance.refusal("shared.victim", client)).isPresent();

        for (int i = 0; i < 20; i++) {
            otherInstance.failed("sprayed.n" + i, client + "9");
        }
        assertThat(attempts.refusal("anyone", client + "9")).as("the client's bucket is shared").isPresent();
        assertThat(jdbc.sql("select count(*) from login_failure where key like ?").param("%" + client + "%")
                .query(Integer.class).single()).as("counters keep no client address").isZero();
        assertThat(jdbc.sql("select count(*) from rate_limit_bucket where id like ?").param("%" + client + "%")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void countersAreForgottenAfterAnHour() {
        String client = Accounts.anAddress();
        for (int i = 0; i < LoginAttempts.FREE_PER_CLIENT_AND_NAME + 1; i++) {
            attempts.failed("forgotten.victim", client);
        }
        assertThat(jdbc.sql("select count(*) from login_failure where key like '%forgotten.victim%'")
                .query(Integer.class).single()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(61));
        attempts.forgetOld();
        assertThat(jdbc.sql("select count(*) from login_failure where key like '%forgotten.victim%'")
                .query(Integer.class).single()).isZero();
        assertThat(attempts.refusal("forgotten.victim", client)).isEmpty();
    }

    @Test
    void oneClientTryingAPasswordAcrossManyNamesIsStopped() {
        WebClient sprayer = new WebClient(port, Accounts.anAddress());
        for (int i = 0; i < 20; i++) {
            assertThat(sprayer.token("nobody.n" + i, "Fengqiao@2025", null).status()).isEqualTo(401);
        }

        WebClient.Page refused = sprayer.token("fq.intake", "Fengqiao@2026", null);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("detail").asString()).contains("秒后再试");
        assertThat(sprayer.signIn("fq.intake", "Fengqiao@2026").location()).endsWith("/login?throttled");
        assertThat(new WebClient(port, Accounts.anAddress()).token("fq.intake", "Fengqiao@2026", null).status())
                .isEqualTo(201);
    }

    @Test
    void wrongPasswordsFromAnotherClientDoNotLockTheOwnerOut() {
        WebClient attacker = new WebClient(port, Accounts.anAddress());
        for (int i = 0; i < 12; i++) {
            attacker.token("admin", "Wrong#Guess" + i, null);
        }
        assertThat(attacker.token("admin", "Fengqiao@2026", null).status()).isEqualTo(429);

        WebClient owner = new WebClient(port, Accounts.anAddress());
        assertThat(owner.token("admin", "Fengqiao@2026", null).status()).isEqualTo(201);
        assertThat(owner.signIn("admin", "Fengqiao@2026").location()).endsWith("/workbench");
    }

    @Test
    void oneClientGuessingOneAccountWaitsLongerAfterEachFailure() {
        StaffUser user = Accounts.aUser(staff, units, jdbc, Role.HANDLER);
        WebClient guesser = new WebClient(port, Accounts.anAddress());
        for (int i = 0; i < LoginAttempts.FREE_PER_CLIENT_AND_NAME; i++) {
            assertThat(guesser.token(user.username(), "Wrong#Guess" + i, null).status()).isEqualTo(401);
        }
        WebClient.Page first = guesser.token(user.username(), Accounts.PASSWORD, null);
        assertThat(first.status()).isEqualTo(429);
        assertThat(first.json().get("retryAfterSeconds").asLong()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(guesser.token(user.username(), "Wrong#Again", null).status()).isEqualTo(401);
        assertThat(guesser.token(user.username(), Accounts.PASSWORD, null).json().get("retryAfterSeconds").asLong())
                .isEqualTo(2);

        clock.advance(Duration.ofSeconds(2));
        assertThat(guesser.token(user.username(), Accounts.PASSWORD, null).status()).isEqualTo(201);
    }

    @Test
    void wrongCurrentPasswordsOnAPasswordChangeCountAsFailures() {
        StaffUser user = Accounts.aUser(staff, units, jdbc, Role.HANDLER);
        WebClient client = new WebClient(port, Accounts.anAddress());
        String token = client.token(user.username(), Accounts.PASSWORD, null).json().get("token").asString();
        String wrong = "{\"currentPassword\":\"Wrong#Guess1\",\"newPassword\":\"Zhanxin#Road8\"}";
        for (int i = 0; i < LoginAttempts.FREE_PER_CLIENT_AND_NAME; i++) {
            assertThat(client.api("PUT", "/api/me/password", token, wrong).status()).isEqualTo(400);
        }

        String right = "{\"currentPassword\":\"" + Accounts.PASSWORD + "\",\"newPassword\":\"Zhanxin#Road8\"}";
        assertThat(client.api("PUT", "/api/me/password", token, right).status()).isEqualTo(429);
        assertThat(client.token(user.username(), Accounts.PASSWORD, null).status()).isEqualTo(429);
    }
}
