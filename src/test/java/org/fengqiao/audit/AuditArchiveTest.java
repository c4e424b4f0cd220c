package org.fengqiao.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import org.fengqiao.platform.RecordChain;
import org.fengqiao.support.IntegrationTest;

/**
 * Archiving the audit log's old years (V90 partitions, V91 anchors): refused while retained, out of order or
 * interleaved; otherwise the year's entries are in the file, gone from the database, and the kept entries' chain
 * still verifies. Done in a schema of its own with a fixed clock, dropped after.
 */
@IntegrationTest
class AuditArchiveTest {

    static final String SCHEMA = "audit_archive_test";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T02:00:00Z"), ZoneOffset.UTC);

    @Autowired
    DataSource dataSource;

    @TempDir
    Path dir;

    @Test
    void oldYearsAreArchivedOldestFirstAndTheKeptChainVerifiesFromTheirAnchor() throws Exception {
        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).load().migrate();
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("set search_path = " + SCHEMA);
            SingleConnectionDataSource schema = new SingleConnectionDataSource(c, true);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(schema));
            JdbcClient jdbc = JdbcClient.create(schema);
            jdbc.sql("select ensure_history_partitions(2019, 2020)").query(Integer.class).single();
            List<byte[]> hashes = chain(jdbc, "2019-03-01T08:00:00+08", "2019-07-01T08:00:00+08",
                    "2019-12-31T23:30:00+08", "2020-05-01T08:00:00+08", "2020-06-01T08:00:00+08",
                    "2026-11-01T08:00:00+08");
            AuditArchive archive = new AuditArchive(schema, tx, CLOCK, Period.ofYears(1));
            AuditChain chain = new AuditChain(schema, tx);
            assertThat(chain.verify()).isEmpty();

            assertThatThrownBy(() -> archive.archive(2025, dir.resolve("2025.zip")))
                    .hasMessage("records.archive.retained");
            assertThatThrownBy(() -> archive.archive(2020, dir.resolve("2020.zip")))
                    .hasMessage("records.archive.olderFirst");
            assertThat(dir.resolve("2020.zip")).doesNotExist();

            Path file = dir.resolve("2019.zip");
            AuditArchive.Archived done = archive.archive(2019, file);

            assertThat(done.entries()).isEqualTo(3);
            assertThat(done.lastHash()).isEqualTo(RecordChain.hex(hashes.get(2)));
            assertThat(done.fileSm3()).isEqualTo(sm3(Files.readAllBytes(file)));
            assertThat(entries(file)).containsExactly("manifest.properties", "audit_log.copy");
            assertThat(jdbc.sql("select count(*) from audit_log").query(Long.class).single()).isEqualTo(3);
            assertThat(jdbc.sql("select to_regclass('audit_log_y2019') is null").query(Boolean.class).single()).isTrue();
            assertThat(chain.verify()).as("the kept chain continues from the archived year's last hash").isEmpty();
            assertThatThrownBy(() -> archive.archive(2019, dir.resolve("again.zip")))
                    .hasMessage("records.archive.noPartition");

            // an entry written late with an old year's time: that year can no longer be cut off from the chain
            chain(jdbc, "2020-12-01T08:00:00+08");
            assertThatThrownBy(() -> archive.archive(2020, dir.resolve("2020.zip")))
                    .hasMessage("records.archive.interleaved");
            assertThat(chain.verify()).isEmpty();
            c.createStatement().execute("set search_path = public");
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("drop schema " + SCHEMA + " cascade");
            }
        }
    }

    /** Appends chained entries at the given times, as AuditLog does; returns their hashes. */
    private static List<byte[]> chain(JdbcClient jdbc, String... times) {
        List<byte[]> hashes = new ArrayList<>();
        for (String time : times) {
            Instant at = java.time.OffsetDateTime.parse(time.replace("+08", "+08:00")).toInstant();
            byte[] previous = jdbc.sql("select hash from audit_chain_head where id = 1").query(byte[].class).single();
            byte[] hash = RecordChain.link(previous,
                    AuditChain.content(at, null, null, "EXPORT_CASES", null, "ledger", "{\"rows\": 1}"));
            long id = jdbc.sql("""
                    insert into audit_log (occurred_at, action, subject, detail, hash)
                    values (?, 'EXPORT_CASES', 'ledger', cast('{"rows": 1}' as jsonb), ?) returning id
                    """).params(at.atOffset(ZoneOffset.UTC), hash).query(Long.class).single();
            jdbc.sql("update audit_chain_head set last_id = ?, hash = ? where id = 1").params(id, hash).update();
            hashes.add(hash);
        }
        return hashes;
    }

    private static List<String> entries(Path file) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                if (e.getName().equals("manifest.properties")) {
                    assertThat(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).contains("year=2019",
                            "entries=3");
                }
            }
        }
        return names;
    }

    private static String sm3(byte[] bytes) {
        SM3Digest sm3 = new SM3Digest();
        sm3.update(bytes, 0, bytes.length);
        byte[] out = new byte[32];
        sm3.doFinal(out, 0);
        return RecordChain.hex(out);
    }
}
