package org.fengqiao.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rate-limit buckets (Bucket4j) whose state lives in PostgreSQL ({@code rate_limit_bucket}, V42), so a limit holds
 * across every instance behind a load balancer and across restarts. Each bucket is named by a key such as
 * {@code login-client:10.0.0.7}; its limit is a capacity refilled greedily over a window. Time comes from the
 * platform's {@link Clock}. Rows expire once their bucket would be full again and are removed by
 * {@link #removeExpired()}.
 */
@Component
public class SharedBuckets {

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxies;
    private final JdbcClient jdbc;

    SharedBuckets(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)))
                .clientClock(meter(clock))
                .build();
    }

    /** The bucket of this key with this limit (made on first use). */
    public BucketProxy bucket(String key, long capacity, Duration window) {
        return bucket(key, BucketConfiguration.builder()
                .addLimit(l -> l.capacity(capacity).refillGreedy(capacity, window)).build());
    }

    /** The bucket of this key with a limit of another shape (made on first use). */
    public BucketProxy bucket(String key, BucketConfiguration limit) {
        return proxies.builder().build(key, () -> limit);
    }

    /** How long until this key's bucket has a token again, if it exists and is empty; reads, never creates. */
    public Optional<Duration> emptyFor(String key) {
        Optional<BucketConfiguration> limit = proxies.getProxyConfiguration(key);
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        BucketProxy bucket = proxies.builder().build(key, limit::get);
        if (bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    /** Forgets every bucket whose key starts with this prefix (a test's fresh start); returns how many. */
    public int forget(String keyPrefix) {
        return jdbc.sql("delete from rate_limit_bucket where starts_with(id, ?)").param(keyPrefix).update();
    }

    /** Forgets buckets that are full again; returns how many. */
    public int removeExpired() {
        int removed = 0;
        int batch;
        do {
            batch = proxies.removeExpired(1000);
            removed += batch;
        } while (batch == 1000);
        return removed;
    }

    private static TimeMeter meter(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
