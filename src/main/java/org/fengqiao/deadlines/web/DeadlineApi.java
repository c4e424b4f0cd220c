package org.fengqiao.deadlines.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.fengqiao.deadlines.DeadlinePolicy;
import org.fengqiao.deadlines.DeadlineStep;
import org.fengqiao.deadlines.Deadlines;
import org.fengqiao.deadlines.WorkingCalendar;
import org.fengqiao.platform.ChinaTime;

/**
 * The working-day calendar and the deadline policies.
 */
@RestController
@RequestMapping("/api")
class DeadlineApi {

    record Day(LocalDate day, boolean workingDay, String kind, String name) {
    }

    record SpecialDayBody(@NotNull WorkingCalendar.DayKind kind, @NotBlank @Size(max = 40) String name) {
    }

    record PolicyChange(@NotNull @Min(0) @Max(3650) Integer amount, @NotNull DeadlinePolicy.DurationUnit unit,
                        @Min(0) @Max(10) Integer limitCount, @NotBlank @Size(max = 200) String description,
                        @NotNull Boolean active) {
    }

    record NewPolicy(@NotBlank @Pattern(regexp = "[A-Z0-9_]{2,60}") String code, @NotNull DeadlineStep step,
                     @Size(max = 40) String channel, @Size(max = 40) String kind, @Size(max = 7) String categoryPrefix,
                     Boolean urgent, @NotNull @Min(0) @Max(3650) Integer amount,
                     @NotNull DeadlinePolicy.DurationUnit unit, @Min(0) @Max(10) Integer limitCount,
                     @NotBlank @Size(max = 200) String description) {
    }

    record WorkingDayAnswer(LocalDate from, int days, LocalDate result) {
    }

    private final Deadlines deadlines;
    private final WorkingCalendar calendar;
    private final Clock clock;

    DeadlineApi(Deadlines deadlines, WorkingCalendar calendar, Clock clock) {
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/calendar")
    List<Day> calendar(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer month) {
        int y = year == null ? ChinaTime.dateOf(clock.instant()).getYear() : year;
        if (y < 2000 || y > 2100 || month != null && (month < 1 || month > 12)) {
            throw new org.fengqiao.platform.ProblemException.InvalidInput("year", "calendar.badYear");
        }
        LocalDate start = month == null ? LocalDate.of(y, 1, 1) : LocalDate.of(y, month, 1);
        LocalDate end = month == null ? start.plusYears(1) : start.plusMonths(1);
        return start.datesUntil(end).map(d -> {
            var special = calendar.specialDay(d);
            return new Day(d, calendar.isWorkingDay(d), special.map(s -> s.kind().name()).orElse(null),
                    special.map(WorkingCalendar.SpecialDay::name).orElse(null));
        }).toList();
    }

    @GetMapping("/calendar/add-working-days")
    WorkingDayAnswer addWorkingDays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam int days) {
        if (days < 0 || days > 1000) {
            throw new org.fengqiao.platform.ProblemException.InvalidInput("days", "calendar.badDays");
        }
        return new WorkingDayAnswer(from, days, calendar.addWorkingDays(from, days));
    }

    @PutMapping("/calendar/{day}")
    @PreAuthorize("hasRole('ADMIN')")
    Day setDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
               @Valid @RequestBody SpecialDayBody body) {
        calendar.setSpecialDay(day, body.kind(), body.name());
        return new Day(day, calendar.isWorkingDay(day), body.kind().name(), body.name().strip());
    }

    @DeleteMapping("/calendar/{day}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> clearDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        calendar.clearSpecialDay(day);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/deadline-policies")
    List<DeadlinePolicy> policies() {
        return deadlines.policies();
    }

    @PutMapping("/deadline-policies/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    DeadlinePolicy change(@PathVariable String code,
                          @Valid @RequestBody PolicyChange body) {
        return deadlines.update(code, body.amount(), body.unit(), body.limitCount(), body.description(), body.active());
    }

    @PostMapping("/deadline-policies")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    DeadlinePolicy create(@Valid @RequestBody NewPolicy body) {
        return deadlines.create(new DeadlinePolicy(0, body.code(), body.step(), blank(body.channel()), blank(body.kind()),
                blank(body.categoryPrefix()), body.urgent(), body.amount(), body.unit(), body.limitCount(),
                body.description().strip(), true));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
