package org.fengqiao.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.audit.AuditLog;
import org.fengqiao.platform.ProblemException;

/**
 * Working-day arithmetic. Monday to Friday are working days and weekends are not, except for the listed
 * days: public holidays (off, even on a weekday) and make-up workdays (调休, on, even on a weekend).
 */
@Service
public class WorkingCalendar {

    /** A listed day. */
    public record SpecialDay(LocalDate day, DayKind kind, String name) {
    }

    public enum DayKind { HOLIDAY, WORKDAY }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AtomicReference<Map<LocalDate, SpecialDay>> special = new AtomicReference<>();

    WorkingCalendar(JdbcClient jdbc, AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * The statutory holidays on fixed dates (全国年节及纪念日放假办法, from 2025): New Year's Day, 1–2 May, 1–3
     * October. The lunar ones and the make-up workdays come only with the State Council's yearly arrangement.
     */
    static final java.util.Set<java.time.MonthDay> FIXED_HOLIDAYS = java.util.Set.of(java.time.MonthDay.of(1, 1),
            java.time.MonthDay.of(5, 1), java.time.MonthDay.of(5, 2), java.time.MonthDay.of(10, 1),
            java.time.MonthDay.of(10, 2), java.time.MonthDay.of(10, 3));

    /** Whether the year's holidays are in the calendar (any day of the year listed). */
    public boolean isPublished(int year) {
        return special().keySet().stream().anyMatch(d -> d.getYear() == year);
    }

    /**
     * The years a deadline set today may reach — through the longest active deadline policy — whose calendar is
     * not in yet: there deadlines count only weekends and the fixed-date holidays, so administrators are warned.
     */
    public List<Integer> unpublishedYearsReached(LocalDate today) {
        LocalDate furthest = today;
        for (var row : jdbc.sql("select unit, max(amount) from deadline_policy where active group by unit")
                .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getInt(2))).list()) {
            LocalDate reach = switch (row.getKey()) {
                case "WORKING_DAYS" -> addWorkingDays(today, row.getValue());
                case "CALENDAR_DAYS" -> today.plusDays(row.getValue());
                default -> today;
            };
            furthest = reach.isAfter(furthest) ? reach : furthest;
        }
        return java.util.stream.IntStream.rangeClosed(today.getYear(), furthest.getYear())
                .filter(y -> !isPublished(y)).boxed().toList();
    }

    private Map<LocalDate, SpecialDay> special() {
        Map<LocalDate, SpecialDay> days = special.get();
        if (days == null) {
            days = jdbc.sql("select day, kind, name from calendar_day")
                    .query((rs, n) -> new SpecialDay(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2)),
                            rs.getString(3)))
                    .list().stream().collect(Collectors.toUnmodifiableMap(SpecialDay::day, d -> d));
            special.set(days);
        }
        return days;
    }

    public boolean isWorkingDay(LocalDate day) {
        SpecialDay listed = special().get(day);
        if (listed != null) {
            return listed.kind() == DayKind.WORKDAY;
        }
        if (FIXED_HOLIDAYS.contains(java.time.MonthDay.from(day)) && !isPublished(day.getYear())) {
            return false; // before the year's arrangement is published, at least its fixed statutory holidays
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /**
     * The n-th working day strictly after {@code day}; for n = 0, {@code day} itself if it is a working day,
     * else the next working day.
     */
    public LocalDate addWorkingDays(LocalDate day, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        LocalDate d = day;
        if (n == 0) {
            while (!isWorkingDay(d)) {
                d = d.plusDays(1);
            }
            return d;
        }
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /**
     * Working days from {@code from} (exclusive) to {@code to} (inclusive); negative when {@code to} is before
     * {@code from}. Used to show "3 working days left" or "2 working days overdue".
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    public List<SpecialDay> specialDays(int year) {
        return special().values().stream().filter(d -> d.day().getYear() == year)
                .sorted(java.util.Comparator.comparing(SpecialDay::day)).toList();
    }

    public Optional<SpecialDay> specialDay(LocalDate day) {
        return Optional.ofNullable(special().get(day));
    }

    /** Lists a day as a holiday or make-up workday, replacing any earlier entry for that day. */
    @Transactional
    public void setSpecialDay(LocalDate day, DayKind kind, String name) {
        if (name == null || name.isBlank() || name.length() > 40) {
            throw new ProblemException.InvalidInput("name", "calendar.badName");
        }
        if (day.getYear() < 2000 || day.getYear() > 2100) {
            throw new ProblemException.InvalidInput("day", "calendar.badDay", day);
        }
        jdbc.sql("""
                insert into calendar_day (day, kind, name) values (?, ?, ?)
                on conflict (day) do update set kind = excluded.kind, name = excluded.name
                """).params(day, kind.name(), name.strip()).update();
        audit.recordAdministration(AuditLog.Action.CHANGE_CALENDAR, day.toString(),
                java.util.Map.of("kind", kind.name(), "name", name.strip()));
        special.set(null);
    }

    /** Returns a day to the weekday/weekend default. */
    @Transactional
    public void clearSpecialDay(LocalDate day) {
        if (jdbc.sql("delete from calendar_day where day = ?").param(day).update() > 0) {
            audit.recordAdministration(AuditLog.Action.CHANGE_CALENDAR, day.toString(), java.util.Map.of("cleared", true));
        }
        special.set(null);
    }

    /** Forgets what is cached, for a change made through another instance (read again on next use). */
    public void changed() {
        special.set(null);
    }
}
