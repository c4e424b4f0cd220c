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

    @PostMapping("/cases/new/suggestion")
    String suggestion(@RequestParam(required = false) String title,
                      @RequestParam(required = false) String description, Model model) {
        String t = cut(title, 200);
        String d = cut(description, MAX_TEXT);
        boolean enough = (t + d).strip().codePointCount(0, (t + d).strip().length()) >= 4;
        var suggestion = enough ? advisor.suggest(t, d) : java.util.Optional.<org.fengqiao.triage.CategorySuggestion>empty();
        model.addAttribute("suggestion", suggestion.orElse(null));
        model.addAttribute("autoApplies", suggestion.filter(advisor::autoApplies).isPresent());
        model.addAttribute("thresholdPercent", Math.round(advisor.threshold() * 100));
        return "triage/suggestion :: panel";
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max) : s;
    }
}
