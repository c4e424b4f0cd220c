package org.fengqiao.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fengqiao.support.Cases.aCase;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.ObjectMapper;

import org.fengqiao.crypto.DataKeys;
import org.fengqiao.crypto.PersonalData;
import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;

/**
 * A backup restored into an empty database of the same release holds every row of every table (attachments and
 * the sealed personal data included) and the sequences; it carries the key's fingerprint, never the key; a backup
 * made with another key is refused with nothing changed.
 */
@IntegrationTest
class DatabaseBackupTest {

    static final String TARGET = "backup_round_trip";

    @LocalServerPort
    int port;

    @Autowired
    DatabaseBackup backups;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personal;

    @Autowired
    ObjectMapper json;

    PGSimpleDataSource target;

    @BeforeEach
    void emptyDatabaseOfTheSameRelease() throws Exception {
        jdbc.sql("drop database if exists " + TARGET).update();
        jdbc.sql("create database " + TARGET).update();
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        target = new PGSimpleDataSource();
        target.setUrl(url.replaceFirst("/[^/?]+(\\?|$)", "/" + TARGET + "$1"));
        target.setUser("postgres");
        Flyway.configure().dataSource(target).locations("classpath:db/migration").load().migrate();
    }

    @AfterEach
    void dropIt() {
        jdbc.sql("drop database if exists " + TARGET + " with (force)").update();
    }

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseHoldsEveryRowAndSequence() throws Exception {
        Api api = new Api(port);
        long id = api.post("fq.intake", "/api/cases", aCase().titled("备份往返测试的纠纷")
                .party("APPLICANT", "诸葛亮", "13707310001", null).body()).get("id").asLong();
        String part = "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"note.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n双方同意调解，记录在案。\r\n--B--\r\n";
        assertThat(api.postRaw("fq.intake", "/api/cases/" + id + "/attachments", part.getBytes(StandardCharsets.UTF_8),
                "multipart/form-data; boundary=B").status()).isEqualTo(201);

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DatabaseBackup.Manifest written = backups.write(file);
        Map<String, String> before = fingerprints(JdbcClient.create(dataSource), written);

        DatabaseBackup.Manifest restored = backups.restore(new ByteArrayInputStream(file.toByteArray()), target);

        assertThat(restored.tables()).extracting(DatabaseBackup.Table::name)
                .contains("cases", "case_party", "case_event", "case_attachment", "audit_log", "data_key_check")
                .doesNotContain("flyway_schema_history", "case_event_default", "audit_log_default"); // partitions: in their table
        assertThat(fingerprints(JdbcClient.create(target), written)).isEqualTo(before);
        assertThat(JdbcClient.create(target).sql("select last_value from case_id_seq").query(Long.class).single())
                .isEqualTo(written.sequences().get("case_id_seq"));
        assertThat(written.keyFingerprint()).isEqualTo(personal.keys().fingerprint());
        // the sequences used are where they were; those never used when the backup was made start afresh
        assertThat(JdbcClient.create(target).sql("""
                select sequencename, last_value from pg_sequences where schemaname = 'public' and last_value is not null
                """).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list())
                .containsExactlyInAnyOrderElementsOf(written.sequences().entrySet());
    }

    @Test
    void aBackupHoldsTheKeysFingerprintButNeitherTheKeyNorClearPersonalData() throws Exception {
        new Api(port).post("fq.intake", "/api/cases", aCase().party("APPLICANT", "黄月英", "13707310002", null).body());
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        backups.write(file);
        String all = new String(unzipped(file.toByteArray()), StandardCharsets.ISO_8859_1);
        String utf8 = new String(unzipped(file.toByteArray()), StandardCharsets.UTF_8);

        DataKeys keys = personal.keys();
        assertThat(all).doesNotContain(Base64.getEncoder().encodeToString(keys.indexSecret()));
        keys.versions().values().forEach(secret ->
                assertThat(all).doesNotContain(Base64.getEncoder().encodeToString(secret)));
        assertThat(utf8).doesNotContain("黄月英").doesNotContain("13707310002");
        assertThat(backups.manifest(new ByteArrayInputStream(file.toByteArray())).keyFingerprint())
                .isEqualTo(keys.fingerprint());
    }

    @Test
    void aBackupMadeWithAnotherKeyIsRefusedAndNothingChanges() throws Exception {
        DatabaseBackup otherKey = new DatabaseBackup(dataSource, new PersonalData(DataKeys.generate()), json,
                Clock.systemUTC());
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        otherKey.write(file);
        long categories = JdbcClient.create(target).sql("select count(*) from category").query(Long.class).single();

        assertThatThrownBy(() -> backups.restore(new ByteArrayInputStream(file.toByteArray()), target))
                .isInstanceOf(DatabaseBackup.Refused.class).hasMessageContaining("fingerprint");
        assertThat(JdbcClient.create(target).sql("select count(*) from category").query(Long.class).single())
                .isEqualTo(categories);
        assertThat(JdbcClient.create(target).sql("select count(*) from case_party").query(Long.class).single()).isZero();
    }

    /** Per table, a digest of all its rows (order-free). */
    private static Map<String, String> fingerprints(JdbcClient db, DatabaseBackup.Manifest m) {
        Map<String, String> digests = new LinkedHashMap<>();
        for (DatabaseBackup.Table t : m.tables()) {
            digests.put(t.name(), db.sql("select count(*) || ':' || coalesce(md5(string_agg(md5(t::text), ',' "
                    + "order by md5(t::text))), '') from \"" + t.name() + "\" t").query(String.class).single());
        }
        return digests;
    }

    private static byte[] unzipped(byte[] zip) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                in.transferTo(all);
            }
        }
        return all.toByteArray();
    }
}
