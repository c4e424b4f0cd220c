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
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
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
import org.fengqiao.reviews.ReviewMeetings;

/** /reviews: the next agenda of my centre with the record form, past meetings, a meeting and its minutes. */
@Controller
@PreAuthorize("hasAnyRole('DISPATCHER', 'SUPERVISOR')")
class ReviewPages {

    static final String AGENDA = "reviews/agenda";
    static final String MEETING = "reviews/meeting";

    private final Agendas agendas;
    private final ReviewMeetings meetings;
    private final ReviewFiles files;
    private final Units units;
    private final ProblemMessages problems;
    private final Clock clock;

    ReviewPages(Agendas agendas, ReviewMeetings meetings, ReviewFiles files, Units units, ProblemMessages problems,
                Clock clock) {
        this.agendas = agendas;
        this.meetings = meetings;
        this.files = files;
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

    /**
     * The record form posts one row per agenda item as {@code decisions[n].field} (n as the page numbered them,
     * not consecutive, so read by hand rather than bound to a list); rows without a decision are skipped.
     */
    @PostMapping("/reviews")
    String processMeetingForm(@AuthenticationPrincipal Actor actor, @RequestParam MultiValueMap<String, String> form,
                              RedirectAttributes redirect) {
        Long centre = number(form.getFirst("centre"), "centre");
        try {
            Map<Integer, Map<String, String>> rows = new TreeMap<>();
            form.forEach((name, values) -> {
                Matcher m = ROW.matcher(name);
                if (m.matches() && !values.isEmpty()) {
                    rows.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new HashMap<>()).put(m.group(2),
                            values.getFirst());
                }
            });
            List<ReviewMeetings.NewDecision> decisions = new ArrayList<>();
            for (Map<String, String> row : rows.values()) {
                String action = blank(row.get("action"));
                Long caseId = number(row.get("caseId"), "caseId");
                String text = blank(row.get("text"));
                if (action == null || caseId == null && text == null) {
                    continue; // no decision on this item, or an empty task row
                }
                ReviewMeetings.Action a = ReviewMeetings.Action.valueOf(action);
                decisions.add(new ReviewMeetings.NewDecision(row.get("section"), caseId, a,
                        number(row.get("unitId"), "unitId"), blank(row.get("leader")), date(row.get("dueOn")),
                        blank(row.get("owner")), text == null ? problems.text("reviews.action." + a) : text));
            }
            String attendees = form.getFirst("attendees");
            List<Long> invited = form.getOrDefault("invitedUnits", List.of()).stream()
                    .map(v -> number(v, "invitedUnits")).toList();
            ReviewMeetings.Meeting m = meetings.record(actor, new ReviewMeetings.NewMeeting(centre,
                    heldAt(form.getFirst("heldAt")), form.getFirst("chair"), attendees == null ? List.of()
                    : Arrays.stream(attendees.split("[,，、;；\\s]+")).filter(x -> !x.isBlank()).toList(), invited,
                    form.getFirst("summary"), decisions));
            redirect.addFlashAttribute("success", problems.text("reviews.page.recorded"));
            return "redirect:/reviews/" + m.id();
        } catch (ProblemException.NotFound e) {
            throw e;
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", problems.text(e));
            return "redirect:/reviews" + (centre == null ? "" : "?centre=" + centre);
        }
    }

    private static final Pattern ROW = Pattern.compile("decisions\\[(\\d{1,5})]\\.(\\w+)");

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Long number(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException.InvalidInput(field, "reviews.page.badNumber");
        }
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new ProblemException.InvalidInput("dueOn", "reviews.page.badDate");
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
        return files.minutes(actor, id, locale);
    }

    @GetMapping("/reviews/agenda.xlsx")
    ResponseEntity<byte[]> agendaLedger(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Long centre,
                                        @RequestParam(required = false) LocalDate date, Locale locale) {
        return files.agendaLedger(actor, centre, date, locale);
    }

    @GetMapping("/reviews/report.docx")
    ResponseEntity<byte[]> monthly(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Long centre,
                                   @RequestParam(required = false) YearMonth month, Locale locale) {
        return files.monthlyReport(actor, centre, month, locale);
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
