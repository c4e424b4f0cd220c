package org.fengqiao.notifications;

import java.util.Map;

/**
 * Where SMS go: a provider's HTTP API ({@link WebhookSmsGateway}) or the built-in {@link RecordingSmsGateway}.
 * A gateway must treat a second message with the same idempotency key as the one it already has: the outbox
 * delivers at least once (a crash after the gateway accepted a message and before the outbox recorded it sends
 * it again), and the key makes that once.
 */
public interface SmsGateway {

    /**
     * @param templateId the provider's template for this kind of message
     * @param params     the template's parameters
     * @param text       the whole text as the platform words it (for gateways that take text, and for the record)
     */
    record Sms(String idempotencyKey, String phone, String templateId, Map<String, String> params, String text) {
        public Sms {
            params = Map.copyOf(params);
        }
    }

    /** Hands the message over; throws when the gateway did not take it (the outbox tries again later). */
    void send(Sms sms);
}
