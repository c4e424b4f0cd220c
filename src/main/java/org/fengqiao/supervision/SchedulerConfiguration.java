package org.fengqiao.supervision;

import java.time.Duration;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.fengqiao.cases.DeadlineSweep;

/**
 * Runs the deadline sweep, and every other recurring task a module declares as a bean (such as the nightly
 * triage training), on db-scheduler: its state lives in the {@code scheduled_tasks} table, so only one
 * instance of a cluster runs a given execution, and an execution missed while the platform was down runs as
 * soon as it is back. The sweep itself works from the cases' state, so nothing due meanwhile is skipped.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fengqiao.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class SchedulerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchedulerConfiguration.class);

    static final String SWEEP_TASK = "deadline-sweep";

    @Bean
    RecurringTask<Void> deadlineSweepTask(DeadlineSweep sweep,
                                          @Value("${fengqiao.scheduler.sweep-interval:PT1M}") Duration interval) {
        return Tasks.recurring(SWEEP_TASK, FixedDelay.of(interval)).execute((instance, context) -> sweep.run());
    }

    @Bean
    SchedulerLifecycle scheduler(DataSource dataSource, java.util.List<RecurringTask<?>> recurringTasks,
                                 @Value("${fengqiao.scheduler.polling-interval:PT10S}") Duration polling) {
        Scheduler scheduler = Scheduler.create(dataSource)
                .startTasks(recurringTasks)
                .pollingInterval(polling)
                .threads(2)
                .build();
        return new SchedulerLifecycle(scheduler);
    }

    /** Starts the scheduler once the application is ready, stops it before the database goes away. */
    static final class SchedulerLifecycle implements SmartLifecycle {
        private final Scheduler scheduler;
        private volatile boolean running;

        SchedulerLifecycle(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void start() {
            scheduler.start();
            running = true;
            log.info("Recurring tasks scheduled");
        }

        @Override
        public void stop() {
            scheduler.stop();
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        Scheduler scheduler() {
            return scheduler;
        }
    }
}
