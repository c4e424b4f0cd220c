package org.fengqiao.mediators.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
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
import org.fengqiao.mediators.Mediator;
import org.fengqiao.mediators.MediatorBookings;
import org.fengqiao.mediators.MediatorRecord;
import org.fengqiao.mediators.MediatorSuggestions;
import org.fengqiao.mediators.Mediators;

/** 调解员库: the directory with records, suggestions for a case, bookings and schedules. */
@RestController
class MediatorApi {

    record Listed(Mediator mediator, MediatorRecord record) {
    }

    record Directory(List<Listed> mediators) {
    }

    record Suggestions(List<MediatorSuggestions.Suggested> mediators) {
    }

    record Bookings(List<MediatorBookings.Booking> bookings) {
    }

    record Availability(boolean available) {
    }

    private final Mediators mediators;
    private final MediatorSuggestions suggestions;
    private final MediatorBookings bookings;
    private final java.time.Clock clock;

    MediatorApi(Mediators mediators, MediatorSuggestions suggestions, MediatorBookings bookings, java.time.Clock clock) {
        this.mediators = mediators;
        this.suggestions = suggestions;
        this.bookings = bookings;
        this.clock = clock;
    }

    /** The directory, optionally by dispute type, region (the mediators serving it) and availability. */
    @GetMapping("/api/mediators")
    Directory list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String disputeType,
                   @RequestParam(required = false) String region,
                   @RequestParam(defaultValue = "false") boolean availableOnly) {
        return new Directory(mediators.list(disputeType, region, availableOnly).stream()
                .map(m -> new Listed(m, mediators.record(actor, m))).toList());
    }

    @GetMapping("/api/mediators/{id}")
    Listed get(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        Mediator m = mediators.get(id);
        return new Listed(m, mediators.record(actor, m));
    }

    @PostMapping("/api/mediators")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    Mediator create(@RequestBody Mediators.NewMediator body) {
        return mediators.create(body);
    }

    @PutMapping("/api/mediators/{id}/availability")
    @PreAuthorize(Mediators.MAY_CHANGE_AVAILABILITY)
    Mediator availability(@PathVariable long id, @RequestBody Availability body) {
        return mediators.setAvailable(id, body.available());
    }

    /** The mediators suggested for a case, each with why (404 when the case is not the caller's to see). */
    @GetMapping("/api/cases/{id}/mediators")
    Suggestions suggest(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                        @RequestParam(defaultValue = "5") int limit) {
        return new Suggestions(suggestions.forCase(actor, id, limit));
    }

    /** Books a mediation session; a mediator already booked then is refused (409). */
    @PostMapping("/api/mediators/bookings")
    @ResponseStatus(HttpStatus.CREATED)
    MediatorBookings.Booking book(@AuthenticationPrincipal Actor actor, @RequestBody MediatorBookings.NewBooking body) {
        return bookings.book(actor, body);
    }

    @GetMapping("/api/cases/{id}/mediation-bookings")
    Bookings forCase(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return new Bookings(bookings.forCase(actor, id));
    }

    /** A mediator's schedule, by default the next 30 days. */
    @GetMapping("/api/mediators/{id}/schedule")
    Bookings schedule(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                      @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        Instant start = from == null ? clock.instant() : from;
        return new Bookings(bookings.schedule(actor, id, start, to == null ? start.plus(Duration.ofDays(30)) : to));
    }
}
