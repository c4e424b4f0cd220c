package org.fengqiao.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.fengqiao.cases.CaseStatus;
import org.fengqiao.platform.ChinaTime;

/**
 * Keeps the daily rollup ({@code analytics_daily_rollup}, V100) in step with the cases: every
 * {@code fengqiao.analytics.rollup-interval} (default 10 minutes, {@link RollupSchedule}, on one instance of a
 * cluster) it recomputes the (day, village) groups of the cases that have events since the last refresh, read from
 * the reporting views; an empty rollup is rebuilt month by month. Each batch is deleted and inserted in one
 * transaction, so a refresh that stops half-way leaves every group whole and the next one finishes it; running
 * it twice changes nothing. The event mark is stored in the database, so any instance can take over. Events are
 * reread from {@value #LATE_EVENTS} ids before the mark: an event whose id was taken before the mark but committed
 * after the refresh read it is not missed (as {@code CaseLists.changeMark} does).
 */
@Service
public class DailyRollups {

    private static final Logger log = LoggerFactory.getLogger(DailyRollups.class);

    static final int LATE_EVENTS = 1_000;
    /** (day, village) groups recomputed per transaction. */
    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration interval;

    DailyRollups(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
                 @Value("${fengqiao.analytics.rollup-interval:10m}") Duration interval) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.interval = interval;
    }

    /** How far the rollup has read the events, and when. */
    public record State(long eventMark, Instant refreshedAt) {
    }

    public Duration interval() {
        return interval;
    }

    public Optional<State> state() {
        return jdbc.sql("select event_mark, refreshed_at from analytics_rollup_state")
                .query((rs, n) -> new State(rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Brings the rollup up to date with the cases; how many (day, village) groups it recomputed (or days rebuilt). */
    public int refresh() {
        Instant at = clock.instant();
        // the mark is read before the cases: a change after it is read next time
        long mark = jdbc.sql("select coalesce(max(id), 0) from case_event_report").query(Long.class).single();
        Optional<State> state = state();
        boolean empty = jdbc.sql("select not exists (select 1 from analytics_daily_rollup)").query(Boolean.class).single();
        int done = state.isEmpty() || empty ? rebuild() : recompute(state.get().eventMark());
        tx.executeWithoutResult(s -> jdbc.sql("""
                        insert into analytics_rollup_state (id, event_mark, refreshed_at) values (1, :mark, :at)
                        on conflict (id) do update set event_mark = excluded.event_mark, refreshed_at = excluded.refreshed_at
                        """).param("mark", mark).param("at", at.atOffset(ZoneOffset.UTC)).update());
        log.debug("Daily rollup refreshed: {} groups, event mark {}", done, mark);
        return done;
    }

    /** Rebuilds the whole rollup, one month of registrations per transaction. */
    private int rebuild() {
        LocalDate[] span = jdbc.sql("select min(registered_at), max(registered_at) from case_report")
                .query((rs, n) -> rs.getObject(1) == null ? null : new LocalDate[] {
                        ChinaTime.dateOf(rs.getObject(1, java.time.OffsetDateTime.class).toInstant()),
                        ChinaTime.dateOf(rs.getObject(2, java.time.OffsetDateTime.class).toInstant())}).single();
        // without a state the summaries are counted live until the rebuild is done
        tx.executeWithoutResult(s -> {
            jdbc.sql("delete from analytics_rollup_state").update();
            jdbc.sql("delete from analytics_daily_rollup").update();
        });
        if (span == null) {
            return 0;
        }
        int days = 0;
        for (LocalDate month = span[0].withDayOfMonth(1); !month.isAfter(span[1]); month = month.plusMonths(1)) {
            LocalDate from = month;
            LocalDate to = month.plusMonths(1);
            tx.executeWithoutResult(s -> jdbc.sql(insert("",
                            "c.registered_at >= :from and c.registered_at < :to"))
                    .param("from", ChinaTime.startOf(from).atOffset(ZoneOffset.UTC))
                    .param("to", ChinaTime.startOf(to).atOffset(ZoneOffset.UTC)).update());
            days += (int) java.time.temporal.ChronoUnit.DAYS.between(from, to);
        }
        return days;
    }

    /** Recomputes the groups of the cases with events after {@code mark} (less the late ones). */
    private int recompute(long mark) {
        record Group(LocalDate day, String region) {
        }
        List<Group> groups = jdbc.sql("""
                        select distinct cast(c.registered_at at time zone 'Asia/Shanghai' as date), c.region_code
                        from case_report c
                        where c.id in (select e.case_id from case_event_report e where e.id > :since)
                        """).param("since", mark - LATE_EVENTS)
                .query((rs, n) -> new Group(rs.getObject(1, LocalDate.class), rs.getString(2))).list();
        for (int i = 0; i < groups.size(); i += BATCH) {
            List<Group> batch = groups.subList(i, Math.min(groups.size(), i + BATCH));
            String[] days = batch.stream().map(g -> g.day().toString()).toArray(String[]::new);
            String[] regions = batch.stream().map(Group::region).toArray(String[]::new);
            tx.executeWithoutResult(s -> {
                jdbc.sql("""
                                delete from analytics_daily_rollup r
                                using unnest(cast(:days as date[]), cast(:regions as text[])) g(day, region_code)
                                where r.day = g.day and r.region_code = g.region_code
                                """).param("days", days).param("regions", regions).update();
                // each group a range of the region index (region_code, registered_at)
                jdbc.sql(insert("""
                                join unnest(cast(:days as date[]), cast(:regions as text[])) g(day, region_code)
                                  on c.region_code = g.region_code
                                 and c.registered_at >= cast(g.day as timestamp) at time zone 'Asia/Shanghai'
                                 and c.registered_at < cast(g.day + 1 as timestamp) at time zone 'Asia/Shanghai'""",
                                "true"))
                        .param("days", days).param("regions", regions).update();
            });
        }
        return groups.size();
    }

    /**
     * The statement that inserts the groups of the cases joined to {@code groups} and matching {@code where} (over
     * {@code case_report c}):
     * every count the measures of {@link Measures} take from the cohort, defined as there.
     */
    static String insert(String groups, String where) {
        return """
                insert into analytics_daily_rollup (day, region_code, channel, cat1, dispute_type, registered, closed,
                    resolved, on_time, handling_seconds, evaluated, satisfied, assigned, returned, accepted,
                    accepted_on_time, suggestion_decided, suggestion_kept, unit_suggested, unit_kept, rated_own,
                    rated_own_satisfied, rated_staff, rated_staff_satisfied)
                select x.day, x.region_code, x.channel, x.cat1, x.dispute_type, count(*),
                       count(*) filter (where x.closed), count(*) filter (where x.resolved),
                       count(*) filter (where x.closed and x.closed_on_time),
                       coalesce(sum(x.handling_seconds) filter (where x.closed), 0),
                       count(*) filter (where x.rated), count(*) filter (where x.satisfied),
                       count(*) filter (where x.assigned), count(*) filter (where x.returned),
                       sum(x.accepted), sum(x.accepted_on_time),
                       count(*) filter (where x.decided), count(*) filter (where x.decided and x.category_kept),
                       count(*) filter (where x.unit_suggested), count(*) filter (where x.unit_suggested and x.unit_kept),
                       count(*) filter (where x.rated and x.own), count(*) filter (where x.rated and x.own and x.satisfied),
                       count(*) filter (where x.rated and not x.own),
                       count(*) filter (where x.rated and not x.own and x.satisfied)
                from (select cast(c.registered_at at time zone 'Asia/Shanghai' as date) as day, c.region_code, c.channel,
                             coalesce(left(c.category_code, 2), '') as cat1, coalesce(c.dispute_type, '') as dispute_type,
                             %s as closed, coalesce(%s, false) as resolved,
                             coalesce(c.closed_on_time, false) as closed_on_time,
                             extract(epoch from c.closed_at - c.registered_at) as handling_seconds,
                             c.rating is not null as rated, coalesce(%s, false) as satisfied,
                             c.assigned_at is not null as assigned, c.return_count > 0 as returned,
                             a.accepted, a.on_time as accepted_on_time,
                             s.case_id is not null and c.status <> '%s' and c.category_code is not null as decided,
                             coalesce(c.category_code like s.category_code || '%%', false) as category_kept,
                             s.case_id is not null and c.accepted_at is not null and s.unit_id is not null as unit_suggested,
                             coalesce(c.handling_unit = s.unit_id, false) as unit_kept,
                             ev.own
                      from case_report c %s
                      left join case_suggestion_report s on s.case_id = c.id
                      cross join lateral (
                          select count(*) filter (where y.type = 'CaseAccepted') as accepted,
                                 count(*) filter (where y.type = 'CaseAccepted'
                                                  and (y.due is null or y.occurred_at <= y.due)) as on_time
                          from (select e.type, e.occurred_at,
                                       cast(lag(e.data ->> 'acceptDueAt') over (order by e.id) as timestamptz) as due
                                from case_event_report e
                                where e.case_id = c.id and e.type in ('CaseAssigned', 'CaseTransferred', 'CaseAccepted')) y
                      ) a
                      left join lateral (
                          select coalesce(e.data ->> 'source' = 'CITIZEN', false) as own
                          from case_event_report e where e.case_id = c.id and e.type = 'CaseEvaluated'
                          order by e.id desc limit 1
                      ) ev on c.rating is not null
                      where c.status <> '%s' and %s) x
                group by x.day, x.region_code, x.channel, x.cat1, x.dispute_type
                """.formatted(Measures.IS_CLOSED, Measures.IS_RESOLVED, Measures.IS_SATISFIED,
                CaseStatus.REGISTERED.name(), groups, CaseStatus.MERGED.name(), where);
    }
}
