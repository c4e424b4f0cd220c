package org.fengqiao.openboard.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseQueries;
import org.fengqiao.openboard.BoardItems;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/**
 * {@code /board/review}, supervisors: propose a case of their jurisdiction for the board by its tracking code,
 * review the automatic de-identification (the text can be corrected), approve or withdraw.
 */
@Controller
@PreAuthorize("hasRole('SUPERVISOR')")
class BoardReviewPages {

    static final String REVIEW = "board/review";

    private final BoardItems items;
    private final CaseQueries queries;
    private final ProblemMessages problems;

    BoardReviewPages(BoardItems items, CaseQueries queries, ProblemMessages problems) {
        this.items = items;
        this.queries = queries;
        this.problems = problems;
    }

    @GetMapping("/board/review")
    String review(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("nav", "board");
        model.addAttribute("items", items.list(actor, 50));
        return REVIEW;
    }

    @PostMapping("/board/review")
    String propose(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String trackingCode,
                   RedirectAttributes redirect) {
        try {
            long caseId = queries.findByTrackingCode(actor, trackingCode == null ? "" : trackingCode.strip())
                    .orElseThrow(() -> new ProblemException.NotFound("board.caseNotFound")).id();
            long id = items.propose(actor, caseId);
            redirect.addFlashAttribute("success", problems.text("board.proposed"));
            return "redirect:/board/review#item-" + id;
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", problems.text(e));
            return "redirect:/board/review";
        }
    }

    @PostMapping("/board/review/{id}")
    String edit(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestParam(required = false) String title,
                @RequestParam(required = false) String summary, @RequestParam(required = false) String reply,
                @RequestParam(defaultValue = "save") String then, RedirectAttributes redirect) {
        try {
            items.edit(actor, id, title, summary, reply);
            if ("approve".equals(then)) {
                items.approve(actor, id);
                redirect.addFlashAttribute("success", problems.text("board.approved"));
            } else {
                redirect.addFlashAttribute("success", problems.text("board.saved"));
            }
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", problems.text(e));
        }
        return "redirect:/board/review#item-" + id;
    }

    @PostMapping("/board/review/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        items.withdraw(actor, id);
        redirect.addFlashAttribute("success", problems.text("board.withdrawn"));
        return "redirect:/board/review";
    }
}
