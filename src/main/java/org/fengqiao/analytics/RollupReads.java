package org.fengqiao.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fengqiao.access.Actor;
import org.fengqiao.access.Jurisdiction;
import org.fengqiao.analytics.Summary.Granularity;
import org.fengqiao.analytics.Summary.Selection;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.RegionLevel;

/**
 * Sums a summary's cohort counts from the daily rollup ({@link DailyRollups}) instead of the cases, for the
 * leaders whose region is large: a centre whose region lies at or above {@code fengqiao.analytics.rollup-from-level}
 * (default CITY), with a filter the rollup's groups answer (period, a division down to a township, channel,
 * level-1 category, dispute type). Anyone else, or any finer filter, is counted live. The rows read are those of
 * the caller's region (and of the selected region within it), as the live count reads the cases.
 */
@Component
class RollupReads {

    private final JdbcClient jdbc;
    private final DailyRollups rollups;
    private final RegionLevel fromLevel;

    RollupReads(JdbcClient jdbc, DailyRollups rollups,
                @Value("${fengqiao.analytics.rollup-from-level:CITY}") RegionLevel fromLevel) {
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.fromLevel = fromLevel;
    }

    /** The counts read, and when the rollup read the cases. */
    record Read(CohortTotals totals, Instant asOf) {
    }

    /** The highest level of jurisdiction whose summaries are read from the rollup. */
    RegionLevel fromLevel() {
        return fromLevel;
    }

    /** How often the rollup is refreshed. */
    Duration interval() {
        return rollups.interval();
    }

    /** Whether the rollup answers this caller and filter, the root being the region broken down. */
    static boolean answers(Jurisdiction j, Selection s, DivisionCode root, RegionLevel fromLevel) {
        return j.regionPrefix() != null && j.regionPrefix().length() <= fromLevel.digits()
                // the rollup is by village: a root above the village level breaks down by division, not by grid
                && root.level().ordinal() < RegionLevel.VILLAGE.ordinal()
                && (s.region() == null || DivisionCode.of(s.region()).level().ordinal() < RegionLevel.VILLAGE.ordinal())
                && (s.category() == null || s.category().length() == 2);
    }

    /** The counts from the rollup, or empty when it does not answer (or has never been refreshed). */
    Optional<Read> read(Actor actor, Selection s, DivisionCode root, RegionLevel child, RegionLevel fromLevel) {
        if (!answers(actor.jurisdiction(), s, root, fromLevel)) {
            return Optional.empty();
        }
        Optional<DailyRollups.State> state = rollups.state();
        if (state.isEmpty()) {
            return Optional.empty();
        }
        String bucket = s.granularity() == Granularity.WEEK
                ? "cast(date_trunc('week', cast(r.day as timestamp)) as date)" : "r.day";
        // root, child: digits only (DivisionCode)
        String area = "case when r.region_code like '" + root.prefix() + "%' then left(r.region_code, "
                + child.digits() + ") else '-' end";
        StringBuilder where = new StringBuilder("r.day between :from and :to and r.region_code between :jLo and :jHi");
        Map<String, Object> p = new HashMap<>();
        p.put("from", s.from());
        p.put("to", s.to());
        range(p, "j", actor.jurisdiction().regionPrefix());
        if (s.region() != null) {
            where.append(" and r.region_code between :rLo and :rHi");
            range(p, "r", DivisionCode.of(s.region()).prefix());
        }
        if (s.channel() != null) {
            where.append(" and r.channel = :channel");
            p.put("channel", s.channel().name());
        }
        if (s.category() != null) {
            where.append(" and r.cat1 = :cat1");
            p.put("cat1", s.category());
        }
        if (s.disputeType() != null) {
            where.append(" and r.dispute_type = :disputeType");
            p.put("disputeType", s.disputeType());
        }
        String sql = """
                select grouping(x.bucket) as g_bucket, grouping(x.cat1) as g_cat, grouping(x.dispute_type) as g_dispute,
                       grouping(x.area) as g_area, x.bucket, x.channel, x.cat1, x.dispute_type, x.area,
                       sum(x.registered) as registered, sum(x.closed) as closed, sum(x.resolved) as resolved,
                       sum(x.on_time) as on_time, sum(x.handling_seconds) as handling_seconds,
                       sum(x.evaluated) as evaluated, sum(x.satisfied) as satisfied, sum(x.assigned) as assigned,
                       sum(x.returned) as returned, sum(x.accepted) as accepted, sum(x.accepted_on_time) as accepted_on_time,
                       sum(x.suggestion_decided) as suggestion_decided, sum(x.suggestion_kept) as suggestion_kept,
                       sum(x.unit_suggested) as unit_suggested, sum(x.unit_kept) as unit_kept,
                       sum(x.rated_own) as rated_own, sum(x.rated_own_satisfied) as rated_own_satisfied,
                       sum(x.rated_staff) as rated_staff, sum(x.rated_staff_satisfied) as rated_staff_satisfied
                from (select %s as bucket, nullif(r.cat1, '') as cat1, nullif(r.dispute_type, '') as dispute_type,
                             %s as area, r.channel, r.registered, r.closed, r.resolved, r.on_time,
                             r.handling_seconds, r.evaluated, r.satisfied, r.assigned, r.returned, r.accepted,
                             r.accepted_on_time, r.suggestion_decided, r.suggestion_kept, r.unit_suggested, r.unit_kept,
                             r.rated_own, r.rated_own_satisfied, r.rated_staff, r.rated_staff_satisfied
                      from analytics_daily_rollup r where %s) x
                group by grouping sets ((x.bucket, x.channel), (x.cat1), (x.dispute_type), (x.area), ())
                """.formatted(bucket, area, where);
        CohortRows rows = new CohortRows();
        long[][] extra = {new long[4], new long[2], new long[4]};
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        p.forEach(spec::param);
        spec.query(rs -> {
            if (rows.add(rs)) {
                extra[0] = new long[] {rs.getLong("suggestion_decided"), rs.getLong("suggestion_kept"),
                        rs.getLong("unit_suggested"), rs.getLong("unit_kept")};
                extra[1] = new long[] {rs.getLong("accepted"), rs.getLong("accepted_on_time")};
                extra[2] = new long[] {rs.getLong("rated_own"), rs.getLong("rated_own_satisfied"),
                        rs.getLong("rated_staff"), rs.getLong("rated_staff_satisfied")};
            }
        });
        return Optional.of(new Read(rows.totals(extra[1], extra[0], extra[2]), state.get().refreshedAt()));
    }

    /** The codes of a region's subtree as a range (the prefix, and the prefix padded with 9s to 15 digits). */
    private static void range(Map<String, Object> p, String name, String prefix) {
        p.put(name + "Lo", prefix);
        p.put(name + "Hi", prefix + "9".repeat(15 - prefix.length()));
    }
}
