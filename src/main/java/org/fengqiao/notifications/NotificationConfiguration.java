package org.fengqiao.notifications;

import java.time.Clock;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.ObjectMapper;

/**
 * The SMS gateway chosen by {@code fengqiao.notifications.sms.gateway}, the outbox worker, and the two
 * recurring tasks the supervision module's db-scheduler runs (every {@code RecurringTask} bean): delivery of
 * the outbox and the deadline reminders. db-scheduler runs each execution on one instance of a cluster; the
 * worker's row locks would keep two from sending the same message anyway.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    static final String DELIVERY_TASK = "notification-delivery";
    static final String REMINDER_TASK = "notification-reminders";

    @Bean
    SmsGateway smsGateway(NotificationProperties properties, JdbcClient jdbc, ObjectMapper json, Clock clock) {
        return switch (properties.sms().gateway()) {
            case "recording" -> new RecordingSmsGateway(jdbc, json, clock);
            case "webhook" -> new WebhookSmsGateway(properties.sms());
            default -> throw new IllegalStateException("fengqiao.notifications.sms.gateway must be recording or webhook, not "
                    + properties.sms().gateway());
        };
    }

    @Bean
    OutboxWorker outboxWorker(JdbcClient jdbc, PlatformTransactionManager txm, SmsGateway sms,
                              ObjectProvider<JavaMailSender> mail, Texts texts, NotificationProperties properties,
                              ObjectMapper json, Clock clock, org.fengqiao.cases.CaseContacts contacts) {
        return new OutboxWorker(jdbc, txm, sms, mail.getIfAvailable(), texts, properties, json, clock, contacts);
    }

    @Bean
    @ConditionalOnProperty(name = "fengqiao.scheduler.enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> notificationDeliveryTask(OutboxWorker worker, NotificationProperties properties) {
        return Tasks.recurring(DELIVERY_TASK, FixedDelay.of(properties.delivery().interval()))
                .execute((instance, context) -> worker.deliverDue());
    }

    @Bean
    @ConditionalOnProperty(name = "fengqiao.scheduler.enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> notificationReminderTask(DeadlineReminders reminders) {
        return Tasks.recurring(REMINDER_TASK, FixedDelay.of(Duration.ofMinutes(1)))
                .execute((instance, context) -> reminders.remindDue());
    }
}
