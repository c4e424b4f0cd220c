package org.fengqiao.notifications;

import java.util.Map;

/**
 * A message to send: what it is about, to whom, its parameters, and the key that makes it one message however
 * often it is sent (the cause: a case event, a reminder, a registration).
 *
 * @param caseId the case the message is about (a link in the staff's message list), or null
 * @param urgent an urgent matter: SMS goes out in quiet hours too
 */
public record Notification(String idempotencyKey, NotificationKind kind, Recipient recipient,
                           Map<String, String> params, Long caseId, boolean urgent) {

    public Notification {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("a notification needs an idempotency key");
        }
        if ((kind.audience() == NotificationKind.Audience.STAFF) != (recipient instanceof Recipient.Staff)) {
            throw new IllegalArgumentException(kind + " is not for " + recipient.getClass().getSimpleName());
        }
        params = Map.copyOf(params);
    }

    /** Who receives a message. */
    public sealed interface Recipient {
        /** A staff user: in-app always, SMS and e-mail as they chose. */
        record Staff(long userId) implements Recipient {
        }

        /** A citizen, by mobile number: SMS. */
        record Citizen(String mobile) implements Recipient {
            public Citizen {
                if (mobile == null || !mobile.matches("1\\d{10}")) {
                    throw new IllegalArgumentException("not a mobile number");
                }
            }
        }
    }
}
