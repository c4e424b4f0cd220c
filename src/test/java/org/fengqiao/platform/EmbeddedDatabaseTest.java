package org.fengqiao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL of a real deployment runs with full durability, and a committed row survives the
 * server being killed outright.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    EmbeddedDatabaseConfiguration config = new EmbeddedDatabaseConfiguration();

    @Test
    void theProductionDatabaseSyncsEveryCommit() throws Exception {
        try (EmbeddedPostgres pg = config.embeddedPostgres(new DatabaseProperties(dataDir, false, null, null))) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                assertThat(show(s, "fsync")).isEqualTo("on");
                assertThat(show(s, "synchronous_commit")).isEqualTo("on");
                assertThat(show(s, "full_page_writes")).isEqualTo("on");
            }
        }
    }

    @Test
    void theProductionDatabaseCachesAQuarterOfTheMachineWithinBounds() throws Exception {
        long gib = 1024L * 1024 * 1024;
        assertThat(EmbeddedDatabaseConfiguration.sharedBuffersMegabytes(false, 4 * gib)).isEqualTo(1024);
        assertThat(EmbeddedDatabaseConfiguration.sharedBuffersMegabytes(false, 24 * gib)).isEqualTo(2048);
        assertThat(EmbeddedDatabaseConfiguration.sharedBuffersMegabytes(false, gib / 2)).isEqualTo(256);
        assertThat(EmbeddedDatabaseConfiguration.sharedBuffersMegabytes(false, 0)).as("memory unknown").isEqualTo(256);
        assertThat(EmbeddedDatabaseConfiguration.sharedBuffersMegabytes(true, 24 * gib)).as("throw-away").isEqualTo(256);
        try (EmbeddedPostgres pg = config.embeddedPostgres(new DatabaseProperties(dataDir, false, null,
                java.util.Map.of("shared_buffers", "200MB")))) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                assertThat(show(s, "shared_buffers")).as("a setting overrides the default").isEqualTo("200MB");
            }
        }
    }

    @Test
    void aCommittedRowSurvivesTheServerBeingKilled() throws Exception {
        DatabaseProperties props = new DatabaseProperties(dataDir, false, null, null);
        EmbeddedPostgres first = config.embeddedPostgres(props);
        DataSource ds = first.getPostgresDatabase();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table acknowledged (code text primary key)");
            s.execute("insert into acknowledged values ('330681-20261120-001000-0')");
        }
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).getFirst().trim());
        new ProcessBuilder("kill", "-KILL", Long.toString(pid)).start().waitFor();
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        try {
            first.close();
        } catch (Exception expected) {
            // stopping fails: the server is already dead; closing releases the data directory's lock
        }
        try (EmbeddedPostgres second = config.embeddedPostgres(props);
             Connection c = second.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select code from acknowledged")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("330681-20261120-001000-0");
        }
    }

    private static String show(Statement s, String setting) throws Exception {
        try (ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
