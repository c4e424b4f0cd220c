package org.fengqiao.reviews;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.organisation.Unit;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.RegionLevel;

/**
 * When each centre meets: by default a village centre daily (每日一碰头), a township weekly on Monday (每周一会商),
 * a county monthly on the 5th (每月一研判), all at 09:00; a centre may set its own day and time.
 */
@Service
@Transactional(readOnly = true)
public class ReviewCadences {

    public enum Frequency {
        DAILY, WEEKLY, MONTHLY
    }

    /**
     * @param dayOfWeek  1 (Monday) to 7, for a weekly meeting
     * @param dayOfMonth 1 to 28, for a monthly meeting
     */
    public record Cadence(Frequency frequency, Integer dayOfWeek, Integer dayOfMonth, LocalTime time) {

        /** The first meeting day on or after {@code day}. */
        public LocalDate nextOnOrAfter(LocalDate day) {
            return switch (frequency) {
                case DAILY -> day;
                case WEEKLY -> day.with(TemporalAdjusters.nextOrSame(DayOfWeek.of(dayOfWeek)));
                case MONTHLY -> day.getDayOfMonth() <= dayOfMonth ? day.withDayOfMonth(dayOfMonth)
                        : day.plusMonths(1).withDayOfMonth(dayOfMonth);
            };
        }

        /** The meeting day before {@code meeting}: where the period a meeting reviews begins. */
        public LocalDate previous(LocalDate meeting) {
            return switch (frequency) {
                case DAILY -> meeting.minusDays(1);
                case WEEKLY -> meeting.minusWeeks(1);
                case MONTHLY -> meeting.minusMonths(1);
            };
        }
    }

    private final JdbcClient jdbc;

    ReviewCadences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The default cadence of a centre at its level. */
    static Cadence byLevel(RegionLevel level) {
        LocalTime nine = LocalTime.of(9, 0);
        return switch (level) {
            case VILLAGE, GRID -> new Cadence(Frequency.DAILY, null, null, nine);
            case TOWNSHIP -> new Cadence(Frequency.WEEKLY, 1, null, nine);
            default -> new Cadence(Frequency.MONTHLY, null, 5, nine);
        };
    }

    public Cadence of(Unit centre) {
        return jdbc.sql("select * from review_cadence where unit_id = ?").param(centre.id())
                .query(ReviewCadences::cadence).optional().orElseGet(() -> byLevel(centre.level()));
    }

    /** The cadence of each of these centres (one query for all). */
    Map<Long, Cadence> of(List<Unit> centres) {
        Map<Long, Cadence> set = new HashMap<>();
        jdbc.sql("select * from review_cadence").query(rs -> {
            set.put(rs.getLong("unit_id"), cadence(rs, 0));
        });
        Map<Long, Cadence> all = new HashMap<>();
        centres.forEach(c -> all.put(c.id(), set.getOrDefault(c.id(), byLevel(c.level()))));
        return all;
    }

    private static Cadence cadence(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Cadence(Frequency.valueOf(rs.getString("frequency")), (Integer) rs.getObject("day_of_week"),
                (Integer) rs.getObject("day_of_month"), rs.getObject("meeting_time", LocalTime.class));
    }

    /** Sets a centre's cadence; all fields checked first. */
    @Transactional
    public Cadence set(Unit centre, Cadence c) {
        if (c == null || c.frequency() == null) {
            throw new ProblemException.InvalidInput("frequency", "reviews.cadence.frequency");
        }
        if (c.frequency() == Frequency.WEEKLY && (c.dayOfWeek() == null || c.dayOfWeek() < 1 || c.dayOfWeek() > 7)) {
            throw new ProblemException.InvalidInput("dayOfWeek", "reviews.cadence.dayOfWeek");
        }
        if (c.frequency() == Frequency.MONTHLY
                && (c.dayOfMonth() == null || c.dayOfMonth() < 1 || c.dayOfMonth() > 28)) {
            throw new ProblemException.InvalidInput("dayOfMonth", "reviews.cadence.dayOfMonth");
        }
        LocalTime time = c.time() == null ? LocalTime.of(9, 0) : c.time();
        Cadence stored = new Cadence(c.frequency(), c.frequency() == Frequency.WEEKLY ? c.dayOfWeek() : null,
                c.frequency() == Frequency.MONTHLY ? c.dayOfMonth() : null, time);
        jdbc.sql("""
                insert into review_cadence (unit_id, frequency, day_of_week, day_of_month, meeting_time)
                values (?, ?, ?, ?, ?) on conflict (unit_id) do update set frequency = excluded.frequency,
                day_of_week = excluded.day_of_week, day_of_month = excluded.day_of_month,
                meeting_time = excluded.meeting_time""").params(centre.id(), stored.frequency().name(),
                stored.dayOfWeek(), stored.dayOfMonth(), time).update();
        return stored;
    }
}
