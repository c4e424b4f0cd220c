package org.fengqiao.mediators.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

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
import org.fengqiao.mediators.MediatorBookings;
import org.fengqiao.mediators.MediatorSuggestions;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/** Suggested mediators for a case and the booking of a session with them (联合调解 across units). */
@Controller
class MediatorBookingPages {

    static final String BOOKING = "mediators/booking";

    static final String PANEL = "mediators/panel :: panel";
    static final int PANEL_SIZE = 3;

    private final MediatorSuggestions suggestions;
    private final MediatorBookings bookings;
    private final CaseQueries cases;
    private final ProblemMessages problems;

    MediatorBookingPages(MediatorSuggestions suggestions, MediatorBookings bookings, CaseQueries cases,
                         ProblemMessages problems) {
        this.suggestions = suggestions;
        this.bookings = bookings;
        this.cases = cases;
        this.problems = problems;
    }

    @GetMapping("/cases/{id}/mediators")
    String initBookingForm(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("nav", "mediators");
        model.addAttribute("handle", cases.handle(actor, id));
        model.addAttribute("suggested", suggestions.forCase(actor, id, 8));
        model.addAttribute("bookings", bookings.forCase(actor, id));
        return BOOKING;
    }

    /** The case page's panel: the three best suggested mediators with why, and the way to book them. */
    @GetMapping("/cases/{id}/mediators/panel")
    String panel(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("caseId", id);
        model.addAttribute("suggested", suggestions.forCase(actor, id, PANEL_SIZE));
        return PANEL;
    }

    @PostMapping("/cases/{id}/mediators/bookings")
    String processBookingForm(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                              @RequestParam(required = false) String startsAt,
                              @RequestParam(required = false) String endsAt,
                              @RequestParam(required = false) String place,
                              @RequestParam(name = "mediatorIds", required = false) List<Long> mediatorIds,
                              RedirectAttributes redirect) {
        try {
            bookings.book(actor, new MediatorBookings.NewBooking(id, time(startsAt, "startsAt"),
                    time(endsAt, "endsAt"), place, mediatorIds));
            redirect.addFlashAttribute("success", problems.text("mediators.booking.done"));
        } catch (ProblemException.NotFound e) {
            throw e;
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", problems.text(e));
        }
        return "redirect:/cases/" + id + "/mediators";
    }

    /** A {@code datetime-local} value, China time. */
    private static Instant time(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(ChinaTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProblemException.InvalidInput(field, "mediators.booking.timeMissing");
        }
    }
}
