package org.fengqiao.analytics;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refreshes the daily rollup ({@link DailyRollups}) every {@code fengqiao.analytics.rollup-interval} on db-scheduler:
 * one instance of a cluster runs each execution.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fengqiao.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class RollupSchedule {

    static final String TASK = "analytics-daily-rollup";

    @Bean
    RecurringTask<Void> dailyRollupTask(DailyRollups rollups) {
        return Tasks.recurring(TASK, FixedDelay.of(rollups.interval())).execute((instance, context) -> rollups.refresh());
    }
}
