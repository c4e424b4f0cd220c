package org.fengqiao.precedents.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.LiveCaseIndex;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;
import org.fengqiao.precedents.Precedents;

/** The 类案 panel of the case page (loaded by htmx) and the search page over closed cases. */
@Controller
class PrecedentPages {

    private final Precedents precedents;
    private final ProblemMessages problems;

    PrecedentPages(Precedents precedents, ProblemMessages problems) {
        this.precedents = precedents;
        this.problems = problems;
    }

    @GetMapping("/cases/{id}/similar")
    String panel(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        try {
            model.addAttribute("precedents", precedents.similarTo(actor, id, 5, false));
        } catch (LiveCaseIndex.NotReady e) {
            model.addAttribute("precedents", java.util.List.of());
            model.addAttribute("indexing", true);
        }
        return "precedents/panel :: panel";
    }

    @GetMapping("/precedents")
    String search(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
                  @RequestParam(defaultValue = "false") boolean resolvedOnly, Model model) {
        model.addAttribute("nav", "precedents");
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("resolvedOnly", resolvedOnly);
        if (q != null && !q.isBlank()) {
            try {
                model.addAttribute("precedents", precedents.search(actor, q, Precedents.MAX_LIMIT, resolvedOnly));
            } catch (ProblemException.InvalidInput | LiveCaseIndex.NotReady e) {
                model.addAttribute("error", problems.text(e));
            }
        }
        return "precedents/search";
    }
}
