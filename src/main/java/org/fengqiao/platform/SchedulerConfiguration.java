package org.fengqiao.platform;

import java.time.Duration;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs every recurring task a module declares as a {@link RecurringTask} bean (the deadline sweep of cases, the
 * nightly triage training) on db-scheduler: its state lives in the {@code scheduled_tasks} table, so only one
 * instance of a cluster runs a given execution, and an execution missed while the platform was down runs as
 * soon as it is back.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fengqiao.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class SchedulerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchedulerConfiguration.class);

    @Bean
    SchedulerLifecycle scheduler(DataSource dataSource, java.util.List<RecurringTask<?>> recurringTasks,
                                 @Value("${fengqiao.scheduler.polling-interval:PT10S}") Duration polling,
                                 @Value("${fengqiao.scheduler.heartbeat-interval:PT30S}") Duration heartbeat,
                                 @Value("${fengqiao.scheduler.shutdown-max-wait:PT20S}") Duration shutdownWait,
                                 @Value("${fengqiao.scheduler.threads:4}") int threads) {
        Scheduler scheduler = Scheduler.create(dataSource)
                .startTasks(recurringTasks)
                .pollingInterval(polling)
                // an execution picked by an instance that was killed is taken over after a few missed heartbeats
                .heartbeatInterval(heartbeat)
                // four, not two: on a large history the nightly records check and the classifier's training each
                // run for minutes, and with two threads they held both while the deadline sweep, the notifications
                // and the figures' rollup waited (seen at a million cases); the tasks mostly wait on the database
                .threads(threads)
                // on shutdown a running task is asked to stop (SchedulerState.isShuttingDown) and waited for this
                // long, not the library's 30 minutes: an execution cut short runs again on the next instance
                .shutdownMaxWait(shutdownWait)
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
