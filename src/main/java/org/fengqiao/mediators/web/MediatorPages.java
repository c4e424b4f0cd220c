package org.fengqiao.mediators.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContextHolder;
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
import org.fengqiao.categories.Categories;
import org.fengqiao.categories.DisputeType;
import org.fengqiao.mediators.Mediator;
import org.fengqiao.mediators.MediatorBookings;
import org.fengqiao.mediators.MediatorRecord;
import org.fengqiao.mediators.Mediators;
import org.fengqiao.platform.ProblemMessages;

/** The mediator directory with each mediator's record, and one mediator's page with their schedule. */
@Controller
class MediatorPages {

    static final String DIRECTORY = "mediators/directory";
    static final String MEDIATOR = "mediators/mediator";
    static final Duration SCHEDULE_AHEAD = Duration.ofDays(30);

    record Row(Mediator mediator, MediatorRecord record) {
    }

    private final Mediators mediators;
    private final MediatorBookings bookings;
    private final Categories categories;
    private final ProblemMessages problems;
    private final Clock clock;

    MediatorPages(Mediators mediators, MediatorBookings bookings, Categories categories, ProblemMessages problems,
                  Clock clock) {
        this.mediators = mediators;
        this.bookings = bookings;
        this.categories = categories;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping("/mediators")
    String directory(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String disputeType,
                     @RequestParam(defaultValue = "false") boolean availableOnly, Model model) {
        String type = disputeType == null || disputeType.isBlank() ? null : disputeType;
        if (type != null && categories.disputeType(type).isEmpty()) {
            type = null;
        }
        model.addAttribute("nav", "mediators");
        model.addAttribute("disputeType", type);
        model.addAttribute("availableOnly", availableOnly);
        model.addAttribute("disputeTypes", categories.disputeTypes());
        model.addAttribute("typeNames", typeNames());
        model.addAttribute("minSample", MediatorRecord.MIN_SAMPLE);
        model.addAttribute("rows", mediators.list(type, null, availableOnly).stream()
                .map(m -> new Row(m, mediators.record(actor, m))).toList());
        return DIRECTORY;
    }

    /** One mediator: who, where, what they take, their record and the sessions booked for the next 30 days. */
    @GetMapping("/mediators/{id}")
    String mediator(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        Mediator m = mediators.get(id);
        Instant now = clock.instant();
        model.addAttribute("nav", "mediators");
        model.addAttribute("row", new Row(m, mediators.record(actor, m)));
        model.addAttribute("typeNames", typeNames());
        model.addAttribute("minSample", MediatorRecord.MIN_SAMPLE);
        model.addAttribute("schedule", bookings.schedule(actor, id, now, now.plus(SCHEDULE_AHEAD)));
        model.addAttribute("mayChangeAvailability", Mediators.mayChangeAvailability(actor));
        return MEDIATOR;
    }

    @PostMapping("/mediators/{id}/availability")
    @PreAuthorize(Mediators.MAY_CHANGE_AVAILABILITY)
    String processAvailabilityForm(@PathVariable long id, @RequestParam boolean available,
                                   RedirectAttributes redirect) {
        Mediator m = mediators.setAvailable(id, available);
        redirect.addFlashAttribute("success", problems.text(available ? "mediators.nowAvailable"
                : "mediators.nowUnavailable", m.name()));
        return "redirect:/mediators/" + id;
    }

    private Map<String, String> typeNames() {
        Locale locale = LocaleContextHolder.getLocale();
        return categories.disputeTypes().stream().collect(Collectors.toMap(DisputeType::code, t -> t.name(locale)));
    }
}
