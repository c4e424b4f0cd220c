package org.fengqiao.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.fengqiao.platform.RecordChain;
import org.fengqiao.platform.RecordChain.Break;

/**
 * The hash chain of the audit log: one chain over all entries in id order, its newest hash kept in the single
 * row of {@code audit_chain_head}, which {@link AuditLog} locks while it appends (so entries are chained one at
 * a time, in the order of their ids). This class recomputes the chain and names the first broken link; after
 * years were archived ({@link AuditArchive}) it starts from the newest archived year's last hash.
 */
@Service
public class AuditChain {

    private final JdbcTemplate template;
    private final TransactionTemplate transactions;

    /** Public for the test of the migration (V41) that chains the entries stored before. */
    public AuditChain(DataSource dataSource, TransactionTemplate transactions) {
        this.template = new JdbcTemplate(dataSource);
        this.template.setFetchSize(1000);
        this.transactions = transactions;
    }

    /** The canonical content of one entry, as hashed when it is written and when it is verified. */
    public static byte[] content(Instant occurredAt, Long userId, Long unitId, String action, Long caseId,
                                 String subject, String detailJson) {
        return RecordChain.content("audit_log").time(occurredAt).number(userId).number(unitId).text(action)
                .number(caseId).text(subject).json(detailJson).bytes();
    }

    /** The first broken link of the audit chain, or empty when it verifies. */
    public Optional<Break> verify() {
        Walk walk = new Walk();
        // archived years (AuditArchive) leave the hash of their last entry: the kept entries continue from it
        walk.previous = template.query("select last_hash from audit_archive order by last_id desc limit 1",
                rs -> rs.next() ? rs.getBytes(1) : RecordChain.GENESIS);
        transactions.executeWithoutResult(s -> template.query("""
                select id, occurred_at, user_id, unit_id, action, case_id, subject, detail::text as detail, hash
                from audit_log order by id
                """, walk));
        if (walk.broken == null) {
            byte[] head = template.query("select hash from audit_chain_head where id = 1",
                    rs -> rs.next() ? rs.getBytes(1) : null);
            if (!Arrays.equals(walk.previous, head)) {
                walk.broken = new Break("audit", null, null, "records.break.tip", RecordChain.hex(walk.previous),
                        RecordChain.hex(head));
            }
        }
        return Optional.ofNullable(walk.broken);
    }

    private static final class Walk implements RowCallbackHandler {
        Break broken;
        byte[] previous = RecordChain.GENESIS;

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            if (broken != null) {
                return;
            }
            byte[] expected = RecordChain.link(previous, content(
                    rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), (Long) rs.getObject("user_id"),
                    (Long) rs.getObject("unit_id"), rs.getString("action"), (Long) rs.getObject("case_id"),
                    rs.getString("subject"), rs.getString("detail")));
            byte[] stored = rs.getBytes("hash");
            if (!Arrays.equals(expected, stored)) {
                broken = new Break("audit", null, rs.getLong("id"),
                        stored == null ? "records.break.missing" : "records.break.event",
                        RecordChain.hex(expected), RecordChain.hex(stored));
            }
            previous = stored;
        }
    }
}
