package org.fengqiao.citizens;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Records 未评价 for windows that passed, every five minutes on the platform's scheduler. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fengqiao.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class EvaluationSchedule {

    @Bean
    RecurringTask<Void> evaluationWindowTask(EvaluationWindows windows) {
        return Tasks.recurring("citizen-evaluation-windows", FixedDelay.of(Duration.ofMinutes(5)))
                .execute((instance, context) -> windows.expire());
    }
}
