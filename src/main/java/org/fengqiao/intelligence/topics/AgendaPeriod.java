package org.fengqiao.intelligence.topics;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The review cadences of DOMAIN.md §6 — 村每日一碰头、乡每周一会商、县每月一研判 — as the period a hot-topic list
 * covers. Each agenda looks at its own period and compares it with the period before, so a topic that carries
 * on across the boundary is one topic and its growth can be measured.
 */
public enum AgendaPeriod {

    /** The village daily check-in: the last day against the day before. */
    DAY(Duration.ofDays(1)),
    /** The township weekly consultation: the last 7 days against the 7 before. */
    WEEK(Duration.ofDays(7)),
    /** The county monthly review: the last 30 days against the 30 before. */
    MONTH(Duration.ofDays(30));

    private final Duration length;

    AgendaPeriod(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }

    /** The window of this agenda that ends (exclusively) at {@code end}. */
    public TopicWindow endingAt(Instant end) {
        return new TopicWindow(end.minus(length.multipliedBy(2)), end.minus(length), end);
    }

    /**
     * The period named {@code day}, {@code week} or {@code month} (also {@code daily}, {@code weekly},
     * {@code monthly}; any case).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static AgendaPeriod parse(String name) {
        return switch (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) {
            case "day", "daily" -> DAY;
            case "week", "weekly" -> WEEK;
            case "month", "monthly" -> MONTH;
            default -> throw new IllegalArgumentException("unknown period '" + name + "': use day, week or month");
        };
    }
}
