package org.fengqiao.screening.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseKind;
import org.fengqiao.organisation.Role;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.screening.Screening;
import org.fengqiao.screening.ScreeningLedger;

/** /screening: a village's report (or zero report) from the phone; the township's who-has-reported and chasing. */
@Controller
class ScreeningPages {

    static final String INDEX = "screening/index";

    private final Screening screening;
    private final ScreeningLedger ledger;
    private final ProblemMessages problems;

    ScreeningPages(Screening screening, ScreeningLedger ledger, ProblemMessages problems) {
        this.screening = screening;
        this.ledger = ledger;
        this.problems = problems;
    }

    @GetMapping("/screening")
    String index(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) LocalDate period, Model model) {
        model.addAttribute("nav", "grids");
        Screening.Status status = screening.status(actor, null, period);
        model.addAttribute("status", status);
        model.addAttribute("village", actor.unit().level() == RegionLevel.VILLAGE
                && actor.hasAny(Role.GRID_WORKER, Role.INTAKE, Role.DISPATCHER));
        model.addAttribute("township", actor.unit().level() != RegionLevel.VILLAGE
                && actor.hasAny(Role.DISPATCHER, Role.SUPERVISOR));
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("ledgerFrom", status.periodStart().minusWeeks(3));
        return INDEX;
    }

    @PostMapping("/screening/reports")
    String report(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) LocalDate period,
                  @RequestParam(defaultValue = "false") boolean zeroReport, @RequestParam(required = false) String note,
                  @RequestParam(name = "title", required = false) List<String> titles,
                  @RequestParam(name = "description", required = false) List<String> descriptions,
                  @RequestParam(name = "people", required = false) List<Integer> people, RedirectAttributes redirect) {
        List<Screening.NewItem> items = new ArrayList<>();
        for (int i = 0; titles != null && i < titles.size(); i++) {
            if (titles.get(i) == null || titles.get(i).isBlank()) {
                continue;
            }
            items.add(new Screening.NewItem(CaseKind.DISPUTE, null, titles.get(i),
                    descriptions == null || descriptions.size() <= i ? null : descriptions.get(i),
                    null, people == null || people.size() <= i ? null : people.get(i)));
        }
        try {
            screening.report(actor, new Screening.NewReport(actor.unit().regionCode().value(), period, zeroReport, note,
                    items));
            redirect.addFlashAttribute("success", problems.text("screening.page.reported"));
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", problems.text(e));
        }
        return "redirect:/screening";
    }

    @PostMapping("/screening/chases")
    String chase(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
                 @RequestParam(required = false) LocalDate period, RedirectAttributes redirect) {
        try {
            screening.chase(actor, regionCode, period);
            redirect.addFlashAttribute("success", problems.text("screening.page.chased"));
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", problems.text(e));
        }
        return "redirect:/screening" + (period == null ? "" : "?period=" + period);
    }

    @PostMapping("/screening/items/{id}/case")
    String toCase(@AuthenticationPrincipal Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            return "redirect:/cases/" + screening.toCase(actor, id).id();
        } catch (ProblemException.NotFound e) {
            throw e;
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", problems.text(e));
            return "redirect:/screening";
        }
    }

    @GetMapping("/screening/ledger.xlsx")
    ResponseEntity<byte[]> ledger(@AuthenticationPrincipal Actor actor, @RequestParam LocalDate from,
                                  @RequestParam LocalDate to, Locale locale) {
        return ResponseEntity.ok().contentType(ScreeningApi.XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("screening-" + from + ".xlsx").build().toString())
                .body(ledger.export(actor, null, from, to, locale));
    }
}
