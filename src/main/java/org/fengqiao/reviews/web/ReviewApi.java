package org.fengqiao.reviews.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.fengqiao.access.Actor;
import org.fengqiao.reviews.Agenda;
import org.fengqiao.reviews.Agendas;
import org.fengqiao.reviews.ReviewCadences;
import org.fengqiao.reviews.ReviewMeetings;

/** 研判会商 over JSON, within the caller's jurisdiction: agendas, meeting records, minutes, the monthly report. */
@RestController
class ReviewApi {

    record Meetings(List<ReviewMeetings.Listed> meetings) {
    }

    record Done(String note) {
    }

    private final Agendas agendas;
    private final ReviewMeetings meetings;
    private final ReviewFiles files;
    private final ReviewCadences cadences;

    ReviewApi(Agendas agendas, ReviewMeetings meetings, ReviewFiles files, ReviewCadences cadences) {
        this.agendas = agendas;
        this.meetings = meetings;
        this.files = files;
        this.cadences = cadences;
    }

    /** The agenda of a centre's meeting (default: the caller's centre, its next meeting). */
    @GetMapping("/api/reviews/agenda")
    Agenda agenda(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Long centre,
                  @RequestParam(required = false) LocalDate date) {
        return agendas.agenda(actor, centre, date);
    }

    @GetMapping("/api/reviews/agenda.xlsx")
    ResponseEntity<byte[]> agendaLedger(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Long centre,
                                        @RequestParam(required = false) LocalDate date, Locale locale) {
        return files.agendaLedger(actor, centre, date, locale);
    }

    @GetMapping("/api/reviews")
    Meetings list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Long centre,
                  @RequestParam(defaultValue = "50") int limit) {
        return new Meetings(meetings.list(actor, centre, limit));
    }

    @PostMapping("/api/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('DISPATCHER', 'SUPERVISOR')")
    ReviewMeetings.Meeting record(@AuthenticationPrincipal Actor actor, @RequestBody ReviewMeetings.NewMeeting body) {
        return meetings.record(actor, body);
    }

    @GetMapping("/api/reviews/{id}")
    ReviewMeetings.Meeting get(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return meetings.get(actor, id);
    }

    @GetMapping("/api/reviews/{id}/minutes.docx")
    ResponseEntity<byte[]> minutes(@AuthenticationPrincipal Actor actor, @PathVariable long id, Locale locale) {
        return files.minutes(actor, id, locale);
    }

    /** The monthly review report of a county centre (default: the caller's, last month). */
    @GetMapping("/api/reviews/report.docx")
    ResponseEntity<byte[]> monthly(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Long centre,
                                   @RequestParam(required = false) YearMonth month, Locale locale) {
        return files.monthlyReport(actor, centre, month, locale);
    }

    @PostMapping("/api/reviews/follow-ups/{id}/done")
    @PreAuthorize("hasAnyRole('DISPATCHER', 'SUPERVISOR')")
    ReviewMeetings.FollowUp done(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestBody Done body) {
        return meetings.complete(actor, id, body.note());
    }

    @GetMapping("/api/reviews/cadence")
    ReviewCadences.Cadence cadence(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Long centre) {
        return cadences.of(agendas.centre(actor, centre));
    }

    @PutMapping("/api/reviews/cadence")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ReviewCadences.Cadence setCadence(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Long centre,
                                      @RequestBody ReviewCadences.Cadence body) {
        return cadences.set(agendas.centre(actor, centre), body);
    }
}
