package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.fengqiao.audit.AuditChain;
import org.fengqiao.cases.EventChains;
import org.fengqiao.platform.RecordChain;

/**
 * Computes the hash chains (V40) of the case events and audit entries stored before them, with the same code
 * that writes and verifies them, so an existing database verifies from the start; then makes the hashes
 * required. The immutability triggers are off only inside this migration's transaction.
 */
public class V41__Record_chains extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("alter table case_event disable trigger case_event_immutable");
            s.execute("alter table audit_log disable trigger audit_log_immutable");
        }
        chainCaseEvents(c);
        chainAuditLog(c);
        try (Statement s = c.createStatement()) {
            s.execute("alter table case_event enable trigger case_event_immutable");
            s.execute("alter table audit_log enable trigger audit_log_immutable");
            s.execute("alter table case_event alter column hash set not null, alter column recorded_at set not null");
            s.execute("alter table audit_log alter column hash set not null");
            s.execute("create index case_event_recorded_idx on case_event using brin (recorded_at)");
        }
    }

    private static void chainCaseEvents(Connection c) throws Exception {
        try (PreparedStatement select = c.prepareStatement("""
                     select id, case_id, type, occurred_at, actor_user_id, actor_unit_id, from_status, to_status, reason,
                            data::text from case_event order by case_id, id""");
             PreparedStatement event = c.prepareStatement(
                     "update case_event set hash = ?, recorded_at = occurred_at where id = ?");
             PreparedStatement tip = c.prepareStatement("update cases set last_event_hash = ? where id = ?")) {
            select.setFetchSize(1000);
            long caseId = -1;
            byte[] previous = RecordChain.GENESIS;
            int pending = 0;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(2);
                    if (id != caseId) {
                        if (caseId >= 0) {
                            tip.setBytes(1, previous);
                            tip.setLong(2, caseId);
                            tip.addBatch();
                        }
                        caseId = id;
                        previous = RecordChain.GENESIS;
                    }
                    previous = RecordChain.link(previous, EventChains.content(id, rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), (Long) rs.getObject(5),
                            (Long) rs.getObject(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10)));
                    event.setBytes(1, previous);
                    event.setLong(2, rs.getLong(1));
                    event.addBatch();
                    if (++pending == 1000) {
                        event.executeBatch();
                        tip.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (caseId >= 0) {
                tip.setBytes(1, previous);
                tip.setLong(2, caseId);
                tip.addBatch();
            }
            event.executeBatch();
            tip.executeBatch();
        }
    }

    private static void chainAuditLog(Connection c) throws Exception {
        byte[] previous = RecordChain.GENESIS;
        Long lastId = null;
        try (PreparedStatement select = c.prepareStatement("""
                     select id, occurred_at, user_id, unit_id, action, case_id, subject, detail::text
                     from audit_log order by id""");
             PreparedStatement update = c.prepareStatement("update audit_log set hash = ? where id = ?")) {
            select.setFetchSize(1000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    previous = RecordChain.link(previous, AuditChain.content(
                            rs.getObject(2, OffsetDateTime.class).toInstant(), (Long) rs.getObject(3),
                            (Long) rs.getObject(4), rs.getString(5), (Long) rs.getObject(6), rs.getString(7),
                            rs.getString(8)));
                    lastId = rs.getLong(1);
                    update.setBytes(1, previous);
                    update.setLong(2, lastId);
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
        try (PreparedStatement head = c.prepareStatement(
                "insert into audit_chain_head (id, last_id, hash) values (1, ?, ?)")) {
            head.setObject(1, lastId);
            head.setBytes(2, previous);
            head.execute();
        }
    }
}
