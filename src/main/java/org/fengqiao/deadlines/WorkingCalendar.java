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
