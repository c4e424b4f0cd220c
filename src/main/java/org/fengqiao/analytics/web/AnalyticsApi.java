package org.fengqiao.analytics.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.fengqiao.access.Actor;
import org.fengqiao.analytics.AnalyticsFilter;
import org.fengqiao.analytics.Measures;
import org.fengqiao.analytics.Summary;
import org.fengqiao.cases.Channel;

/**
 * The measures as JSON for other systems and reports: the same figures, definitions and breakdowns as the
 * dashboard, within the caller's jurisdiction.
 */
@RestController
@RequestMapping("/api/analytics")
@Validated
class AnalyticsApi {

    private final Measures measures;

    AnalyticsApi(Measures measures) {
        this.measures = measures;
    }

    /**
     * The summary of cases registered from {@code from} to {@code to} (China time, default the last 30 days) in
     * the region's subtree, by channel, category subtree and dispute type.
     */
    @GetMapping("/summary")
    Summary summary(@AuthenticationPrincipal Actor actor,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam(required = false) @Size(max = 15) String region,
                    @RequestParam(required = false) Channel channel,
                    @RequestParam(required = false) @Size(max = 7) String category,
                    @RequestParam(required = false) @Size(max = 40) String disputeType) {
        return measures.summary(actor, new AnalyticsFilter(from, to, region, channel, category, disputeType));
    }
}
