package org.fengqiao.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.fengqiao.cases.Channel;

/**
 * The rows of a cohort's grouping-sets statement — {@code ((bucket, channel), (cat1), (dispute_type), (area), ())},
 * told apart by {@code g_bucket}, {@code g_cat}, {@code g_dispute}, {@code g_area} — sorted into the trend, the
 * breakdowns and the total, as the live count ({@link LiveCounts}) and the rollup's sum ({@link RollupReads}) read them.
 */
final class CohortRows {

    private CohortCounts total = CohortCounts.NONE;
    private final Map<LocalDate, Map<Channel, Long>> trend = new HashMap<>();
    private final Map<String, CohortCounts> byCategory = new HashMap<>();
    private final Map<String, CohortCounts> byDispute = new HashMap<>();
    private final Map<String, CohortCounts> byArea = new HashMap<>();

    /** Sorts one row into its place; true for the total's row (the empty grouping set). */
    boolean add(ResultSet rs) throws SQLException {
        CohortCounts counts = CohortCounts.of(rs);
        if (rs.getInt("g_bucket") == 0) {
            trend.computeIfAbsent(rs.getObject("bucket", LocalDate.class), d -> new EnumMap<>(Channel.class))
                    .put(Channel.valueOf(rs.getString("channel")), counts.registered());
        } else if (rs.getInt("g_cat") == 0) {
            byCategory.put(rs.getString("cat1"), counts);
        } else if (rs.getInt("g_dispute") == 0) {
            byDispute.put(rs.getString("dispute_type"), counts);
        } else if (rs.getInt("g_area") == 0) {
            byArea.put(rs.getString("area"), counts);
        } else {
            total = counts;
            return true;
        }
        return false;
    }

    /** The rows read, with the counts that come from other statements or columns (see {@link CohortTotals}). */
    CohortTotals totals(long[] acceptance, long[] suggestions, long[] sources) {
        return new CohortTotals(total, trend, byCategory, byDispute, byArea, acceptance, suggestions, sources);
    }
}
