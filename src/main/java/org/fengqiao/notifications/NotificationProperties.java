package org.fengqiao.notifications;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How notifications are delivered ({@code fengqiao.notifications.*}).
 *
 * @param sms      the SMS channel
 * @param mail     the e-mail channel (the SMTP server itself is Spring Boot's {@code spring.mail.*})
 * @param delivery the outbox worker
 */
@ConfigurationProperties("fengqiao.notifications")
public record NotificationProperties(Sms sms, Mail mail, Delivery delivery) {

    public NotificationProperties {
        sms = sms == null ? new Sms(null, null, null, null, null, null, null, null) : sms;
        mail = mail == null ? new Mail(null, null) : mail;
        delivery = delivery == null ? new Delivery(null, null, null, null, null) : delivery;
    }

    /**
     * @param gateway     {@code recording} (built in: keeps what it receives, readable at {@code /admin/sms}) or
     *                    {@code webhook} (a generic JSON webhook: template id and parameters posted to {@code webhookUrl})
     * @param webhookUrl  where the webhook gateway posts
     * @param webhookToken sent as a bearer token to the webhook, if set
     * @param timeout     connect and read time-out of the webhook
     * @param dailyCap    at most this many SMS to one mobile number per day (China time); more wait for the next day
     * @param quietFrom   from this time (China time) SMS that are not urgent wait …
     * @param quietUntil  … until this time
     * @param templates   the gateway's template id per {@link NotificationKind}; by default the kind's name
     */
    public record Sms(String gateway, URI webhookUrl, String webhookToken, Duration timeout, Integer dailyCap,
                      LocalTime quietFrom, LocalTime quietUntil, Map<String, String> templates) {
        public Sms {
            gateway = gateway == null ? "recording" : gateway;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            dailyCap = dailyCap == null ? 10 : dailyCap;
            if (dailyCap < 1) {
                throw new IllegalArgumentException("fengqiao.notifications.sms.daily-cap must be at least 1");
            }
            quietFrom = quietFrom == null ? LocalTime.of(22, 0) : quietFrom;
            quietUntil = quietUntil == null ? LocalTime.of(7, 0) : quietUntil;
            templates = templates == null ? Map.of() : Map.copyOf(templates);
        }

        public String templateId(NotificationKind kind) {
            return templates.getOrDefault(kind.name(), kind.name());
        }
    }

    /**
     * @param from       the sender address
     * @param enabled    send e-mail at all (needs {@code spring.mail.host})
     */
    public record Mail(String from, Boolean enabled) {
        public Mail {
            from = from == null ? "fengqiao@localhost" : from;
            enabled = enabled == null || enabled;
        }
    }

    /**
     * @param interval    how often the worker looks for messages due (a db-scheduler recurring task)
     * @param batch       at most this many messages per run
     * @param maxAttempts after this many failed attempts a message is FAILED (shown at {@code /admin/sms})
     * @param firstRetry  the wait after the first failure; it doubles with each further failure …
     * @param maxRetry    … up to this
     */
    public record Delivery(Duration interval, Integer batch, Integer maxAttempts, Duration firstRetry,
                           Duration maxRetry) {
        public Delivery {
            interval = interval == null ? Duration.ofSeconds(5) : interval;
            batch = batch == null ? 100 : batch;
            maxAttempts = maxAttempts == null ? 10 : maxAttempts;
            firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
            maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
        }

        /** The wait before attempt {@code failures + 1}: firstRetry × 2^(failures − 1), at most maxRetry. */
        public Duration backoff(int failures) {
            int doublings = Math.min(Math.max(0, failures - 1), 30);
            Duration wait = firstRetry.multipliedBy(1L << doublings);
            return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
        }
    }
}
