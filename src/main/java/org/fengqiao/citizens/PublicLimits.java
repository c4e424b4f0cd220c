package org.fengqiao.citizens;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

import org.fengqiao.platform.ProblemException;

/**
 * Rate limits of the public side (Bucket4j token buckets, kept in memory per instance): reports per client
 * address and per mobile number, tracking look-ups per address, one-time codes per address and per case.
 * A limit reached answers 429 with the time to wait.
 */
@Component
public class PublicLimits {

    public enum Kind { REPORT, REPORT_PHONE, LOOKUP, CODE, CODE_CASE }

    private final CitizenProperties.Limits limits;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(1, TimeUnit.DAYS).build();

    PublicLimits(CitizenProperties properties) {
        this.limits = properties.limits();
    }

    /** Takes one from the bucket of {@code who} for this kind, or refuses with 429. */
    public void take(Kind kind, String who) {
        Bucket bucket = buckets.get(kind + "|" + who, k -> Bucket.builder().addLimit(l -> switch (kind) {
            case REPORT -> l.capacity(limits.reportsPerClient()).refillGreedy(limits.reportsPerClient(), Duration.ofHours(1));
            case REPORT_PHONE -> l.capacity(limits.reportsPerPhone()).refillGreedy(limits.reportsPerPhone(), Duration.ofDays(1));
            case LOOKUP -> l.capacity(limits.lookupsPerClient()).refillGreedy(limits.lookupsPerClient(), Duration.ofMinutes(10));
            case CODE -> l.capacity(limits.codesPerClient()).refillGreedy(limits.codesPerClient(), Duration.ofHours(1));
            case CODE_CASE -> l.capacity(limits.codesPerCase()).refillGreedy(limits.codesPerCase(), Duration.ofHours(1));
        }).build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long minutes = Math.max(1, TimeUnit.NANOSECONDS.toMinutes(probe.getNanosToWaitForRefill()) + 1);
            throw new TooMany(minutes);
        }
    }

    /** Forgets every bucket (tests). */
    public void reset() {
        buckets.invalidateAll();
    }

    /** 429: too many requests; try again in some minutes. */
    public static final class TooMany extends ProblemException {
        TooMany(long minutes) {
            super("public.tooMany", minutes);
        }

        @Override
        public int status() {
            return 429;
        }
    }
}
