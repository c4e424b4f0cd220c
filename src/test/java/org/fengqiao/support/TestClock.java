package org.fengqiao.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.PlatformClock;

/**
 * A clock tests can set and move. It starts on a Friday morning in China, 2026-11-20 10:00.
 */
public final class TestClock extends PlatformClock {

    public static final Instant START = LocalDateTime.of(2026, 11, 20, 10, 0).atZone(ChinaTime.ZONE).toInstant();

    private final AtomicReference<Instant> now;

    private TestClock(AtomicReference<Instant> now) {
        super(new Clock() {
            @Override
            public ZoneId getZone() {
                return ChinaTime.ZONE;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
        this.now = now;
    }

    public static TestClock startingAt(Instant start) {
        return new TestClock(new AtomicReference<>(start));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public void set(LocalDateTime chinaTime) {
        now.set(chinaTime.atZone(ChinaTime.ZONE).toInstant());
    }

    public void advance(java.time.Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    public void reset() {
        now.set(START);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        TestClock clock() {
            return startingAt(START);
        }
    }
}
