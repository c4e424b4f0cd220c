package org.fengqiao.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The platform's clock: the system clock, except inside {@link #at(Instant, Supplier)}, where the calling
 * thread sees a fixed instant. That lets historical records (demo data, imported work orders with their
 * original times) go through the same services, deadlines and events as live ones.
 */
public class PlatformClock extends Clock {

    private static final ThreadLocal<Instant> OVERRIDE = new ThreadLocal<>();

    private final Clock system;

    public PlatformClock(Clock system) {
        this.system = system;
    }

    /** Runs the action with this thread's clock reading {@code instant}. */
    public <T> T at(Instant instant, Supplier<T> action) {
        Instant previous = OVERRIDE.get();
        OVERRIDE.set(instant);
        try {
            return action.get();
        } finally {
            if (previous == null) {
                OVERRIDE.remove();
            } else {
                OVERRIDE.set(previous);
            }
        }
    }

    public void at(Instant instant, Runnable action) {
        at(instant, () -> {
            action.run();
            return null;
        });
    }

    @Override
    public Instant instant() {
        Instant fixed = OVERRIDE.get();
        return fixed != null ? fixed : system.instant();
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new PlatformClock(system.withZone(zone));
    }
}
