package org.fengqiao.cases;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Synthetic case history for benchmarks only (never the demo, never production): years of cases of a county
 * written straight into the tables with set-based SQL, because registering a million cases one at a time through
 * {@link CaseService} would take hours. The rows are plausible for the reports that read them (statuses,
 * outcomes, ratings, deadlines, overdue, risk, group size, repeated addresses, a few risk rises and
 * escalations as events; titles and descriptions drawn from the texts the caller gives, e.g. real citizen
 * messages, so that text analysis such as the hot topics meets realistic variety; leaf categories and dispute
 * types spread over the county's villages) but carry no parties, no search terms and no event chains (the
 * events' hashes are zeros), so the record verification would flag them: use a throw-away database.
 */
@Service
public class SyntheticHistory {

    /** The longest synthetic description: enough for the topic analysis, small enough for a million rows. */
    public static final int DESCRIPTION_CHARS = 400;

    private final JdbcClient jdbc;

    SyntheticHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds {@code count} cases spread over the {@code years} before {@code now} in the villages under
     * {@code regionPrefix}, owned by {@code centreId} and handled by {@code handlerId}, registered by
     * {@code userId}, in batches of 100,000 statements; each case's title and description are one of
     * {@code texts} (title, description pairs; descriptions clipped to {@value #DESCRIPTION_CHARS} characters),
     * or a numbered template when there are none. Cases are written in the order they were registered (a few
     * minutes' jitter), as a platform in service appends them, so a month's cases lie together in the table.
     *
     * @return the number of cases added
     */
    public long add(long count, String regionPrefix, long centreId, long handlerId, long userId, Instant now,
                    int years, List<String[]> texts) {
        List<String[]> given = texts.isEmpty()
                ? List.<String[]>of(new String[] {"合成案件", "基准测试用的合成历史案件。"}) : texts;
        String[] titles = given.stream().map(t -> clip(t[0], 200)).toArray(String[]::new);
        String[] descriptions = given.stream().map(t -> clip(t[1], DESCRIPTION_CHARS)).toArray(String[]::new);
        long added = 0;
        Timestamp end = Timestamp.from(now);
        long spanSeconds = Duration.ofDays(365L * years).toSeconds();
        while (added < count) {
            long batch = Math.min(100_000, count - added);
            long first = jdbc.sql("select coalesce(max(id), 0) + 1000 from cases").query(Long.class).single();
            jdbc.sql("""
                    with villages as (select array_agg(code order by code) as codes from region
                                      where level = 'VILLAGE' and code like :prefix),
                    cats as (select array_agg(code order by code) as codes from category c
                             where c.active and not exists (select 1 from category k where k.parent_code = c.code)),
                    texts as materialized (select (x.n - 1)::bigint as n, x.t, x.d
                             from unnest(cast(:titles as text[]), cast(:descriptions as text[]))
                                  with ordinality as x(t, d, n)),
                    g as (select n, :first + n as id, (hashint8(n + :first) & 2147483647) as h,
                                 cast(:end as timestamptz) - make_interval(secs => :span - (:done + n + 0.5) * :span / :count
                                     + (hashint8(n * 7 + :first) & 2147483647) % 300) as reg
                          from generate_series(0, :batch - 1) n)
                    insert into cases (id, tracking_code, status, kind, channel, category_code, dispute_type, title,
                                       description,
                                       address, region_code, people_involved, risk_level, registered_at, registered_by,
                                       registering_unit, owner_unit, handling_unit, assigned_at, accept_due_at,
                                       accepted_at, handle_due_at, overdue_since, outcome, resolved, closed_at,
                                       closed_on_time, rating, evaluated_at, archived_at)
                    select id, 'SYN' || id,
                           s.status, case when h % 10 < 6 then 'DISPUTE' else 'CONSULTATION' end,
                           (array['WALK_IN','HOTLINE_12345','ONLINE','GRID_PATROL','PETITION'])[1 + h % 5],
                           k.codes[1 + (h / 17) % cardinality(k.codes)],
                           case when h % 10 < 6 then (array['NEIGHBOUR','MARRIAGE_FAMILY','LABOUR_WAGES','CONTRACT_DEBT',
                               'HOUSING_HOMESTEAD','TRAFFIC','CONSUMER','PROPERTY_MANAGEMENT'])[1 + (h / 10) % 8] end,
                           case when :numbered then tx.t || ' ' || id else tx.t end, tx.d,
                           case when h % 4 = 0 then '合成地址' || (h / 7) % 20000 || '号' end,
                           v.codes[1 + (h / 13) % cardinality(v.codes)],
                           case when h % 50 = 0 then 5 + h % 20 else 1 + h % 3 end,
                           case when h % 40 = 0 then 'HIGH' when h % 11 = 0 then 'MEDIUM' else 'LOW' end,
                           reg, :user, :centre, :centre, :handler, reg + interval '1 hour', reg + interval '1 day',
                           case when s.status <> 'ASSIGNED' then reg + interval '5 hours' end,
                           reg + interval '15 days',
                           case when s.status in ('ASSIGNED', 'IN_PROGRESS') and reg + interval '15 days' < cast(:end as timestamptz)
                                then reg + interval '15 days' end,
                           case when s.closed then (case when h % 10 < 8 then 'RESOLVED' else 'NOT_RESOLVED' end) end,
                           case when s.closed then h % 10 < 8 end,
                           case when s.closed then reg + make_interval(days => 1 + h % 20) end,
                           case when s.closed then h % 20 < 17 end,
                           case when s.closed then (case when h % 50 = 1 then 'DISSATISFIED' when h % 5 = 0
                                then 'BASICALLY_SATISFIED' else 'SATISFIED' end) end,
                           case when s.closed then reg + make_interval(days => 2 + h % 20) end,
                           case when s.status = 'ARCHIVED' then reg + make_interval(days => 4 + h % 20) end
                    from g cross join villages v cross join cats k
                    join texts tx on tx.n = (h / 19) % :textCount
                    cross join lateral (select st as status, st in ('CLOSED', 'ARCHIVED', 'UNDER_REVIEW') as closed
                        from (select case when reg > cast(:end as timestamptz) - interval '20 days' and h % 3 = 0 then 'IN_PROGRESS'
                                          when reg > cast(:end as timestamptz) - interval '3 days' and h % 3 = 1 then 'ASSIGNED'
                                          when h % 50 = 1 then 'UNDER_REVIEW'
                                          when h % 100 = 2 then 'IN_PROGRESS'
                                          when reg > cast(:end as timestamptz) - interval '30 days' then 'CLOSED'
                                          else 'ARCHIVED' end as st) x) s
                    """).param("prefix", regionPrefix + "%").param("first", first).param("end", end)
                    .param("titles", titles).param("descriptions", descriptions).param("textCount", titles.length)
                    .param("numbered", texts.isEmpty()).param("done", added).param("count", count)
                    .param("span", spanSeconds).param("batch", batch).param("user", userId).param("centre", centreId)
                    .param("handler", handlerId).update();
            // a few risk rises and escalations, as the events the agenda reads
            jdbc.sql("""
                    insert into case_event (case_id, type, occurred_at, actor_user_id, actor_unit_id, reason, data, hash)
                    select c.id, case when c.id % 2 = 0 then 'RiskReassessed' else 'CaseEscalated' end,
                           c.registered_at + interval '1 day', :user, :centre, '合成事件',
                           case when c.id % 2 = 0 then '{"fromLevel":"LOW","toLevel":"HIGH","reasons":[]}'::jsonb
                                else jsonb_build_object('fromOwnerUnit', :handler, 'toOwnerUnit', :centre) end,
                           decode(repeat('00', 32), 'hex')
                    from cases c where c.id >= :first and c.id < :first + :batch and c.id % 97 = 0
                    """).param("first", first).param("batch", batch).param("user", userId).param("centre", centreId)
                    .param("handler", handlerId).update();
            added += batch;
        }
        jdbc.sql("analyze cases").update();
        jdbc.sql("analyze case_event").update();
        return added;
    }

    private static String clip(String s, int max) {
        String t = s == null ? "" : s.strip();
        return t.length() <= max ? t : t.substring(0, max);
    }
}
