package org.fengqiao.citizens;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import org.fengqiao.crypto.PersonalData;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.SharedBuckets;

/**
 * Rate limits of the public side (Bucket4j token buckets kept in PostgreSQL through {@link SharedBuckets}, so they
 * hold across every instance): reports per client address and per mobile number (keyed by their HMAC-SM3 hashes, never
 * the address or number), tracking look-ups per address, one-time codes per address and per case. A limit reached answers
 * 429 with the time to wait.
 */
@Component
public class PublicLimits {

    public enum Kind { REPORT, REPORT_PHONE, LOOKUP, CODE, CODE_CASE }

    static final String PREFIX = "public-";

    private final CitizenProperties.Limits limits;
    private final SharedBuckets buckets;
    private final PersonalData personalData;

    PublicLimits(CitizenProperties properties, SharedBuckets buckets, PersonalData personalData) {
        this.limits = properties.limits();
        this.buckets = buckets;
        this.personalData = personalData;
    }

    /** Takes one from the bucket of {@code who} for this kind, or refuses with 429. */
    public void take(Kind kind, String who) {
        String key = PREFIX + kind + ":" + switch (kind) {
            case REPORT_PHONE -> personalData.phoneHash(who);
            case CODE_CASE -> who;
            default -> personalData.clientHash(who);
        };
        var bucket = switch (kind) {
            case REPORT -> buckets.bucket(key, limits.reportsPerClient(), Duration.ofHours(1));
            case REPORT_PHONE -> buckets.bucket(key, limits.reportsPerPhone(), Duration.ofDays(1));
            case LOOKUP -> buckets.bucket(key, limits.lookupsPerClient(), Duration.ofMinutes(10));
            case CODE -> buckets.bucket(key, limits.codesPerClient(), Duration.ofHours(1));
            case CODE_CASE -> buckets.bucket(key, limits.codesPerCase(), Duration.ofHours(1));
        };
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long minutes = Math.max(1, TimeUnit.NANOSECONDS.toMinutes(probe.getNanosToWaitForRefill()) + 1);
            throw new TooMany(minutes);
        }
    }

    /** Forgets every bucket of the public side (tests). */
    public void reset() {
        buckets.forget(PREFIX);
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
