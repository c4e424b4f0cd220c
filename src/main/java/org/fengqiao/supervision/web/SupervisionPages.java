package org.fengqiao.supervision.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.fengqiao.access.Actor;
import org.fengqiao.analytics.AnalyticsFilter;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;
import org.fengqiao.supervision.SupervisionBoard;

/**
 * The supervision board (督办台) for supervisors and dispatchers: what is overdue or nearly due, by unit, with
 * one-click supervision (督办) or chase (催办) of a case or of all the selected ones; and units ranked by on-time
 * closure.
 */
@Controller
class SupervisionPages {

    static final String BOARD = "supervision/board";
    /** The ranking's period when none is chosen. */
    static final int DEFAULT_RANKING_DAYS = 90;

    private final SupervisionBoard board;
    private final ProblemMessages problems;
    private final java.time.Clock clock;

    SupervisionPages(SupervisionBoard board, ProblemMessages problems, java.time.Clock clock) {
        this.board = board;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping("/supervision")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'DISPATCHER')")
    String board(@AuthenticationPrincipal Actor actor,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(required = false) Integer minSample,
                 HttpServletRequest request, Model model) {
        LocalDate until = to != null ? to : ChinaTime.dateOf(clock.instant());
        LocalDate since = from != null ? from : until.minusDays(DEFAULT_RANKING_DAYS - 1);
        int sample = minSample == null ? SupervisionBoard.DEFAULT_MIN_SAMPLE : minSample;
        SupervisionBoard.Ranking ranking;
        try {
            ranking = board.ranking(actor, new AnalyticsFilter(since, until, null, null, null, null), sample);
        } catch (ProblemException e) {
            model.addAttribute("error", problems.text(e));
            since = until.minusDays(DEFAULT_RANKING_DAYS - 1);
            ranking = board.ranking(actor, new AnalyticsFilter(since, until, null, null, null, null),
                    SupervisionBoard.DEFAULT_MIN_SAMPLE);
        }
        model.addAttribute("nav", "supervision");
        model.addAttribute("board", board.board(actor));
        model.addAttribute("ranking", ranking);
        model.addAttribute("from", since);
        model.addAttribute("to", until);
        model.addAttribute("perUnit", SupervisionBoard.CASES_PER_UNIT);
        model.addAttribute("self", request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        model.addAttribute("canSupervise", actor.has(org.fengqiao.organisation.Role.SUPERVISOR));
        return BOARD;
    }

    /** 督办所选 / 催办所选: the same notice on every selected case; each case that refuses is reported. */
    @PostMapping("/supervision/supervise")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String superviseSelected(@AuthenticationPrincipal Actor actor,
                             @RequestParam(name = "caseId", required = false) List<Long> caseIds,
                             @RequestParam(required = false) String message,
                             @RequestParam(defaultValue = "SUPERVISE") Mode mode,
                             @RequestParam(required = false) String back,
                             @RequestParam(required = false) String dueOn,
                             RedirectAttributes redirect) {
        String target = back != null && back.startsWith("/supervision") && !back.startsWith("//") ? back : "/supervision";
        java.time.LocalDate due = null;
        if (dueOn != null && !dueOn.isBlank()) {
            try {
                due = java.time.LocalDate.parse(dueOn.strip());
            } catch (java.time.format.DateTimeParseException e) {
                redirect.addFlashAttribute("error", problems.text("supervision.badDueOn"));
                return "redirect:" + target;
            }
        }
        if (caseIds == null || caseIds.isEmpty()) {
            redirect.addFlashAttribute("error", problems.text("supervision.bulk.noneSelected"));
            return "redirect:" + target;
        }
        String text = message == null || message.isBlank() ? problems.text(mode.defaultMessage) : message.strip();
        SupervisionBoard.BulkResult result = board.supervise(actor, caseIds, text, due, problems::text);
        if (!result.noticesByCase().isEmpty()) {
            redirect.addFlashAttribute("success", problems.text(mode.doneMessage, result.noticesByCase().size()));
        }
        if (!result.failures().isEmpty()) {
            List<String> lines = new ArrayList<>();
            result.failures().forEach(f -> lines.add(problems.text("supervision.bulk.failure", f.caseLabel(), f.reason())));
            redirect.addFlashAttribute("failures", lines);
            redirect.addFlashAttribute("error", problems.text("supervision.bulk.failed", result.failures().size()));
        }
        return "redirect:" + target;
    }

    /** Supervision (督办) or a chase (催办): the same notice, in different words. */
    enum Mode {
        SUPERVISE("supervision.message.supervise", "supervision.bulk.supervised"),
        CHASE("supervision.message.chase", "supervision.bulk.chased");

        final String defaultMessage;
        final String doneMessage;

        Mode(String defaultMessage, String doneMessage) {
            this.defaultMessage = defaultMessage;
            this.doneMessage = doneMessage;
        }
    }
}
