package org.fengqiao.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.io.DigestOutputStream;
import org.bouncycastle.util.io.TeeOutputStream;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.RecordChain;

/**
 * Archives a year of the audit log once the whole year is past the retention ({@code fengqiao.audit.retention}):
 * the year's partition (V90) is written to a file — its rows as PostgreSQL's binary {@code COPY}, beside a short
 * manifest — and then dropped, leaving an anchor in {@code audit_archive} (V91) from which the kept entries' chain
 * verifies ({@link AuditChain}). Years go oldest first and only as a whole: the year's entries must all be older
 * (by id) than every kept one, or the chain could not continue from its anchor. The file is complete and forced
 * to disk before the partition is dropped, in the same transaction as the anchor.
 */
@Service
public class AuditArchive {

    /** A refusal; {@code key} names its text in the records bundle, {@code args} fill it. */
    public static final class Refused extends RuntimeException {
        private final String key;
        private final transient Object[] args;

        Refused(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    /** What an archiving did: the year, the ids and entries it held, the chain's anchor and the file's SM3. */
    public record Archived(int year, long firstId, long lastId, long entries, String lastHash, String fileSm3) {
    }

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Period retention;

    @Autowired
    AuditArchive(DataSource dataSource, TransactionTemplate transactions, Clock clock, AuditProperties properties) {
        this(dataSource, transactions, clock, properties.retention());
    }

    /** Public for tests that archive in a schema of their own. */
    public AuditArchive(DataSource dataSource, TransactionTemplate transactions, Clock clock, Period retention) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.clock = clock;
        this.retention = retention;
    }

    /** Writes the year's audit entries to {@code file} (which must not exist) and drops them from the database. */
    public Archived archive(int year, Path file) {
        Instant start = LocalDate.of(year, 1, 1).atStartOfDay(ChinaTime.ZONE).toInstant();
        Instant end = LocalDate.of(year + 1, 1, 1).atStartOfDay(ChinaTime.ZONE).toInstant();
        if (LocalDate.of(year + 1, 1, 1).atStartOfDay(ChinaTime.ZONE).plus(retention).toInstant()
                .isAfter(clock.instant())) {
            throw new Refused("records.archive.retained", year, retention.toString());
        }
        if (Files.exists(file)) {
            throw new Refused("records.archive.fileExists");
        }
        String partition = "audit_log_y" + year;
        return transactions.execute(status -> {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("select hash from audit_chain_head where id = 1 for update").query(byte[].class).optional();
            if (!jdbc.sql("select to_regclass(?) is not null").param(partition).query(Boolean.class).single()) {
                throw new Refused("records.archive.noPartition", year);
            }
            if (jdbc.sql("select exists (select 1 from audit_log where occurred_at < ?)")
                    .param(start.atOffset(ZoneOffset.UTC)).query(Boolean.class).single()) {
                throw new Refused("records.archive.olderFirst", year);
            }
            Span span = jdbc.sql("select min(id), max(id), count(*) from " + partition)
                    .query((rs, n) -> new Span(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
            if (span.entries() == 0) {
                throw new Refused("records.archive.empty", year);
            }
            if (jdbc.sql("select exists (select 1 from audit_log where occurred_at >= ? and id < ?)")
                    .param(end.atOffset(ZoneOffset.UTC)).param(span.lastId()).query(Boolean.class).single()) {
                throw new Refused("records.archive.interleaved", year);
            }
            byte[] lastHash = jdbc.sql("select hash from " + partition + " where id = ?").param(span.lastId())
                    .query(byte[].class).single();
            String sm3 = write(partition, year, span, lastHash, file);
            jdbc.sql("""
                    insert into audit_archive (year, first_id, last_id, entries, last_hash, file_sm3, archived_at)
                    values (?, ?, ?, ?, ?, ?, ?)
                    """).params(year, span.firstId(), span.lastId(), span.entries(), lastHash, sm3,
                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
            jdbc.sql("alter table audit_log detach partition " + partition).update();
            jdbc.sql("drop table " + partition).update();
            return new Archived(year, span.firstId(), span.lastId(), span.entries(), RecordChain.hex(lastHash), sm3);
        });
    }

    private record Span(long firstId, long lastId, long entries) {
    }

    /** The zip: a manifest, then the rows in id order as binary COPY; returns the SM3 of the whole file. */
    private String write(String partition, int year, Span span, byte[] lastHash, Path file) {
        Connection c = DataSourceUtils.getConnection(dataSource); // the transaction's own connection
        SM3Digest sm3 = new SM3Digest();
        try (OutputStream raw = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
             ZipOutputStream zip = new ZipOutputStream(new TeeOutputStream(raw, new DigestOutputStream(sm3)))) {
            zip.putNextEntry(new ZipEntry("manifest.properties"));
            zip.write(("""
                    format=fengqiao-audit-archive-1
                    year=%d
                    first_id=%d
                    last_id=%d
                    entries=%d
                    last_hash=%s
                    columns=id,occurred_at,user_id,unit_id,action,case_id,subject,detail,hash
                    """.formatted(year, span.firstId(), span.lastId(), span.entries(), RecordChain.hex(lastHash)))
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("audit_log.copy"));
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("""
                    copy (select id, occurred_at, user_id, unit_id, action, case_id, subject, detail, hash
                          from %s order by id) to stdout (format binary)""".formatted(partition), zip);
            zip.closeEntry();
            zip.finish();
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("writing the archive failed; nothing was dropped", e);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            throw new IllegalStateException("the archive could not be forced to disk; nothing was dropped", e);
        }
        byte[] digest = new byte[sm3.getDigestSize()];
        sm3.doFinal(digest, 0);
        return RecordChain.hex(digest);
    }
}
