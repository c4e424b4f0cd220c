package org.fengqiao.records.web;

import java.util.List;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import org.fengqiao.records.RecordsVerification;

/**
 * 记录核验, for administrators: the last nightly check (a warning when it found a broken link) and a full
 * verification on demand.
 */
@Controller
@RequestMapping("/admin/records")
class RecordsPages {

    static final String VIEW = "admin/records";

    private final RecordsVerification verification;

    RecordsPages(RecordsVerification verification) {
        this.verification = verification;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("lastCheck", verification.lastCheck().orElse(null));
        model.addAttribute("lastBroken", verification.lastCheck().map(this::describe).orElse(List.of()));
        return VIEW;
    }

    @PostMapping("/verify")
    String verifyNow(Model model) {
        RecordsVerification.Verification now = verification.verifyAll();
        model.addAttribute("now", now);
        model.addAttribute("nowBroken", describe(now));
        return show(model);
    }

    private List<String> describe(RecordsVerification.Verification v) {
        return v.broken().stream().map(b -> verification.describe(b, LocaleContextHolder.getLocale())).toList();
    }
}
