package org.fengqiao.analytics.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import org.fengqiao.access.Actor;
import org.fengqiao.analytics.CaseMap;
import org.fengqiao.cases.CaseKind;
import org.fengqiao.cases.CaseStatus;
import org.fengqiao.risk.RiskLevel;
import org.fengqiao.platform.ChinaTime;

/**
 * The case map (案件地图): region and grid outlines on a plain background (tiles only when
 * {@code fengqiao.map.tile-url} is set) with the cases that have coordinates, coloured by status or risk.
 */
@Controller
class MapPages {

    static final String MAP = "analytics/map";
    /** The period the map shows when none is chosen. */
    static final int DEFAULT_DAYS = 90;

    private final String tiles;
    private final java.time.Clock clock;

    MapPages(@Value("${fengqiao.map.tile-url:}") String tiles, java.time.Clock clock) {
        this.tiles = tiles;
        this.clock = clock;
    }

    @GetMapping("/map")
    String map(@AuthenticationPrincipal Actor actor,
               @RequestParam(required = false) List<CaseStatus> status,
               @RequestParam(required = false) CaseKind kind,
               @RequestParam(required = false) RiskLevel risk,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
               @RequestParam(defaultValue = "status") String colour,
               HttpServletRequest request, Model model) {
        LocalDate today = ChinaTime.dateOf(clock.instant());
        LocalDate until = to != null ? to : today;
        CaseMap.Filter filter = new CaseMap.Filter(status, kind, risk, from != null ? from : until.minusDays(DEFAULT_DAYS - 1),
                until);
        model.addAttribute("nav", "map");
        model.addAttribute("filter", filter);
        model.addAttribute("colour", "risk".equals(colour) ? "risk" : "status");
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("risks", RiskLevel.values());
        model.addAttribute("tiles", tiles);
        model.addAttribute("area", actor.unit().regionCode().value());
        model.addAttribute("maxFeatures", CaseMap.MAX_FEATURES);
        UriComponentsBuilder data = UriComponentsBuilder.fromPath(request.getContextPath() + "/map/cases.geojson");
        filter.statuses().forEach(s -> data.queryParam("status", s.name()));
        if (kind != null) {
            data.queryParam("kind", kind.name());
        }
        if (risk != null) {
            data.queryParam("risk", risk.name());
        }
        data.queryParam("from", filter.from()).queryParam("to", filter.to());
        model.addAttribute("dataUrl", data.build().toUriString());
        return MAP;
    }
}
