package org.fengqiao.records;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fengqiao.platform.ChinaTime;

/**
 * Keeps the yearly partitions of the two append-only logs (case events, audit entries; V90) one year ahead: at
 * start and each night, this year's and next year's partitions are created if missing
 * ({@code ensure_history_partitions}), so a new year's rows never fall into the default partition.
 */
@Component
public class HistoryPartitions {

    private final JdbcClient jdbc;
    private final Clock clock;

    HistoryPartitions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates the partitions of this year and the next that are missing; returns how many it created. */
    public int ensureAhead() {
        int year = LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear();
        return jdbc.sql("select ensure_history_partitions(?, ?)").param(year).param(year + 1)
                .query(Integer.class).single();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        ensureAhead();
    }
}
