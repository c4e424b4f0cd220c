package org.fengqiao.deadlines.web;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.fengqiao.deadlines.WorkingCalendar;
import org.fengqiao.platform.ChinaTime;

/**
 * Every administration page (the tabs show it) and the calendar page warn when deadlines set today may reach a
 * year whose holidays are not in the calendar yet (e.g. 2027 in late 2026).
 */
@ControllerAdvice
class CalendarGapWarning {

    private final WorkingCalendar calendar;
    private final Clock clock;

    CalendarGapWarning(WorkingCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @ModelAttribute("calendarGaps")
    List<Integer> calendarGaps(HttpServletRequest request) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/admin/")
                || !"GET".equals(request.getMethod())) {
            return null;
        }
        return calendar.unpublishedYearsReached(ChinaTime.dateOf(clock.instant()));
    }
}
