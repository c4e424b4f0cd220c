package org.fengqiao.analytics.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.ObjectMapper;

import org.fengqiao.access.Actor;
import org.fengqiao.analytics.AnalyticsFilter;
import org.fengqiao.analytics.Measures;
import org.fengqiao.analytics.Summary;
import org.fengqiao.cases.Channel;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/**
 * The dashboard (统计研判): key figures with their definitions, trends and breakdowns for a filter, drilling
 * down by region. The charts' data travel in the page as JSON, so one request shows everything.
 */
@Controller
class DashboardPages {

    static final String DASHBOARD = "analytics/dashboard";

    private final Measures measures;
    private final FilterOptions options;
    private final ProblemMessages problems;
    private final ObjectMapper json;

    DashboardPages(Measures measures, FilterOptions options, ProblemMessages problems, ObjectMapper json) {
        this.measures = measures;
        this.options = options;
        this.problems = problems;
        this.json = json;
    }

    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal Actor actor,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(required = false) String region,
                     @RequestParam(required = false) Channel channel,
                     @RequestParam(required = false) String category,
                     @RequestParam(required = false) String disputeType,
                     HttpServletRequest request, Model model) {
        AnalyticsFilter filter = new AnalyticsFilter(from, to, region, channel, category, disputeType);
        Summary summary;
        try {
            summary = measures.summary(actor, filter);
        } catch (ProblemException e) {
            // show what was wrong beside the form, with the default figures below it
            model.addAttribute("error", problems.text(e));
            summary = measures.summary(actor, AnalyticsFilter.none());
        }
        model.addAttribute("nav", "dashboard");
        model.addAttribute("filter", filter);
        model.addAttribute("summary", summary);
        model.addAttribute("maxLagSeconds", measures.maxLag().toSeconds());
        model.addAttribute("chartData", Json.forScript(json, chartData(summary)));
        model.addAttribute("regionLink", UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString()).replaceQueryParam("region")
                .replaceQueryParam("lang").queryParam("region", "").build().toUriString());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("regions", options.regions(actor));
        model.addAttribute("categories", options.categories());
        model.addAttribute("disputeTypes", options.disputeTypes());
        return DASHBOARD;
    }

    /** What the charts draw; everything else is in the page itself. */
    static Map<String, Object> chartData(Summary s) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("trend", s.trend());
        data.put("byCategory", s.byCategory());
        data.put("byDisputeType", s.byDisputeType());
        data.put("byRegion", s.byRegion().slices());
        return data;
    }

    /** JSON that may sit inside a {@code <script type="application/json">} element. */
    static final class Json {
        private Json() {
        }

        static String forScript(ObjectMapper json, Object value) {
            return json.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        }
    }
}
