package org.fengqiao.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * Sends reads that may lag a little — reports — to a PostgreSQL streaming replica, and everything else to the
 * primary. Code that reports runs its reads inside {@link #reading(Supplier)} (or in a report request, see
 * {@code platform.web.ReplicaRoutes}); read-only transactions there take their connections from the replica while
 * the replica answers and is no more than {@code max-lag} behind, otherwise from the primary. {@link #route()} says which, and why,
 * so that the page can show the lag with the figures or say it read the primary. Never used for reads that must
 * see the reader's own write (the case page after an action) or for anything that writes.
 *
 * <p>The lag is checked every {@code check-interval}: zero when the replica has replayed all the WAL the primary
 * has written, otherwise the age of the last transaction it replayed.
 */
public final class ReadReplica implements AutoCloseable {

    /** Where reports read from now, and why. */
    public record Route(boolean replica, Reason reason, Duration lag, Duration maxLag) {

        /** The lag in whole seconds, for the page. */
        public long lagSeconds() {
            return lag == null ? 0 : lag.toSeconds();
        }

        public long maxLagSeconds() {
            return maxLag.toSeconds();
        }

        /** The value of the {@code Fengqiao-Read-Source} header. */
        public String header() {
            return (replica ? "replica" : "primary") + "; reason=" + reason.name().toLowerCase(java.util.Locale.ROOT)
                    + (lag == null ? "" : "; lag=" + lag.toMillis() + "ms");
        }
    }

    public enum Reason {
        /** The replica is in step, or behind by less than the allowed lag. */
        IN_STEP,
        /** No replica is configured. */
        NO_REPLICA,
        /** The replica is further behind than allowed. */
        LAGGING,
        /** The replica does not answer (or is not a replica). */
        UNREACHABLE
    }

    private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);
    private static final ThreadLocal<Boolean> REPORTING = new ThreadLocal<>();

    private final ReadReplicaProperties properties;
    private final JdbcTemplate primary;
    private final JdbcTemplate replica;
    private final ScheduledExecutorService checker;
    private volatile Route route;

    /** No replica: every read goes to the primary. */
    static ReadReplica none() {
        return new ReadReplica(new ReadReplicaProperties(null, null, null, null, null, null, null), null, null);
    }

    ReadReplica(ReadReplicaProperties properties, DataSource primary, DataSource replica) {
        this.properties = properties;
        this.primary = primary == null ? null : new JdbcTemplate(primary);
        this.replica = replica == null ? null : new JdbcTemplate(replica);
        if (replica == null) {
            this.route = new Route(false, Reason.NO_REPLICA, null, properties.maxLag());
            this.checker = null;
        } else {
            this.route = new Route(false, Reason.UNREACHABLE, null, properties.maxLag());
            this.checker = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("read-replica-check").daemon().factory());
            checker.scheduleWithFixedDelay(this::check, 0, properties.checkInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Where reports read from now. */
    public Route route() {
        return route;
    }

    /** Runs reads that may lag on the replica when it is usable (on the primary otherwise). */
    public <T> T reading(Supplier<T> reads) {
        Boolean before = REPORTING.get();
        REPORTING.set(Boolean.TRUE);
        try {
            return reads.get();
        } finally {
            if (before == null) {
                REPORTING.remove();
            } else {
                REPORTING.set(before);
            }
        }
    }

    /** Marks the current thread as reporting until {@link #endReporting()} (for a request). */
    public void startReporting() {
        REPORTING.set(Boolean.TRUE);
    }

    public void endReporting() {
        REPORTING.remove();
    }

    boolean useReplica() {
        return Boolean.TRUE.equals(REPORTING.get()) && route.replica();
    }

    /** Checks whether the replica answers and how far behind it is. */
    void check() {
        try {
            Map<String, Object> standby = replica.queryForMap("select pg_is_in_recovery() as standby,"
                    + " pg_last_wal_replay_lsn()::text as replayed,"
                    + " extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp()) as age");
            if (!Boolean.TRUE.equals(standby.get("standby"))) {
                set(new Route(false, Reason.UNREACHABLE, null, properties.maxLag()));
                return;
            }
            String written = primary.queryForObject("select pg_current_wal_lsn()::text", String.class);
            Boolean caughtUp = primary.queryForObject("select ?::pg_lsn >= ?::pg_lsn", Boolean.class,
                    standby.get("replayed"), written);
            Duration lag = Boolean.TRUE.equals(caughtUp) || standby.get("age") == null ? Duration.ZERO
                    : Duration.ofMillis(Math.max(0, Math.round(((Number) standby.get("age")).doubleValue() * 1000)));
            boolean usable = lag.compareTo(properties.maxLag()) <= 0;
            set(new Route(usable, usable ? Reason.IN_STEP : Reason.LAGGING, lag, properties.maxLag()));
        } catch (RuntimeException e) {
            set(new Route(false, Reason.UNREACHABLE, null, properties.maxLag()));
            log.debug("Read replica check failed", e);
        }
    }

    private void set(Route next) {
        Route before = route;
        route = next;
        if (before.reason() != next.reason()) {
            if (next.replica()) {
                log.info("Reports read the replica again (lag {} ms)", next.lag().toMillis());
            } else {
                log.warn("Reports read the primary: the replica is {}", next.reason());
            }
        }
    }

    @Override
    public void close() {
        if (checker != null) {
            checker.shutdownNow();
        }
    }

    /**
     * The application's data source with a replica: a connection is taken when its first statement runs (Spring's
     * {@link LazyConnectionDataSourceProxy}), so the transaction's read-only flag is known by then. Read-only
     * transactions inside reports take the replica's connections while it is usable; everything else — writes, and
     * the page session's reads and writes that happen during a report request — the primary's.
     */
    static final class ReplicaAware extends LazyConnectionDataSourceProxy implements AutoCloseable {

        private final DataSource primary;
        private final DataSource replicaSource;
        private final ReadReplica replica;

        ReplicaAware(DataSource primary, DataSource replicaSource, ReadReplica replica) {
            super(primary);
            this.primary = primary;
            this.replicaSource = replicaSource;
            this.replica = replica;
            AbstractRoutingDataSource routing = new AbstractRoutingDataSource() {
                @Override
                protected Object determineCurrentLookupKey() {
                    return replica.useReplica() ? "replica" : "primary";
                }
            };
            routing.setTargetDataSources(Map.of("primary", primary, "replica", replicaSource));
            routing.setDefaultTargetDataSource(primary);
            routing.afterPropertiesSet();
            setReadOnlyDataSource(routing);
        }

        /** Closes both pools with the application. */
        @Override
        public void close() throws Exception {
            replica.close();
            if (replicaSource instanceof AutoCloseable c) {
                c.close();
            }
            if (primary instanceof AutoCloseable c) {
                c.close();
            }
        }
    }
}
