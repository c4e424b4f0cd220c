package org.fengqiao.analytics;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fengqiao.access.Actor;
import org.fengqiao.analytics.Summary.Granularity;
import org.fengqiao.analytics.Summary.Selection;
import org.fengqiao.cases.CaseLists;
import org.fengqiao.cases.CaseScope;
import org.fengqiao.cases.CaseStatus;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.RegionLevel;

/**
 * Counts a summary's cohort live from the cases module's reporting views (case_report, case_event_report,
 * case_suggestion_report), within the caller's jurisdiction: a few aggregate statements, run in the caller's
 * (repeatable-read) transaction. See {@link Measures} for what each measure counts.
 */
@Component
class LiveCounts {

    private final CaseLists cases;
    private final JdbcClient jdbc;

    LiveCounts(CaseLists cases, JdbcClient jdbc) {
        this.cases = cases;
        this.jdbc = jdbc;
    }

    /** The counts of the cohort, broken down one level below {@code root} (by grid under a village). */
    CohortTotals count(Actor actor, Selection selection, DivisionCode root, RegionLevel child) {
        CaseScope cohort = cases.scope(actor, Measures.cohortFilter(selection)).and(Measures.NOT_MERGED);
        String area = child == null ? "cast(null as text)"
                : "case when c.region_code like '" + root.prefix() + "%' then "
                + (child == RegionLevel.GRID ? "coalesce(c.grid_code, '')" : "left(c.region_code, " + child.digits() + ")")
                + " else '-' end";
        String unit = selection.granularity() == Granularity.WEEK ? "week" : "day";

        CohortRows rows = new CohortRows();
        // one pass over the cohort: totals and every breakdown at once (grouping sets); sorts in memory
        jdbc.sql("set local work_mem = '32MB'").update();
        String mainSql = """
                select grouping(x.bucket) as g_bucket, grouping(x.cat1) as g_cat, grouping(x.dispute_type) as g_dispute,
                       grouping(x.area) as g_area, x.bucket, x.channel, x.cat1, x.dispute_type, x.area,
                       count(*) as registered,
                       count(*) filter (where x.closed) as closed,
                       count(*) filter (where x.resolved) as resolved,
                       count(*) filter (where x.closed and x.closed_on_time) as on_time,
                       coalesce(sum(x.handling_seconds) filter (where x.closed), 0) as handling_seconds,
                       count(*) filter (where x.rated) as evaluated,
                       count(*) filter (where x.satisfied) as satisfied,
                       count(*) filter (where x.assigned) as assigned,
                       count(*) filter (where x.returned) as returned
                from (select cast(date_trunc('%s', c.registered_at at time zone 'Asia/Shanghai') as date) as bucket,
                             c.channel, left(c.category_code, 2) as cat1, c.dispute_type, %s as area,
                             %s as closed, coalesce(%s, false) as resolved, coalesce(c.closed_on_time, false) as closed_on_time,
                             extract(epoch from c.closed_at - c.registered_at) as handling_seconds,
                             c.rating is not null as rated, coalesce(%s, false) as satisfied,
                             c.assigned_at is not null as assigned, c.return_count > 0 as returned
                      from case_report c where %s) x
                group by grouping sets ((x.bucket, x.channel), (x.cat1), (x.dispute_type), (x.area), ())
                """.formatted(unit, area, Measures.IS_CLOSED, Measures.IS_RESOLVED, Measures.IS_SATISFIED, cohort.sql());
        cohort.bind(jdbc.sql(mainSql)).query(rs -> {
            rows.add(rs);
        });

        // every step of a case happens after its registration, so only events since the period began matter;
        // an acceptance answers the assignment or transfer just before it (only those lead to ASSIGNED)
        long[] acceptance = cohort.bind(jdbc.sql("""
                        select count(*) as accepted,
                               count(*) filter (where x.due is null or x.occurred_at <= x.due) as on_time
                        from (select e.type, e.occurred_at, cast(lag(e.data ->> 'acceptDueAt')
                                     over (partition by e.case_id order by e.id) as timestamptz) as due
                              from case_event_report e join case_report c on c.id = e.case_id
                              where e.type in ('CaseAssigned', 'CaseTransferred', 'CaseAccepted')
                                and e.occurred_at >= :eventsFrom and %s) x
                        where x.type = 'CaseAccepted'
                        """.formatted(cohort.sql())))
                .param("eventsFrom", ChinaTime.startOf(selection.from()).atOffset(java.time.ZoneOffset.UTC))
                .query((rs, n) -> new long[] {rs.getLong("accepted"), rs.getLong("on_time")}).single();

        long[] suggestions = cohort.bind(jdbc.sql("""
                        select count(*) filter (where x.decided) as decided,
                               count(*) filter (where x.decided and x.category_kept) as kept,
                               count(*) filter (where x.accepted) as accepted,
                               count(*) filter (where x.accepted and x.unit_kept) as unit_kept
                        from (select %s and c.category_code is not null as decided,
                                     c.category_code like s.category_code || '%%' as category_kept,
                                     c.accepted_at is not null and s.unit_id is not null as accepted,
                                     c.handling_unit = s.unit_id as unit_kept
                              from case_report c join case_suggestion_report s on s.case_id = c.id where %s) x
                        """.formatted(CaseStatus.sqlIn("c.status", s -> s != CaseStatus.REGISTERED
                        && s != CaseStatus.MERGED), cohort.sql())))
                .query((rs, n) -> new long[] {rs.getLong("decided"), rs.getLong("kept"), rs.getLong("accepted"),
                        rs.getLong("unit_kept")}).single();

        // the latest rating of each rated case of the cohort, and whether the citizen gave it online themselves
        // (evaluated after registration: the events from before the period are not read)
        long[] sources = cohort.bind(jdbc.sql("""
                        select count(*) filter (where x.own) as own, count(*) filter (where x.own and x.sat) as own_sat,
                               count(*) filter (where not x.own) as staff, count(*) filter (where not x.own and x.sat) as staff_sat
                        from (select distinct on (c.id) coalesce(e.data ->> 'source' = 'CITIZEN', false) as own,
                                     coalesce(%s, false) as sat
                              from case_event_report e join case_report c on c.id = e.case_id
                              where e.type = 'CaseEvaluated' and e.occurred_at >= :eventsFrom and c.rating is not null
                                and %s
                              order by c.id, e.id desc) x
                        """.formatted(Measures.IS_SATISFIED, cohort.sql())))
                .param("eventsFrom", ChinaTime.startOf(selection.from()).atOffset(java.time.ZoneOffset.UTC))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();

        return rows.totals(acceptance, suggestions, sources);
    }
}
