package org.fengqiao.intelligence.topics;

import java.time.Duration;
import java.time.Instant;

/**
 * The time a hot-topic list looks at: the current period {@code [currentStart, end)} and the period of equal
 * length before it, {@code [previousStart, currentStart)}. Topics are formed over both; sizes, votes and
 * ranks count the current period, growth compares the two.
 */
public record TopicWindow(Instant previousStart, Instant currentStart, Instant end) {

    public TopicWindow {
        if (!previousStart.isBefore(currentStart) || !currentStart.isBefore(end)) {
            throw new IllegalArgumentException("periods out of order: " + previousStart + ", " + currentStart + ", " + end);
        }
    }

    public boolean contains(Instant t) {
        return !t.isBefore(previousStart) && t.isBefore(end);
    }

    public boolean isCurrent(Instant t) {
        return !t.isBefore(currentStart) && t.isBefore(end);
    }

    public Duration periodLength() {
        return Duration.between(currentStart, end);
    }
}
