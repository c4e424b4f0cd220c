package org.fengqiao.access;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@value #LIMIT} failed logins for a username within 15 minutes, further
 * attempts for it are refused until the window passes.
 */
@Component
public class LoginAttempts {

    static final int LIMIT = 10;

    private final Cache<String, AtomicInteger> failures = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(15)).build();

    public boolean blocked(String username) {
        AtomicInteger n = failures.getIfPresent(key(username));
        return n != null && n.get() >= LIMIT;
    }

    public void failed(String username) {
        failures.get(key(username), k -> new AtomicInteger()).incrementAndGet();
    }

    public void succeeded(String username) {
        failures.invalidate(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
