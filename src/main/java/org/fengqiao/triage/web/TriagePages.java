package org.fengqiao.triage.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.fengqiao.triage.TriageAdvisor;

/** The suggestion panel of the intake form, refreshed by htmx while the officer types. */
@Controller
class TriagePages {

    /** Texts longer than this are cut before classifying (the form itself allows 10,000 characters). */
    static final int MAX_TEXT = 10_000;

    private final TriageAdvisor advisor;

    TriagePages(TriageAdvisor advisor) {
        this.advisor = advisor;
    }

    /** The least confidence at which a runner-up category is still offered. */
    static final double RUNNER_UP_FLOOR = 0.15;

    @PostMapping("/cases/new/suggestion")
    String suggestion(@RequestParam(required = false) String title,
                      @RequestParam(required = false) String description, Model model) {
        String t = cut(title, 200);
        String d = cut(description, MAX_TEXT);
        boolean enough = (t + d).strip().codePointCount(0, (t + d).strip().length()) >= 4;
        var suggestion = enough ? advisor.suggest(t, d) : java.util.Optional.<org.fengqiao.triage.CategorySuggestion>empty();
        model.addAttribute("suggestion", suggestion.orElse(null));
        // the best always; a runner-up only if it has a fair chance (a 3 % guess with a 采用 button misleads)
        model.addAttribute("offered", suggestion.map(x -> x.top().stream()
                .filter(a -> a == x.top().getFirst() || a.confidence() >= RUNNER_UP_FLOOR).toList()).orElse(java.util.List.of()));
        model.addAttribute("autoApplies", suggestion.filter(advisor::autoApplies).isPresent());
        model.addAttribute("thresholdPercent", Math.round(advisor.threshold() * 100));
        return "triage/suggestion :: panel";
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max) : s;
    }
}
