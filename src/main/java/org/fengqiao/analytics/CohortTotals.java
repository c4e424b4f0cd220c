package org.fengqiao.analytics;

import java.time.LocalDate;
import java.util.Map;

import org.fengqiao.cases.Channel;

/**
 * Everything the cohort measures of a summary are computed from, however it was counted: live from the cases
 * ({@link LiveCounts}) or summed from the daily rollup ({@link RollupReads}).
 *
 * @param acceptance  {acceptances, those by their deadline}
 * @param suggestions {dispatched with a suggested category, category kept, accepted with a suggested unit, unit kept}
 * @param sources     {rated by the citizen, of which satisfied, rated by staff, of which satisfied}
 */
record CohortTotals(CohortCounts total, Map<LocalDate, Map<Channel, Long>> trend, Map<String, CohortCounts> byCategory,
                    Map<String, CohortCounts> byDispute, Map<String, CohortCounts> byArea, long[] acceptance,
                    long[] suggestions, long[] sources) {
}
