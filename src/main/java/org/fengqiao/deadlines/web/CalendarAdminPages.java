package org.fengqiao.deadlines.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.fengqiao.deadlines.WorkingCalendar;
import org.fengqiao.deadlines.WorkingCalendar.DayKind;
import org.fengqiao.deadlines.WorkingCalendar.SpecialDay;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.FormErrors;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/**
 * 工作日历: a year of the working-day calendar — public holidays and make-up workdays (调休) with their names,
 * month by month — adding, changing and removing a day, and what it does to deadlines ("2026-10-08 + 3 个工作日
 * = …").
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarAdminPages {

    static final String YEAR = "admin/calendar";
    static final int DEFAULT_DAYS = 3;

    /** Listing a day. */
    static class DayForm {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate day;
        DayKind kind = DayKind.HOLIDAY;
        String name;

        public LocalDate getDay() { return day; }
        public void setDay(LocalDate v) { day = v; }
        public DayKind getKind() { return kind; }
        public void setKind(DayKind v) { kind = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
    }

    /** One day of a month grid: null outside the month. */
    record Cell(LocalDate date, boolean working, SpecialDay special) {
    }

    record Month(YearMonth month, List<List<Cell>> weeks) {
    }

    /** "from + days working days = result". */
    record Effect(LocalDate from, int days, LocalDate result) {
    }

    private final WorkingCalendar calendar;
    private final ProblemMessages problems;
    private final Clock clock;

    CalendarAdminPages(WorkingCalendar calendar, ProblemMessages problems, Clock clock) {
        this.calendar = calendar;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping
    String year(@RequestParam(required = false) Integer year,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) Integer days, Model model) {
        if (!model.containsAttribute("dayForm")) {
            model.addAttribute("dayForm", new DayForm());
        }
        return yearPage(year, from, days, model);
    }

    @PostMapping("/days")
    String processDayForm(@ModelAttribute("dayForm") DayForm form, BindingResult binding, Model model,
                          RedirectAttributes redirect) {
        if (form.day == null && !binding.hasFieldErrors("day")) {
            binding.rejectValue("day", "refused", problems.text("admin.form.required"));
        }
        if (form.kind == null) {
            binding.rejectValue("kind", "refused", problems.text("admin.form.required"));
        }
        if (!binding.hasErrors()) {
            try {
                calendar.setSpecialDay(form.day, form.kind, form.name);
                redirect.addFlashAttribute("success", problems.text("admin.calendar.saved", form.day.toString(),
                        problems.text("admin.calendar.kind." + form.kind), form.name.strip()));
                return "redirect:/admin/calendar?year=" + form.day.getYear() + "&from=" + form.day;
            } catch (ProblemException e) {
                FormErrors.reject(binding, problems, e);
            }
        }
        return yearPage(form.day == null ? null : form.day.getYear(), form.day, null, model);
    }

    @PostMapping("/days/{day}/delete")
    String processRemoveForm(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                             RedirectAttributes redirect) {
        SpecialDay listed = calendar.specialDay(day)
                .orElseThrow(() -> new ProblemException.NotFound("admin.calendar.notListed", day.toString()));
        calendar.clearSpecialDay(day);
        redirect.addFlashAttribute("success", problems.text("admin.calendar.removed", day.toString(), listed.name()));
        return "redirect:/admin/calendar?year=" + day.getYear() + "&from=" + day;
    }

    private String yearPage(Integer year, LocalDate from, Integer days, Model model) {
        LocalDate today = ChinaTime.dateOf(clock.instant());
        int y = year == null ? today.getYear() : year;
        if (y < 2000 || y > 2100) {
            throw new ProblemException.InvalidInput("year", "calendar.badYear");
        }
        LocalDate start = from == null ? (y == today.getYear() ? today : LocalDate.of(y, 1, 1)) : from;
        int n = days == null ? DEFAULT_DAYS : days;
        if (n < 0 || n > 1000) {
            model.addAttribute("effectError", problems.text("calendar.badDays"));
        } else {
            model.addAttribute("effect", new Effect(start, n, calendar.addWorkingDays(start, n)));
        }
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(month(YearMonth.of(y, m)));
        }
        model.addAttribute("year", y);
        model.addAttribute("months", months);
        model.addAttribute("specialDays", calendar.specialDays(y));
        model.addAttribute("weekdays", week());
        model.addAttribute("kinds", DayKind.values());
        model.addAttribute("nav", "admin");
        return YEAR;
    }

    private Month month(YearMonth ym) {
        List<List<Cell>> weeks = new ArrayList<>();
        List<Cell> week = new ArrayList<>();
        for (int i = 1; i < ym.atDay(1).getDayOfWeek().getValue(); i++) {
            week.add(new Cell(null, false, null));
        }
        for (LocalDate d = ym.atDay(1); !d.isAfter(ym.atEndOfMonth()); d = d.plusDays(1)) {
            week.add(new Cell(d, calendar.isWorkingDay(d), calendar.specialDay(d).orElse(null)));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(new Cell(null, false, null));
            }
            weeks.add(week);
        }
        return new Month(ym, weeks);
    }

    /** A Monday-to-Sunday week, for the column headers (named in the page's language). */
    private static List<LocalDate> week() {
        LocalDate monday = LocalDate.of(2024, 1, 1);
        return monday.datesUntil(monday.plusDays(7)).toList();
    }
}
