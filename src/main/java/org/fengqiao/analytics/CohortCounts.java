package org.fengqiao.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;

/** What one group of a measure's cohort counts (one row of the grouping sets). */
record CohortCounts(long registered, long closed, long resolved, long onTime, double handlingSeconds,
                      long evaluated, long satisfied, long assigned, long returned) {

    static CohortCounts of(ResultSet rs) throws SQLException {
        return new CohortCounts(rs.getLong("registered"), rs.getLong("closed"), rs.getLong("resolved"),
                rs.getLong("on_time"), rs.getDouble("handling_seconds"), rs.getLong("evaluated"),
                rs.getLong("satisfied"), rs.getLong("assigned"), rs.getLong("returned"));
    }

    static final CohortCounts NONE = new CohortCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
