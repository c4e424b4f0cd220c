package org.fengqiao.analytics;

import java.time.LocalDate;

import org.fengqiao.cases.Channel;

/**
 * What a summary is about; every field is optional. The caller's jurisdiction always applies on top.
 *
 * @param from        first day of registration (China time); defaults to 29 days before {@code to}
 * @param to          last day of registration; defaults to today
 * @param region      a division or grid code: the cases in its subtree, broken down one level below it
 * @param channel     the channel the cases came in by
 * @param category    a category code: the cases in its subtree
 * @param disputeType a dispute type code
 */
public record AnalyticsFilter(LocalDate from, LocalDate to, String region, Channel channel, String category,
                              String disputeType) {

    public AnalyticsFilter {
        region = blankToNull(region);
        category = blankToNull(category);
        disputeType = blankToNull(disputeType);
    }

    public static AnalyticsFilter none() {
        return new AnalyticsFilter(null, null, null, null, null, null);
    }

    public AnalyticsFilter withRegion(String code) {
        return new AnalyticsFilter(from, to, code, channel, category, disputeType);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
