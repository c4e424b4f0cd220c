package org.fengqiao.cases.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseFilter;
import org.fengqiao.cases.CaseListQuery;
import org.fengqiao.cases.CaseKind;
import org.fengqiao.cases.CaseLists;
import org.fengqiao.cases.CaseStatus;
import org.fengqiao.cases.CaseViews.CaseSummary;
import org.fengqiao.cases.CaseViews.Page;
import org.fengqiao.cases.Channel;
import org.fengqiao.risk.RiskLevel;
import org.fengqiao.cases.SavedViews;
import org.fengqiao.cases.Tray;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/**
 * The workbench (工作台) and the case list with its filters, sorting, paging and saved views. The list's
 * table is also served alone for htmx to swap in as filters change.
 */
@Controller
class CaseListPages {

    static final String WORKBENCH = "workbench/inbox";
    static final String LIST = "cases/list";
    static final String ROWS = "cases/list :: results";

    // what the user most likely does next comes first: accepting a new case (its deadline is a working day) and
    // dispatching; then the overdue ones
    private static final List<Tray> URGENT_FIRST = List.of(Tray.TO_ACCEPT, Tray.TO_DISPATCH, Tray.RETURNED,
            Tray.OVERDUE, Tray.SUPERVISED, Tray.EXTENSIONS, Tray.REVIEWS, Tray.DUE_SOON, Tray.IN_PROGRESS,
            Tray.TO_EVALUATE, Tray.REVISITS_DUE);

    private final CaseLists queries;
    private final SavedViews views;
    private final PageOptions options;
    private final ProblemMessages problems;

    private final org.fengqiao.cases.CaseQueries cases;

    CaseListPages(CaseLists queries, SavedViews views, PageOptions options, ProblemMessages problems,
                  org.fengqiao.cases.CaseQueries cases) {
        this.cases = cases;
        this.queries = queries;
        this.views = views;
        this.options = options;
        this.problems = problems;
    }

    @GetMapping("/workbench")
    String workbench(@AuthenticationPrincipal Actor actor, Model model) {
        Map<Tray, Long> trays = queries.trayCounts(actor);
        Tray first = URGENT_FIRST.stream().filter(t -> trays.getOrDefault(t, 0L) > 0).findFirst().orElse(null);
        model.addAttribute("nav", "workbench");
        model.addAttribute("trays", trays);
        model.addAttribute("urgent", List.of(Tray.OVERDUE, Tray.TO_ACCEPT, Tray.RETURNED, Tray.SUPERVISED));
        model.addAttribute("firstTray", first);
        if (first != null) {
            model.addAttribute("firstCases", queries.trayPreview(actor, first, 10));
        }
        return WORKBENCH;
    }

    @GetMapping("/cases")
    String list(@AuthenticationPrincipal Actor actor,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                HttpServletRequest request, Model model) {
        CaseListQuery listQuery = CaseListQuery.of(request.getParameterMap());
        CaseFilter filter = listQuery.filter();
        CaseFilter.Sort sort = listQuery.sort();
        int size = listQuery.size();
        Page<CaseSummary> result;
        try {
            result = queries.list(actor, filter, sort, listQuery.page(), size);
        } catch (ProblemException e) {
            model.addAttribute("error", problems.text(e));
            result = new Page<>(List.of(), 0, size, 0);
        }
        String query = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page").build().getQuery();
        model.addAttribute("nav", "cases");
        model.addAttribute("filter", filter);
        model.addAttribute("sort", sort);
        model.addAttribute("result", result);
        model.addAttribute("query", query == null ? "" : query);
        model.addAttribute("pages", pageNumbers(result));
        if (htmx != null) {
            model.addAttribute("htmx", true);
            return ROWS;
        }
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("risks", RiskLevel.values());
        model.addAttribute("sorts", CaseFilter.Sort.values());
        model.addAttribute("trays", Tray.values());
        model.addAttribute("disputeTypes", options.disputeTypes());
        model.addAttribute("regions", options.filterRegionsOf(actor));
        model.addAttribute("categoryTree", options.categoryTree());
        model.addAttribute("views", views.of(actor.userId()));
        return LIST;
    }

    /**
     * The top bar's quick find: a tracking code (hyphens optional) opens its case; anything else (a phone number,
     * words) is searched in the case list.
     */
    @GetMapping("/cases/find")
    String find(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String q) {
        return cases.findByTrackingCode(actor, q).map(c -> "redirect:/cases/" + c.id())
                .orElseGet(() -> "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/cases")
                        .queryParam("q", q.strip()).encode().build().toUriString());
    }

    @PostMapping("/cases/views")
    String saveView(@AuthenticationPrincipal Actor actor, @RequestParam String name, @RequestParam String query,
                    RedirectAttributes redirect) {
        try {
            views.save(actor.userId(), name, query);
            redirect.addFlashAttribute("success", problems.text("view.saved", name.strip()));
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", problems.text(e));
        }
        return "redirect:/cases" + (query.isBlank() ? "" : "?" + query);
    }

    @PostMapping("/cases/views/{viewId}/delete")
    String deleteView(@AuthenticationPrincipal Actor actor, @PathVariable long viewId) {
        views.delete(actor.userId(), viewId);
        return "redirect:/cases";
    }

    private static List<Integer> pageNumbers(Page<?> page) {
        int last = Math.max(0, page.totalPages() - 1);
        int from = Math.max(0, page.page() - 3);
        int to = Math.min(last, page.page() + 3);
        return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
    }

}
