package org.fengqiao.cases;

import static org.fengqiao.deadlines.DeadlineStep.CHASE;
import static org.fengqiao.deadlines.DeadlineStep.REPORT;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.fengqiao.deadlines.DeadlineSubject;
import org.fengqiao.deadlines.Deadlines;
import org.fengqiao.platform.ChinaTime;

/**
 * The platform's own steps on missed deadlines: mark the case overdue, chase the unit the working day after
 * (催办), report it publicly when the chase did not help (通报). The sweep works from the cases' state, not
 * from timers, so after any downtime the first sweep catches up on everything that fell due meanwhile.
 * Each case is handled in its own transaction; one failure does not hold up the rest.
 */
@Service
public class DeadlineSweep {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);
    private static final int BATCH = 200;

    /** How many cases each kind of step touched. */
    public record Result(int markedOverdue, int chased, int reported) {
        public int total() {
            return markedOverdue + chased + reported;
        }
    }

    private final CaseRepository repository;
    private final CaseRecords records;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Deadlines deadlines;
    private final TransactionTemplate tx;
    private final CaseRisk risk;
    private final Clock clock;

    DeadlineSweep(CaseRepository repository, CaseRecords records, MessageSource messages, JdbcClient jdbc,
                  Deadlines deadlines, PlatformTransactionManager txm, CaseRisk risk, Clock clock) {
        this.risk = risk;
        this.repository = repository;
        this.records = records;
        this.messages = messages;
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.tx = new TransactionTemplate(txm);
        this.clock = clock;
    }

    public Result run() {
        return run(() -> false);
    }

    /**
     * One sweep; {@code stopping} is asked before each case (the scheduler is shutting down: the rest waits for
     * the next sweep, on whichever instance). A database that cannot be reached ends the sweep at once instead of
     * failing case by case.
     */
    public Result run(BooleanSupplier stopping) {
        Tally tally = new Tally();
        try {
            sweep(clock.instant(), stopping, tally);
        } catch (Stopped e) {
            log.info("Deadline sweep stopped for shutdown after {} marked overdue, {} chased, {} reported",
                    tally.overdue, tally.chased, tally.reported);
        }
        Result result = new Result(tally.overdue, tally.chased, tally.reported);
        if (result.total() > 0) {
            log.info("Deadline sweep: {} marked overdue, {} chased, {} reported", tally.overdue, tally.chased,
                    tally.reported);
        }
        return result;
    }

    private static final class Tally {
        int overdue;
        int chased;
        int reported;
    }

    /** The sweep was asked to stop. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private void sweep(Instant now, BooleanSupplier stopping, Tally tally) {
        for (List<Long> ids = dueForOverdue(now); !ids.isEmpty(); ids = dueForOverdue(now)) {
            int before = tally.overdue;
            for (long id : ids) {
                tally.overdue += inTransaction(id, stopping, c -> {
                    Case.Act act = Case.Act.system(now);
                    if (!c.markOverdue(act)) {
                        return false;
                    }
                    risk.reassess(c, act);
                    return true;
                });
            }
            if (tally.overdue == before) {
                break;
            }
        }
        for (Candidate k : candidates("overdue_since is not null and chased_at is null")) {
            if (now.isBefore(chaseDue(k.subject(), k.overdueSince()))) {
                continue;
            }
            tally.chased += inTransaction(k.id(), stopping, c -> {
                if (c.overdueSince() == null || c.due().chasedAt() != null
                        || now.isBefore(chaseDue(CaseDeadlines.subject(c), c.overdueSince()))) {
                    return false;
                }
                long notice = notice(c, "CHASE", now, text("sweep.notice.chase", Deadlines.lastDayOf(c.overdueSince())));
                c.chase(notice, Case.Act.system(now));
                return true;
            });
        }
        for (Candidate k : candidates("chased_at is not null and reported_at is null")) {
            if (now.isBefore(reportDue(k.subject(), k.overdueSince()))) {
                continue;
            }
            tally.reported += inTransaction(k.id(), stopping, c -> {
                if (c.due().chasedAt() == null || c.due().reportedAt() != null
                        || now.isBefore(reportDue(CaseDeadlines.subject(c), c.overdueSince()))) {
                    return false;
                }
                long notice = notice(c, "REPORT", now, text("sweep.notice.report"));
                c.report(notice, Case.Act.system(now));
                return true;
            });
        }
    }

    /** When the chase for a missed deadline falls due: the start of the working day after its last day. */
    private Instant chaseDue(DeadlineSubject subject, Instant overdueSince) {
        return deadlines.triggerAfter(CHASE, subject, Deadlines.lastDayOf(overdueSince)).due();
    }

    /**
     * When the report falls due: working days after the day the chase fell due (not after the day it was
     * actually sent, so that a sweep after downtime does not push the report back).
     */
    private Instant reportDue(DeadlineSubject subject, Instant overdueSince) {
        return deadlines.triggerAfter(REPORT, subject, ChinaTime.dateOf(chaseDue(subject, overdueSince))).due();
    }

    private List<Long> dueForOverdue(Instant now) {
        return jdbc.sql("""
                select id from cases
                where status in ('ASSIGNED', 'IN_PROGRESS') and overdue_since is null
                  and (handle_due_at <= :now or (status = 'ASSIGNED' and accept_due_at <= :now))
                order by id limit :batch
                """).param("now", CaseSql.ts(now)).param("batch", BATCH).query(Long.class).list();
    }

    private record Candidate(long id, Instant overdueSince, DeadlineSubject subject) {
    }

    private List<Candidate> candidates(String condition) {
        return jdbc.sql("select id, overdue_since, channel, kind, category_code, urgent from cases"
                        + " where status in ('ASSIGNED', 'IN_PROGRESS') and " + condition + " order by id")
                .query((rs, n) -> new Candidate(rs.getLong("id"), CaseSql.instant(rs, "overdue_since"),
                        new DeadlineSubject(rs.getString("channel"), rs.getString("kind"), rs.getString("category_code"),
                                rs.getBoolean("urgent"))))
                .list();
    }

    private long notice(Case c, String kind, Instant now, String message) {
        Long unit = c.handlingUnit() != null ? c.handlingUnit() : c.ownerUnit();
        return records.notice(c.id().value(), kind, unit, now, null, message, null);
    }

    /** A notice's text, in the language of the record: Chinese. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private interface CaseStep {
        boolean apply(Case c);
    }

    private int inTransaction(long id, BooleanSupplier stopping, CaseStep step) {
        if (stopping.getAsBoolean()) {
            throw new Stopped();
        }
        try {
            Boolean changed = tx.execute(status -> repository.loadForSystem(id).map(c -> {
                if (!step.apply(c)) {
                    return false;
                }
                repository.update(c);
                return true;
            }).orElse(false));
            return Boolean.TRUE.equals(changed) ? 1 : 0;
        } catch (CannotCreateTransactionException e) {
            throw e; // no database: the next sweep starts again from the cases' state
        } catch (RuntimeException e) {
            log.warn("Deadline sweep could not update case {}: {}", id, e.toString());
            return 0;
        }
    }
}
