package org.fengqiao.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Office hours, working days and end-of-day deadlines are reckoned in China Standard Time.
 */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }

    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** The first instant after the given day has ended, i.e. local midnight of the next day. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** When offices open (08:30): automatic notices such as chases go out then, not at midnight. */
    public static final java.time.LocalTime OFFICE_OPENS = java.time.LocalTime.of(8, 30);

    public static Instant officeOpens(LocalDate day) {
        return day.atTime(OFFICE_OPENS).atZone(ZONE).toInstant();
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
