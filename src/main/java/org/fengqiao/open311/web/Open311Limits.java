package org.fengqiao.open311.web;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.fengqiao.platform.SharedBuckets;

/**
 * How much each API key may post: a Bucket4j token bucket per client ({@code fengqiao.open311.posts-per-minute},
 * refilled all at once each minute), kept in PostgreSQL through {@link SharedBuckets}, so the limit holds across
 * every instance.
 */
@Component
class Open311Limits {

    private final BucketConfiguration limit;
    private final SharedBuckets buckets;

    Open311Limits(@Value("${fengqiao.open311.posts-per-minute:60}") int perMinute, SharedBuckets buckets) {
        this.limit = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1))).build();
        this.buckets = buckets;
    }

    boolean tryPost(long clientId) {
        return buckets.bucket("open311-client:" + clientId, limit).tryConsume(1);
    }
}
