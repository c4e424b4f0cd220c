package org.fengqiao.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;

import org.fengqiao.cases.CaseEventsRecorded;
import org.fengqiao.crypto.PersonalData;

/**
 * Sends notifications through the transactional outbox. {@link #send} must run inside the transaction of the
 * change that causes the message: the message exists exactly when the change committed. A staff user gets
 * it in the app at once and, as they chose ({@link StaffPreferences}), by SMS and e-mail; a citizen by SMS.
 * SMS and e-mail are delivered after the commit by {@link OutboxWorker}.
 *
 * <p>The idempotency key makes a message one message: a second send with the same key changes nothing, except
 * that a citizen's SMS not yet delivered takes the later parameters. So a module that knows more than
 * {@code cases} (the public tracking link and access key at registration, the evaluation link at closure) can
 * listen to {@link CaseEventsRecorded} too and send the same message with {@link #eventKey} and its parameters:
 * whichever writes first, the SMS goes out once with all of them.
 */
@Service
public class Notifications {

    private final JdbcClient jdbc;
    private final StaffPreferences preferences;
    private final ObjectMapper json;
    private final Clock clock;
    private final PersonalData personal;

    Notifications(JdbcClient jdbc, StaffPreferences preferences, ObjectMapper json, Clock clock,
                  PersonalData personal) {
        this.jdbc = jdbc;
        this.personal = personal;
        this.preferences = preferences;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The key of the citizen's message of this kind about the {@code index}-th of the recorded events (a staff
     * user's adds {@code :user:<id>}).
     */
    public static String eventKey(CaseEventsRecorded recorded, int index, NotificationKind kind) {
        return "case:" + recorded.caseId() + ":v" + recorded.version() + ":" + index + ":" + kind.name();
    }

    /** Writes the message to the outbox (and the staff user's in-app messages), within the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(Notification n) {
        Instant now = clock.instant();
        switch (n.recipient()) {
            case Notification.Recipient.Staff staff -> {
                jdbc.sql("""
                        insert into notification_inbox (idempotency_key, user_id, kind, params, case_id, created_at)
                        values (?, ?, ?, cast(? as jsonb), ?, ?) on conflict (idempotency_key) do nothing
                        """).params(n.idempotencyKey(), staff.userId(), n.kind().name(), json(n.params()), n.caseId(),
                        Timestamp.from(now)).update();
                StaffPreferences.Preferences p = preferences.of(staff.userId());
                if (p.phone() != null && p.smsKinds().contains(n.kind())) {
                    enqueue(n.idempotencyKey() + ":sms", "SMS", n, staff.userId(), p.phone(),
                            personal.phoneHash(p.phone()), now);
                }
                if (p.email() != null && p.emailKinds().contains(n.kind())) {
                    enqueue(n.idempotencyKey() + ":email", "EMAIL", n, staff.userId(), p.email(), null, now);
                }
            }
            case Notification.Recipient.Citizen citizen ->
                    // about a case, the number is looked up in its sealed party data when the message is sent
                    enqueue(n.idempotencyKey(), "SMS", n, null, n.caseId() == null ? citizen.mobile() : null,
                            personal.phoneHash(citizen.mobile()), now);
        }
    }

    private void enqueue(String key, String channel, Notification n, Long userId, String address, String addressHash,
                         Instant now) {
        jdbc.sql("""
                insert into notification_outbox (idempotency_key, channel, kind, recipient_user, address, address_hash,
                                                 params, urgent, case_id, created_at, next_attempt_at)
                values (:key, :channel, :kind, :user, :address, :hash, cast(:params as jsonb), :urgent, :caseId, :now,
                        :now)
                on conflict (idempotency_key) do update set params = notification_outbox.params || excluded.params
                where notification_outbox.status = 'PENDING' and notification_outbox.recipient_user is null
                """).param("key", key).param("channel", channel).param("kind", n.kind().name())
                .param("user", userId).param("address", address).param("hash", addressHash)
                .param("params", json(n.params()))
                .param("urgent", n.urgent()).param("caseId", n.caseId()).param("now", Timestamp.from(now)).update();
    }

    private String json(Map<String, String> params) {
        return json.writeValueAsString(new LinkedHashMap<>(params));
    }
}
