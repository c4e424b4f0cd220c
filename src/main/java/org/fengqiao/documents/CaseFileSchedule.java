package org.fengqiao.documents;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the case files of newly archived cases in the background (db-scheduler), a few at a time. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fengqiao.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class CaseFileSchedule {

    static final String TASK = "case-files";

    @Bean
    RecurringTask<Void> caseFilesTask(CaseFiles files,
                                      @Value("${fengqiao.documents.build-every:PT5M}") Duration every,
                                      @Value("${fengqiao.documents.build-batch:20}") int batch) {
        return Tasks.recurring(TASK, Schedules.fixedDelay(every)).execute((instance, context) -> files.buildPending(batch));
    }
}
