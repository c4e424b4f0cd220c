package org.fengqiao.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.aCase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import org.fengqiao.support.Api;
import org.fengqiao.support.Instances;
import org.fengqiao.support.SessionClient;

/**
 * Reports on a real PostgreSQL streaming replica: a primary and a hot standby made from its base backup, both
 * started here. Reports read the replica while it is in step and say so with its lag; the case page reads the
 * primary (one's own write); a replica that lags too far or goes away sends reports back to the primary, which
 * the page says; an instance whose database goes away answers 503 and recovers by itself when it comes back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaTest {

    static Path dir;
    static EmbeddedPostgres primary;
    static EmbeddedPostgres replica;
    static ConfigurableApplicationContext app;
    static int port;

    @BeforeAll
    static void aPrimaryAndItsStreamingReplica() throws Exception {
        dir = Files.createTempDirectory("fengqiao-replica");
        primary = Instances.postgres(Map.of(), dir.resolve("primary"), 0);
        replica = Instances.replicaOf(primary, dir.resolve("primary"), dir.resolve("replica"));
        app = Instances.start(primary.getJdbcUrl("postgres", "postgres"), dir.resolve("data.key"), dir.resolve("app"),
                true, Map.of("fengqiao.read-replica.url", replica.getJdbcUrl("postgres", "postgres"),
                        "fengqiao.read-replica.username", "postgres",
                        "fengqiao.read-replica.max-lag", "3s",
                        "fengqiao.read-replica.check-interval", "200ms",
                        // a page waits this long for a connection before it answers 503
                        "spring.datasource.hikari.connection-timeout", "3000"));
        port = Instances.port(app);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (replica != null) {
            replica.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    @Order(1)
    void theReplicaStreamsFromThePrimary() {
        JdbcTemplate standby = new JdbcTemplate(replica.getPostgresDatabase());
        assertThat(standby.queryForObject("select pg_is_in_recovery()", Boolean.class)).isTrue();
        assertThat(new JdbcTemplate(primary.getPostgresDatabase())
                .queryForObject("select count(*) from pg_stat_replication where state = 'streaming'", Long.class))
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void reportsReadTheReplicaAndShowItsLagWhileTheCasePageReadsThePrimary() {
        Api api = new Api(port);
        SessionClient leader = SessionClient.signedInAs(port, "fq.intake");
        String header = awaitHeader(api, h -> h.startsWith("replica"));
        assertThat(header).contains("reason=in_step").contains("lag=");
        assertThat(leader.get("/dashboard").html()).contains("id=\"read-source\"").contains("只读副本");
        // the reports' connections are on the replica
        assertThat(new JdbcTemplate(replica.getPostgresDatabase()).queryForObject(
                "select count(*) from pg_stat_activity where application_name = 'fengqiao-reports'", Long.class))
                .isPositive();

        // the replica stops replaying for a moment: a new case is on the primary only
        JdbcTemplate standby = new JdbcTemplate(replica.getPostgresDatabase());
        standby.execute("select pg_wal_replay_pause()");
        try {
            Api.Response r = api.post("fq.intake", "/api/cases", aCase().without("regionCode").at(29.70, 120.465)
                    .titled("副本测试 " + System.nanoTime()).body());
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            assertThat(leader.get("/cases/" + r.get("id").asLong()).status())
                    .as("one's own write: the case page reads the primary").isEqualTo(200);

            String lagging = awaitHeader(api, h -> h.startsWith("primary"));
            assertThat(lagging).contains("reason=lagging");
            assertThat(leader.get("/dashboard").html()).contains("data-source=\"primary\"").contains("改读主库");
        } finally {
            standby.execute("select pg_wal_replay_resume()");
        }
        assertThat(awaitHeader(api, h -> h.startsWith("replica"))).contains("reason=in_step");
    }

    @Test
    @Order(3)
    void anUnreachableReplicaSendsReportsToThePrimary() throws Exception {
        replica.close();
        replica = null;
        Api api = new Api(port);
        assertThat(awaitHeader(api, h -> h.contains("unreachable"))).startsWith("primary");
        assertThat(api.get("fq.intake", "/api/analytics/summary").status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void anInstanceThatLosesItsDatabaseAnswers503AndRecoversByItself() throws Exception {
        SessionClient user = SessionClient.signedInAs(port, "fq.intake");
        int dbPort = primary.getPort();
        primary.close();
        try {
            SessionClient.Page down = user.get("/workbench");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.html()).contains("暂时无法服务").doesNotContain("Exception").doesNotContain("jdbc");
        } finally {
            primary = Instances.postgres(Map.of(), dir.resolve("primary"), dbPort);
        }
        int status = 0;
        for (int i = 0; i < 100 && status != 200; i++) {
            Thread.sleep(200);
            status = user.get("/workbench").status();
        }
        assertThat(status).as("the same session, served again once the database is back").isEqualTo(200);
    }

    private String awaitHeader(Api api, Predicate<String> wanted) {
        String header = "";
        for (int i = 0; i < 150; i++) {
            header = api.get("fq.intake", "/api/analytics/summary").raw().headers()
                    .firstValue("Fengqiao-Read-Source").orElse("");
            if (wanted.test(header)) {
                return header;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Fengqiao-Read-Source stayed " + header);
    }
}
