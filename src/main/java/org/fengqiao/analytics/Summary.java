package org.fengqiao.analytics;

import java.time.LocalDate;
import java.util.List;

import org.fengqiao.cases.Channel;
import org.fengqiao.regions.RegionLevel;

/**
 * The measures and breakdowns of one filter, as the dashboard and {@code GET /api/analytics/summary} show
 * them.
 *
 * @param asOf          when the figures were computed: after a change to a case, the figures held are shown for up
 *                      to {@code fengqiao.analytics.max-lag} (30 s by default) while new ones are computed
 * @param freshness     where the figures come from and how soon they follow a change: live, or (for city and
 *                      province leaders) the daily rollup as of its last refresh ({@code asOf})
 * @param selection     the filter as applied, with its defaults filled in and its codes named
 * @param measures      the key figures, each with its definition
 * @param trend         registrations per day (per week for periods over 60 days), by channel
 * @param byCategory    registrations by level-1 category ({@code code} null: not categorised)
 * @param byDisputeType registrations of disputes by dispute type
 * @param byRegion      registrations one level below the selected region, for drill-down
 * @param overdueUnits  handling units with the most open cases past their deadline now (at most ten)
 */
public record Summary(java.time.Instant asOf, Freshness freshness, Selection selection, List<Measure> measures, Trend trend, List<Slice> byCategory,
                      List<Slice> byDisputeType, RegionBreakdown byRegion, List<UnitCount> overdueUnits) {

    /** The measure of that name. */
    public Measure measure(String name) {
        return measures.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no measure " + name));
    }

    /**
     * How current the figures are.
     *
     * @param source             LIVE: counted from the cases, brought up to date within {@code updateEverySeconds}
     *                           of a change; ROLLUP: summed from the daily rollup, refreshed every
     *                           {@code updateEverySeconds} (currently overdue cases are always counted now)
     * @param updateEverySeconds the largest lag of the figures behind the cases, in seconds
     */
    public record Freshness(Source source, long updateEverySeconds) {
        public enum Source {
            LIVE, ROLLUP
        }
    }

    /** Day or ISO week (starting on Monday). */
    public enum Granularity {
        DAY, WEEK
    }

    /** The filter as applied. */
    public record Selection(LocalDate from, LocalDate to, Granularity granularity, String region, String regionName,
                            Channel channel, String channelName, String category, String categoryName,
                            String disputeType, String disputeTypeName) {
    }

    /** Registrations per period bucket (the first day of each day or week), one series per channel. */
    public record Trend(Granularity granularity, List<LocalDate> buckets, List<Series> series) {
    }

    public record Series(Channel channel, String label, List<Long> counts, long total) {
    }

    /**
     * A part of the cohort: how many were registered, closed and resolved.
     *
     * @param drillTo the region code to select to look inside this part, or {@code null}
     */
    public record Slice(String code, String label, long registered, long closed, long resolved, String drillTo) {
    }

    /**
     * Registrations by the regions one level below {@code region} (by grid under a village). Cases registered
     * at the region itself, or outside it but within reach (e.g. handled by the caller's unit), have slices of
     * their own.
     *
     * @param up the region one level up to drill back to, or {@code null}
     */
    public record RegionBreakdown(String region, String regionName, RegionLevel childLevel, String up,
                                  List<Slice> slices) {
    }

    /** Open cases past their deadline at one handling unit. */
    public record UnitCount(long unitId, String unitName, RegionLevel level, long count) {
    }
}
