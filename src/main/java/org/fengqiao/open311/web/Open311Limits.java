package org.fengqiao.open311.web;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How much each API key may post: a Bucket4j token bucket per client ({@code fengqiao.open311.posts-per-minute},
 * refilled all at once each minute), kept in this instance's memory.
 */
@Component
class Open311Limits {

    private final int perMinute;
    private final Cache<Long, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).build();

    Open311Limits(@Value("${fengqiao.open311.posts-per-minute:60}") int perMinute) {
        this.perMinute = perMinute;
    }

    boolean tryPost(long clientId) {
        return buckets.get(clientId, id -> Bucket.builder()
                .addLimit(l -> l.capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1))).build())
                .tryConsume(1);
    }
}
