package org.fengqiao.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fengqiao.categories.Categories;
import org.fengqiao.deadlines.Deadlines;
import org.fengqiao.deadlines.WorkingCalendar;
import org.fengqiao.organisation.Units;
import org.fengqiao.regions.Regions;
import org.fengqiao.routing.Router;

/**
 * Makes each instance forget its cached reference data when another instance changed it: a trigger moves a version
 * in {@code reference_version} (V76) with every statement that changes such a table, and every
 * {@code fengqiao.cluster.reference-poll} (5 s) this instance reads the versions and tells the owners of those that
 * moved. A change made through this instance is seen at once (its owner forgets it there); through another, within
 * the poll interval.
 */
@Component
class ReferenceDataFollower implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataFollower.class);

    private final JdbcClient jdbc;
    private final Map<String, Runnable> owners;
    private final Duration interval;
    private final Map<String, Long> seen = new HashMap<>();
    private ScheduledExecutorService poller;

    ReferenceDataFollower(JdbcClient jdbc, Regions regions, Units units, Categories categories, Router router,
                          Deadlines deadlines, WorkingCalendar calendar,
                          @Value("${fengqiao.cluster.reference-poll:5s}") Duration interval) {
        this.jdbc = jdbc;
        this.interval = interval;
        this.owners = Map.of("region", regions::changed, "unit", units::changed, "category", categories::changed,
                "routing", router::changed, "deadline", deadlines::changed, "calendar", calendar::changed);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        poll();
        poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("reference-data-follower").daemon().factory());
        poller.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the versions; tells the owner of each that moved since the last read. */
    synchronized void poll() {
        try {
            jdbc.sql("select name, version from reference_version").query((rs, n) -> {
                String name = rs.getString(1);
                long version = rs.getLong(2);
                Long before = seen.put(name, version);
                if (before != null && before != version && owners.containsKey(name)) {
                    owners.get(name).run();
                }
                return name;
            }).list();
        } catch (RuntimeException e) {
            log.debug("Reference data versions not read", e);
        }
    }

    @Override
    public void destroy() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
