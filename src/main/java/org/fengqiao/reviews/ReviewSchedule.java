package org.fengqiao.reviews;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Warms the agendas of the centres about to meet ({@link ReviewWarmUp}) every
 * {@code fengqiao.reviews.warm-up-interval} (default 10 minutes), on db-scheduler: one instance of a cluster runs
 * each execution, and what it computes is stored where every instance reads it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fengqiao.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class ReviewSchedule {

    static final String TASK = "review-warm-up";

    @Bean
    RecurringTask<Void> reviewWarmUpTask(ReviewWarmUp warmUp,
                                         @Value("${fengqiao.reviews.warm-up-interval:10m}") Duration interval) {
        return Tasks.recurring(TASK, FixedDelay.of(interval)).execute((instance, context) -> warmUp.run());
    }
}
