package org.fengqiao.cases.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseFileQueries;

/**
 * The case page's 卷宗记录 section (loaded by htmx): every mediation session, agreement and its referral,
 * extension request and decision, supervision notice, evaluation and revisit, in full ({@link CaseRecordsApi}: the
 * same over the API).
 */
@Controller
class CaseRecordPages {

    static final String RECORDS = "cases/records :: records";

    private final CaseFileQueries files;
    private final java.time.Clock clock;

    CaseRecordPages(CaseFileQueries files, java.time.Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    @GetMapping("/cases/{id}/records")
    String records(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("r", files.records(actor, id));
        model.addAttribute("now", clock.instant());
        return RECORDS;
    }
}
