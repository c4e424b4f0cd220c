package org.fengqiao.cases;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the {@link DeadlineSweep} every minute on the platform's scheduler. The sweep works from the cases' state,
 * so nothing due while the platform was down is skipped.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fengqiao.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class DeadlineSweepSchedule {

    static final String TASK = "deadline-sweep";

    @Bean
    RecurringTask<Void> deadlineSweepTask(DeadlineSweep sweep,
                                          @Value("${fengqiao.scheduler.sweep-interval:PT1M}") Duration interval) {
        return Tasks.recurring(TASK, FixedDelay.of(interval)).execute((instance, context) -> sweep.run(
                () -> context.getSchedulerState().isShuttingDown()));
    }
}
