package org.fengqiao.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.fengqiao.cases.CaseEventsRecorded;
import org.fengqiao.deadlines.Deadlines;
import org.fengqiao.platform.ChinaTime;

/**
 * 临期提醒: reminds the handling unit when its deadline falls due in one working day — at office opening
 * (08:30 China time) on the working day before the deadline's last day. The module keeps the deadlines it
 * watches from the case events (assigned, transferred, reopened, extended; forgotten when the case is closed,
 * returned, escalated or merged), so it never reads the cases' tables. A case assigned when less than that is
 * left is not reminded: the new-case message already names the deadline.
 */
@Service
public class DeadlineReminders {

    private final JdbcClient jdbc;
    private final Deadlines deadlines;
    private final Recipients recipients;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final Clock clock;

    DeadlineReminders(JdbcClient jdbc, Deadlines deadlines, Recipients recipients,
                      Notifications notifications,
                      PlatformTransactionManager txm, Clock clock) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.recipients = recipients;
        this.notifications = notifications;
        this.tx = new TransactionTemplate(txm);
        this.clock = clock;
    }

    /** When the reminder for a deadline is due: office opening on the working day before its last day. */
    Instant remindAt(Instant due) {
        LocalDate day = Deadlines.lastDayOf(due).minusDays(1);
        while (!deadlines.calendar().isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return ChinaTime.officeOpens(day);
    }

    void watch(CaseEventsRecorded recorded, long unitId, Instant due, Instant at) {
        if (due == null) {
            forget(recorded.caseId());
            return;
        }
        Instant remind = remindAt(due);
        jdbc.sql("""
                insert into notification_deadline_watch (case_id, tracking_code, unit_id, due_at, remind_at, urgent,
                                                         reminded)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (case_id) do update set unit_id = excluded.unit_id, due_at = excluded.due_at,
                    remind_at = excluded.remind_at, urgent = excluded.urgent, reminded = excluded.reminded
                """).params(recorded.caseId(), recorded.trackingCode(), unitId, Timestamp.from(due),
                Timestamp.from(remind), recorded.urgent(), !remind.isAfter(at)).update();
    }

    void moved(long caseId, Instant due, Instant at) {
        Instant remind = remindAt(due);
        jdbc.sql("""
                update notification_deadline_watch set due_at = ?, remind_at = ?, reminded = ? where case_id = ?
                """).params(Timestamp.from(due), Timestamp.from(remind), !remind.isAfter(at), caseId).update();
    }

    void forget(long caseId) {
        jdbc.sql("delete from notification_deadline_watch where case_id = ?").param(caseId).update();
    }

    private record Watch(long caseId, String trackingCode, long unitId, Instant due, boolean urgent) {
    }

    /**
     * Sends the reminders that are due, each watch in its own transaction with its messages; a watch another
     * instance is reminding is skipped. Returns how many deadlines were reminded.
     */
    public int remindDue() {
        Instant now = clock.instant();
        int done = 0;
        for (long id : jdbc.sql("""
                select case_id from notification_deadline_watch where not reminded and remind_at <= ? and due_at > ?
                order by remind_at limit 500
                """).params(Timestamp.from(now), Timestamp.from(now)).query(Long.class).list()) {
            Boolean sent = tx.execute(status -> jdbc.sql("""
                            select case_id, tracking_code, unit_id, due_at, urgent from notification_deadline_watch
                            where case_id = ? and not reminded for update skip locked
                            """).param(id)
                    .query((rs, n) -> new Watch(rs.getLong(1), rs.getString(2), rs.getLong(3),
                            rs.getTimestamp(4).toInstant(), rs.getBoolean(5)))
                    .optional().map(w -> {
                        remind(w);
                        jdbc.sql("update notification_deadline_watch set reminded = true where case_id = ?")
                                .param(w.caseId()).update();
                        return true;
                    }).orElse(false));
            done += Boolean.TRUE.equals(sent) ? 1 : 0;
        }
        return done;
    }

    private void remind(Watch w) {
        List<Long> users = List.copyOf(recipients.of(w.unitId(), Recipients.HANDLING));
        for (long user : users) {
            notifications.send(new Notification("deadline:" + w.caseId() + ":" + w.due().toEpochMilli() + ":unit:"
                    + w.unitId() + ":user:" + user, NotificationKind.DEADLINE_SOON,
                    new Notification.Recipient.Staff(user),
                    Map.of("code", w.trackingCode(), "due", Texts.deadline(w.due())), w.caseId(), w.urgent()));
        }
    }
}
