package org.fengqiao.laws.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.fengqiao.access.Actor;
import org.fengqiao.laws.LawLibrary;
import org.fengqiao.laws.LawSuggestions;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/** The 相关法条 panel of the case page (loaded by htmx) and the library's search page. */
@Controller
class LawPages {

    static final String PANEL = "laws/panel :: panel";
    static final String SEARCH = "laws/search";

    private final LawLibrary library;
    private final LawSuggestions suggestions;
    private final ProblemMessages problems;

    LawPages(LawLibrary library, LawSuggestions suggestions, ProblemMessages problems) {
        this.library = library;
        this.suggestions = suggestions;
        this.problems = problems;
    }

    @GetMapping("/cases/{id}/laws")
    String panel(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("articles", suggestions.forCase(actor, id, LawSuggestions.DEFAULT_LIMIT));
        return PANEL;
    }

    @GetMapping("/laws")
    String search(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("nav", "laws");
        model.addAttribute("q", q == null ? "" : q);
        if (q != null && !q.isBlank()) {
            try {
                model.addAttribute("articles", library.search(q, 20));
            } catch (ProblemException.InvalidInput e) {
                model.addAttribute("error", problems.text(e));
            }
        } else {
            model.addAttribute("laws", library.laws());
        }
        return SEARCH;
    }
}
