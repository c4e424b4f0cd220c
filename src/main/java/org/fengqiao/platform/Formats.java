package org.fengqiao.platform;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats for pages ({@code @fmt} in templates): times in China time, the way Chinese government documents
 * write them.
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ChinaTime.ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ChinaTime.ZONE);
    private static final DateTimeFormatter DATE_ZH = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ChinaTime.ZONE);

    public String dateTime(Instant i) {
        return i == null ? "" : DATE_TIME.format(i);
    }

    /** The time of day to the second, e.g. when figures were computed. */
    public String timeOfDay(Instant i) {
        return i == null ? "" : TIME_OF_DAY.format(i);
    }

    public String date(Instant i) {
        return i == null ? "" : DATE.format(i);
    }

    /** The date in words, 2026年11月20日 (Chinese) or 2026-11-20. */
    public String longDate(Instant i) {
        if (i == null) {
            return "";
        }
        return "zh".equals(LocaleContextHolder.getLocale().getLanguage()) ? DATE_ZH.format(i) : DATE.format(i);
    }

    /** The last day that still counts for a deadline (deadlines fall at midnight after it). */
    public String lastDay(Instant deadline) {
        return deadline == null ? "" : DATE.format(deadline.minusNanos(1));
    }

    /**
     * A deadline as people say it: "2026-11-19" when it falls at midnight after that day, else date and time
     * (deadlines in hours, e.g. urgent acceptance).
     */
    public String deadline(Instant deadline) {
        if (deadline == null) {
            return "";
        }
        return deadline.atZone(ChinaTime.ZONE).toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? lastDay(deadline) : dateTime(deadline);
    }

    /** For {@code datetime-local} inputs. */
    public String inputDateTime(Instant i) {
        return i == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ChinaTime.ZONE).format(i);
    }

    public String amount(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getNumberInstance(Locale.SIMPLIFIED_CHINESE);
        f.setMaximumFractionDigits(2);
        return f.format(amount);
    }

    public String percent(Double ratio) {
        return ratio == null ? "—" : String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }
}
