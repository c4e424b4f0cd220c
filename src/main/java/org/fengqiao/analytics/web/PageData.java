package org.fengqiao.analytics.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.fengqiao.access.Actor;
import org.fengqiao.analytics.AnalyticsFilter;
import org.fengqiao.analytics.CaseMap;
import org.fengqiao.analytics.Measures;
import org.fengqiao.analytics.Summary;
import org.fengqiao.cases.CaseKind;
import org.fengqiao.cases.CaseStatus;
import org.fengqiao.cases.Channel;
import org.fengqiao.risk.RiskLevel;

/**
 * JSON for the pages' scripts, behind the page session (the API offers the same with bearer tokens):
 * the dashboard's summary and the map's case markers.
 */
@RestController
class PageData {

    private final Measures measures;
    private final CaseMap map;

    PageData(Measures measures, CaseMap map) {
        this.measures = measures;
        this.map = map;
    }

    /** The same summary as {@code GET /api/analytics/summary}, for the signed-in user. */
    @GetMapping("/dashboard/data")
    Summary dashboardData(@AuthenticationPrincipal Actor actor,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestParam(required = false) String region,
                          @RequestParam(required = false) Channel channel,
                          @RequestParam(required = false) String category,
                          @RequestParam(required = false) String disputeType) {
        return measures.summary(actor, new AnalyticsFilter(from, to, region, channel, category, disputeType));
    }

    /** Case markers: cases with coordinates, within the user's jurisdiction, without personal data. */
    @GetMapping(path = "/map/cases.geojson")
    ResponseEntity<Map<String, Object>> cases(@AuthenticationPrincipal Actor actor,
                                              @RequestParam(required = false) List<CaseStatus> status,
                                              @RequestParam(required = false) CaseKind kind,
                                              @RequestParam(required = false) RiskLevel risk,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json"))
                .body(map.features(actor, new CaseMap.Filter(status, kind, risk, from, to)));
    }
}
