package org.fengqiao.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fengqiao.cases.CaseStatus;

/**
 * What a restarted platform must still hold, read by SQL from its embedded PostgreSQL: every acknowledged case
 * with every acknowledged event, no case without its registration event, and every deadline that passed before
 * the restart marked as missed once the first deadline sweep after the restart has run.
 */
final class CrashCheck {

    /** What one check found missing; all zero when the platform kept its word. */
    record Findings(int casesLost, int eventsLost, int casesWithoutRegistration, int deadlineMarksMissing) {
        boolean clean() {
            return casesLost == 0 && eventsLost == 0 && casesWithoutRegistration == 0 && deadlineMarksMissing == 0;
        }
    }

    /** The statuses whose deadlines run. */
    private static final java.util.function.Predicate<CaseStatus> RUNNING =
            st -> st == CaseStatus.ASSIGNED || st == CaseStatus.IN_PROGRESS;

    private CrashCheck() {
    }

    static Connection connect(int databasePort) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres", "postgres", "");
    }

    /** Moves the acceptance deadline of these cases into the past, as if it had passed while the platform was down. */
    static int backdateAcceptance(Connection db, List<Long> ids) throws SQLException {
        // behind the platform's back on purpose, as downtime would leave it: the one write outside the contract
        try (PreparedStatement s = db.prepareStatement("update cases set accept_due_at = now() - interval '1 minute'"
                + " where id = any(?) and " + CaseStatus.sqlIn("status", st -> st == CaseStatus.ASSIGNED)
                + " and overdue_since is null")) {
            s.setArray(1, db.createArrayOf("bigint", ids.toArray()));
            return s.executeUpdate();
        }
    }

    /** When the deadline sweep last finished successfully, if ever. */
    static Instant lastSweep(Connection db) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(
                "select last_success from scheduled_tasks where task_name = 'deadline-sweep'");
             ResultSet rs = s.executeQuery()) {
            Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
            return t == null ? Instant.EPOCH : t.toInstant();
        }
    }

    static Findings check(Connection db, Map<Long, Set<String>> acknowledged, List<Long> backdated,
                          Instant restartedAt) throws SQLException {
        Map<Long, Set<String>> stored = new HashMap<>();
        List<Long> ids = new ArrayList<>(acknowledged.keySet());
        try (PreparedStatement s = db.prepareStatement("select c.id, e.type from case_report c left join case_event_report e"
                + " on e.case_id = c.id where c.id = any(?)")) {
            s.setArray(1, db.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Set<String> types = stored.computeIfAbsent(rs.getLong(1), k -> new HashSet<>());
                    if (rs.getString(2) != null) {
                        types.add(rs.getString(2));
                    }
                }
            }
        }
        int casesLost = 0;
        int eventsLost = 0;
        for (Map.Entry<Long, Set<String>> ack : acknowledged.entrySet()) {
            Set<String> have = stored.get(ack.getKey());
            if (have == null) {
                casesLost++;
                eventsLost += ack.getValue().size();
            } else {
                eventsLost += (int) ack.getValue().stream().filter(t -> !have.contains(t)).count();
            }
        }
        int withoutRegistration = count(db, "select count(*) from case_report c where not exists (select 1"
                + " from case_event_report e where e.case_id = c.id and e.type = 'CaseRegistered')", null);
        // a deadline that had passed at the restart must be marked (overdue_since and its DeadlineMissed event)
        int unmarked = count(db, "select count(*) from case_report where " + CaseStatus.sqlIn("status", RUNNING)
                + " and overdue_since is null and (handle_due_at <= ? or ("
                + CaseStatus.sqlIn("status", st -> st == CaseStatus.ASSIGNED) + " and accept_due_at <= ?))",
                restartedAt);
        int backdatedWithoutMark = 0;
        if (!backdated.isEmpty()) {
            try (PreparedStatement s = db.prepareStatement("select count(*) from case_report c where c.id = any(?)"
                    + " and " + CaseStatus.sqlIn("c.status", RUNNING) + " and not exists (select 1"
                    + " from case_event_report e where e.case_id = c.id and e.type = 'DeadlineMissed')")) {
                s.setArray(1, db.createArrayOf("bigint", backdated.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    backdatedWithoutMark = rs.getInt(1);
                }
            }
        }
        return new Findings(casesLost, eventsLost, withoutRegistration, unmarked + backdatedWithoutMark);
    }

    private static int count(Connection db, String sql, Instant at) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            if (at != null) {
                s.setTimestamp(1, Timestamp.from(at));
                s.setTimestamp(2, Timestamp.from(at));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
