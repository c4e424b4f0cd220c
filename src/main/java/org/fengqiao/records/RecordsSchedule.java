package org.fengqiao.records;

import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.fengqiao.platform.ChinaTime;

/**
 * Checks the records every night (db-scheduler, run by the platform's scheduler): seals the finished days and
 * verifies the day before ({@link RecordsVerification#checkYesterday}); and keeps the history's yearly partitions
 * a year ahead ({@link HistoryPartitions}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fengqiao.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class RecordsSchedule {

    static final String TASK = "records-check";
    static final String PARTITIONS_TASK = "history-partitions";

    @Bean
    RecurringTask<Void> recordsCheckTask(RecordsVerification verification,
                                         @Value("${fengqiao.records.check-at:02:30}") LocalTime at) {
        return Tasks.recurring(TASK, Schedules.daily(ChinaTime.ZONE, at))
                .execute((instance, context) -> verification.checkYesterday());
    }

    @Bean
    RecurringTask<Void> historyPartitionsTask(HistoryPartitions partitions) {
        return Tasks.recurring(PARTITIONS_TASK, Schedules.daily(ChinaTime.ZONE, LocalTime.of(1, 15)))
                .execute((instance, context) -> partitions.ensureAhead());
    }
}
