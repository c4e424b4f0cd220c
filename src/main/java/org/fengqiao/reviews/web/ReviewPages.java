package org.fengqiao.reviews.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.fengqiao.access.Actor;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;
import org.fengqiao.reviews.Agenda;
import org.fengqiao.reviews.Agendas;
import org.fengqiao.reviews.MonthlyReport;
import org.fengqiao.reviews.ReviewDocuments;
import org.fengqiao.reviews.ReviewMeetings;

/** /reviews: the next agenda of my centre with the record form, past meetings, a meeting and its minutes. */
@Controller
@PreAuthorize("hasAnyRole('DISPATCHER', 'SUPERVISOR')")
class ReviewPages {

    static final String AGENDA = "reviews/agenda";
    static final String MEETING = "reviews/meeting";

    private final Agendas agendas;
    private final ReviewMeetings meetings;
    private final ReviewDocuments documents;
    private final MonthlyReport report;
    private final Units units;
    private final ProblemMessages problems;
    private final Clock clock;

    ReviewPages(Agendas agendas, ReviewMeetings meetings, ReviewDocuments documents, MonthlyReport report, Units units,
                ProblemMessages problems, Clock clock) {
        this.agendas = agendas;
        this.meetings = meetings;
        this.documents = documents;
        this.report = report;
        this.units = units;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping("/reviews")
    String initMeetingForm(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Long centre,
                           @RequestParam(required = false) LocalDate date, Model model) {
        Agenda agenda = agendas.agenda(actor, centre, date);
        model.addAttribute("nav", "reviews");
        model.addAttribute("agenda", agenda);
        model.addAttribute("meetings", meetings.list(actor, agenda.centre().id(), 10));
        model.addAttribute("actions", ReviewMeetings.Action.values());
        model.addAttribute("units", unitsFor(agenda));
        model.addAttribute("now", LocalDateTime.ofInstant(clock.instant(), ChinaTime.ZONE).withSecond(0).withNano(0));
        return AGENDA;
    }

    @PostMapping("/reviews")
    String processMeetingForm(@AuthenticationPrincipal Actor actor, @ModelAttribute MeetingForm form,
                              RedirectAttributes redirect) {
        try {
            List<ReviewMeetings.NewDecision> decisions = new ArrayList<>();
            for (MeetingForm.DecisionRow row : form.getDecisions()) {
                if (row == null || row.getAction() == null || row.getAction().isBlank()
                        || row.getCaseId() == null && (row.getText() == null || row.getText().isBlank())) {
                    continue; // no decision on this item, or an empty task row
                }
                ReviewMeetings.Action action = ReviewMeetings.Action.valueOf(row.getAction());
                String text = row.getText() == null || row.getText().isBlank()
                        ? problems.text("reviews.action." + action) : row.getText();
                decisions.add(new ReviewMeetings.NewDecision(row.getSection(), row.getCaseId(), action,
                        row.getUnitId(), row.getLeader(), row.getDueOn(), row.getOwner(), text));
            }
            List<String> attendees = form.getAttendees() == null ? List.of()
                    : Arrays.stream(form.getAttendees().split("[,，、;；\\s]+")).filter(s -> !s.isBlank()).toList();
            ReviewMeetings.Meeting m = meetings.record(actor, new ReviewMeetings.NewMeeting(form.getCentre(),
                    heldAt(form.getHeldAt()), form.getChair(), attendees, form.getInvitedUnits(), form.getSummary(),
                    decisions));
            redirect.addFlashAttribute("success", problems.text("reviews.page.recorded"));
            return "redirect:/reviews/" + m.id();
        } catch (ProblemException.NotFound e) {
            throw e;
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", problems.text(e));
            return "redirect:/reviews" + (form.getCentre() == null ? "" : "?centre=" + form.getCentre());
        }
    }

    @GetMapping("/reviews/{id}")
    String meeting(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("nav", "reviews");
        model.addAttribute("meeting", meetings.get(actor, id));
        return MEETING;
    }

    @PostMapping("/reviews/follow-ups/{id}/done")
    String followUpDone(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestParam long meeting,
                        @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            meetings.complete(actor, id, note);
            redirect.addFlashAttribute("success", problems.text("reviews.page.followUpDone"));
        } catch (ProblemException.NotFound e) {
            throw e;
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", problems.text(e));
        }
        return "redirect:/reviews/" + meeting;
    }

    @GetMapping("/reviews/{id}/minutes.docx")
    ResponseEntity<byte[]> minutes(@AuthenticationPrincipal Actor actor, @PathVariable long id, Locale locale) {
        return ReviewApi.file(documents.minutes(meetings.get(actor, id), locale), ReviewApi.DOCX,
                "minutes-" + id + ".docx");
    }

    @GetMapping("/reviews/agenda.xlsx")
    ResponseEntity<byte[]> agendaLedger(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Long centre,
                                        @RequestParam(required = false) LocalDate date, Locale locale) {
        Agenda a = agendas.agenda(actor, centre, date);
        return ReviewApi.file(documents.agendaLedger(a, locale), ReviewApi.XLSX, "agenda-" + a.meetingDate() + ".xlsx");
    }

    @GetMapping("/reviews/report.docx")
    ResponseEntity<byte[]> monthly(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Long centre,
                                   @RequestParam(required = false) YearMonth month, Locale locale) {
        return ReviewApi.file(report.report(actor, centre, month, locale), ReviewApi.DOCX, "monthly-review.docx");
    }

    /** The units a meeting may hand a case to or invite: those serving the centre's area and the levels above. */
    private List<Unit> unitsFor(Agenda agenda) {
        var region = org.fengqiao.regions.DivisionCode.of(agenda.centre().regionCode());
        return units.list().stream().filter(Unit::active)
                .filter(u -> region.isWithin(u.regionCode()) || u.regionCode().isWithin(region)).toList();
    }

    private static Instant heldAt(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(ChinaTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProblemException.InvalidInput("heldAt", "reviews.badHeldAt");
        }
    }
}
