package org.fengqiao.triage;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.fengqiao.platform.ChinaTime;

/**
 * Trains the classifier every night on the cases dispatched so far (db-scheduler: one instance of a cluster
 * runs it; a night missed while the platform was down runs when it is back).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fengqiao.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class TriageSchedule {

    private static final Logger log = LoggerFactory.getLogger(TriageSchedule.class);

    static final String TASK = "triage-training";

    @Bean
    RecurringTask<Void> triageTrainingTask(TriageTraining training, TriageProperties properties) {
        return Tasks.recurring(TASK, Schedules.daily(ChinaTime.ZONE, properties.retrainAt()))
                .execute((instance, context) -> {
                    TriageTraining.Report report = training.nightly();
                    if (!report.trained()) {
                        log.info("Nightly triage training skipped: {} {}", report.reason(), report.reasonArgs());
                    }
                });
    }
}
