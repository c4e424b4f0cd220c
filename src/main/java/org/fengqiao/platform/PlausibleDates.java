package org.fengqiao.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The dates the platform accepts from outside: 1950 to 2199. Anything beyond is a typing error or a probe, and
 * would overflow the calendar arithmetic, PostgreSQL's timestamps or a year's working days. Query parameters
 * ({@link WebConfiguration}), JSON bodies ({@link JsonConfiguration}) and page forms all go through here.
 */
public final class PlausibleDates {

    public static final LocalDate MIN = LocalDate.of(1950, 1, 1);
    public static final LocalDate MAX = LocalDate.of(2199, 12, 31);
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private PlausibleDates() {
    }

    public static boolean isPlausible(LocalDate date) {
        return date == null || !date.isBefore(MIN) && !date.isAfter(MAX);
    }

    public static boolean isPlausible(Instant instant) {
        return instant == null || isPlausible(LocalDateTime.ofInstant(clamp(instant), ZoneOffset.UTC).toLocalDate());
    }

    public static boolean isPlausible(OffsetDateTime time) {
        return time == null || isPlausible(time.toLocalDate());
    }

    /**
     * Reads a date typed as {@code yyyy-MM-dd} (four-digit year, a real day); null for blank text.
     *
     * @throws ProblemException.InvalidInput naming the field, for anything else
     */
    public static LocalDate parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip(), STRICT_DATE);
        } catch (DateTimeParseException e) {
            throw outOfRange(field);
        }
        return require(field, date);
    }

    /** Refuses a date outside the plausible range, naming the field. */
    public static LocalDate require(String field, LocalDate date) {
        if (!isPlausible(date)) {
            throw outOfRange(field);
        }
        return date;
    }

    static ProblemException.InvalidInput outOfRange(String field) {
        return new ProblemException.InvalidInput(field, "input.date.expected", field, MIN.toString(), MAX.toString());
    }

    private static Instant clamp(Instant i) {
        // LocalDateTime cannot hold Instant.MIN/MAX: anything that far out is implausible anyway
        Instant lo = Instant.parse("-999999-01-01T00:00:00Z");
        Instant hi = Instant.parse("+999999-12-31T00:00:00Z");
        return i.isBefore(lo) ? lo : i.isAfter(hi) ? hi : i;
    }
}
