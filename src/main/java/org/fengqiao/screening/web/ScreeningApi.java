package org.fengqiao.screening.web;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseService;
import org.fengqiao.screening.Screening;
import org.fengqiao.screening.ScreeningLedger;

/** 矛盾纠纷排查 over JSON: reports and zero reports, who has not reported, chasing, items to cases, the ledger. */
@RestController
class ScreeningApi {

    record Chase(String regionCode, LocalDate period) {
    }

    record Reports(java.util.List<Screening.Report> reports) {
    }

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Screening screening;
    private final ScreeningLedger ledger;

    ScreeningApi(Screening screening, ScreeningLedger ledger) {
        this.screening = screening;
        this.ledger = ledger;
    }

    @PostMapping("/api/screening/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('GRID_WORKER', 'INTAKE', 'DISPATCHER')")
    Screening.Report report(@AuthenticationPrincipal Actor actor, @RequestBody Screening.NewReport body) {
        return screening.report(actor, body);
    }

    @GetMapping("/api/screening/reports/{id}")
    Screening.Report get(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return screening.get(actor, id);
    }

    @GetMapping("/api/screening/reports")
    Reports reports(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String region,
                    @RequestParam LocalDate from, @RequestParam LocalDate to) {
        return new Reports(screening.reports(actor, region, from, to));
    }

    /** Who has reported for the period containing {@code period} (default this one), and who has not. */
    @GetMapping("/api/screening/status")
    Screening.Status status(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String region,
                            @RequestParam(required = false) LocalDate period) {
        return screening.status(actor, region, period);
    }

    @PostMapping("/api/screening/chases")
    @PreAuthorize("hasAnyRole('DISPATCHER', 'SUPERVISOR')")
    Screening.Status chase(@AuthenticationPrincipal Actor actor, @RequestBody Chase body) {
        return screening.chase(actor, body.regionCode(), body.period());
    }

    /** A screened item becomes a case in one action (channel 网格上报). */
    @PostMapping("/api/screening/items/{id}/case")
    @ResponseStatus(HttpStatus.CREATED)
    CaseService.Registration toCase(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return screening.toCase(actor, id);
    }

    @GetMapping("/api/screening/ledger.xlsx")
    ResponseEntity<byte[]> ledger(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String region,
                                  @RequestParam LocalDate from, @RequestParam LocalDate to, Locale locale) {
        byte[] body = ledger.export(actor, region, from, to, locale);
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("screening-" + from + ".xlsx").build().toString()).body(body);
    }
}
