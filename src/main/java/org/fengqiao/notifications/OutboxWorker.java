package org.fengqiao.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.fengqiao.cases.CaseContacts;
import org.fengqiao.platform.ChinaTime;

/**
 * Delivers the outbox. Each message due is taken in its own transaction with {@code for update skip locked},
 * so any number of workers (threads, instances of a cluster) share the table without sending a message twice,
 * and a message whose worker died is simply taken again: it stays PENDING until a delivery is recorded. The
 * gateway is called inside that transaction with the message's idempotency key, so a crash between the
 * gateway's acceptance and the commit repeats the call with the same key, which the gateway ignores.
 *
 * <p>A failure is retried with exponential backoff ({@link NotificationProperties.Delivery#backoff}) until
 * {@code maxAttempts}, then the message is FAILED and listed at {@code /admin/sms}. SMS that are not urgent
 * wait through the quiet hours (22:00–07:00 China time); at most {@code dailyCap} SMS go to one number a day
 * (counted under an advisory lock on the number, so concurrent workers cannot both take the last place), the
 * rest wait for the next morning. Waiting is not failing: it costs no attempt.
 */
public class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
    };
    /** SMS and e-mail go out in Chinese. */
    static final Locale MESSAGE_LOCALE = Locale.SIMPLIFIED_CHINESE;

    /** What one delivery attempt came to. */
    public enum Outcome { SENT, RETRY, FAILED, QUIET_HOURS, DAILY_CAP, TAKEN }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SmsGateway sms;
    private final MailSender mail;
    private final Texts texts;
    private final NotificationProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final CaseContacts contacts;

    /**
     * @param mail the SMTP channel, or null when no mail server is configured (e-mail then fails)
     */
    public OutboxWorker(JdbcClient jdbc, PlatformTransactionManager txm, SmsGateway sms, MailSender mail, Texts texts,
                        NotificationProperties properties, ObjectMapper json, Clock clock, CaseContacts contacts) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.tx = new TransactionTemplate(txm);
        this.sms = sms;
        this.mail = mail;
        this.texts = texts;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** Delivers up to one batch of the messages due now; returns how many were sent. */
    public int deliverDue() {
        Instant now = clock.instant();
        List<Long> due = jdbc.sql("""
                select id from notification_outbox where status = 'PENDING' and next_attempt_at <= ?
                order by next_attempt_at, id limit ?
                """).params(Timestamp.from(now), properties.delivery().batch()).query(Long.class).list();
        int sent = 0;
        for (long id : due) {
            sent += deliver(id) == Outcome.SENT ? 1 : 0;
        }
        return sent;
    }

    /** Delivers batches until nothing more is due now; returns how many were sent. */
    public int drain() {
        int total = 0;
        for (int sent = deliverDue(); sent > 0; sent = deliverDue()) {
            total += sent;
        }
        return total;
    }

    /** {@code address} is null for a citizen's SMS about a case (looked up when sent, {@link #addressOf}). */
    private record Row(long id, String key, String channel, NotificationKind kind, String address,
                       String addressHash, Long caseId, Map<String, String> params, boolean urgent, int attempts) {
    }

    /** One attempt at one message, in its own transaction. */
    public Outcome deliver(long id) {
        return tx.execute(status -> {
            Instant now = clock.instant();
            Row row = jdbc.sql("""
                            select id, idempotency_key, channel, kind, address, params::text, urgent, attempts,
                                   address_hash, case_id
                            from notification_outbox
                            where id = ? and status = 'PENDING' and next_attempt_at <= ? for update skip locked
                            """).params(id, Timestamp.from(now))
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                            NotificationKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(9),
                            (Long) rs.getObject(10), json.readValue(rs.getString(6), PARAMS), rs.getBoolean(7),
                            rs.getInt(8)))
                    .optional().orElse(null);
            if (row == null) {
                return Outcome.TAKEN;
            }
            if (row.channel().equals("SMS")) {
                Instant quietEnd = quietEnd(now);
                if (!row.urgent() && quietEnd != null) {
                    return postpone(row, quietEnd, Outcome.QUIET_HOURS);
                }
                jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("sms:" + row.addressHash()).query().singleRow();
                long today = jdbc.sql("""
                        select count(*) from notification_outbox where status = 'SENT' and address_hash = ? and sent_at >= ?
                        """).params(row.addressHash(), Timestamp.from(ChinaTime.startOf(ChinaTime.dateOf(now))))
                        .query(Long.class).single();
                if (today >= properties.sms().dailyCap()) {
                    LocalDate tomorrow = ChinaTime.dateOf(now).plusDays(1);
                    return postpone(row, tomorrow.atTime(properties.sms().quietUntil()).atZone(ChinaTime.ZONE)
                            .toInstant(), Outcome.DAILY_CAP);
                }
            }
            try {
                send(row);
            } catch (RuntimeException e) {
                return failed(row, now, e);
            }
            jdbc.sql("""
                    update notification_outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1,
                        last_error = null, params = params - cast(? as text[])
                    where id = ?
                    """).params(Timestamp.from(now), secrets(row.params()), row.id()).update();
            return Outcome.SENT;
        });
    }

    private static String[] secrets(Map<String, String> params) {
        return params.keySet().stream().filter(NotificationKind::isSecret).toArray(String[]::new);
    }

    private void send(Row row) {
        String text = texts.text(row.kind(), row.params(), MESSAGE_LOCALE);
        switch (row.channel()) {
            case "SMS" -> sms.send(new SmsGateway.Sms(row.key(), addressOf(row),
                    properties.sms().templateId(row.kind()), row.params(), text));
            case "EMAIL" -> {
                if (mail == null || !properties.mail().enabled()) {
                    throw new IllegalStateException("no mail server configured (spring.mail.host)");
                }
                SimpleMailMessage m = new SimpleMailMessage();
                m.setFrom(properties.mail().from());
                m.setTo(row.address());
                m.setSubject(texts.subject(row.kind(), row.params(), MESSAGE_LOCALE));
                m.setText(text);
                mail.send(m);
            }
            default -> throw new IllegalStateException("unknown channel " + row.channel());
        }
    }

    /** Where an SMS goes: the stored number, or for a citizen's message about a case the applicant's mobile now. */
    private String addressOf(Row row) {
        if (row.address() != null) {
            return row.address();
        }
        return contacts.applicantMobile(row.caseId())
                .orElseThrow(() -> new IllegalStateException("the case no longer has the applicant's mobile number"));
    }

    private Outcome postpone(Row row, Instant until, Outcome why) {
        jdbc.sql("update notification_outbox set next_attempt_at = ? where id = ?")
                .params(Timestamp.from(until), row.id()).update();
        return why;
    }

    private Outcome failed(Row row, Instant now, RuntimeException e) {
        int attempts = row.attempts() + 1;
        boolean last = attempts >= properties.delivery().maxAttempts();
        String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        jdbc.sql("""
                update notification_outbox set attempts = ?, status = ?, next_attempt_at = ?, last_error = ?
                where id = ?
                """).params(attempts, last ? "FAILED" : "PENDING",
                Timestamp.from(now.plus(properties.delivery().backoff(attempts))),
                error.length() > 500 ? error.substring(0, 500) : error, row.id()).update();
        log.warn("Notification {} ({}) not delivered, attempt {}: {}", row.id(), row.channel(), attempts, error);
        return last ? Outcome.FAILED : Outcome.RETRY;
    }

    /** The end of the quiet hours if {@code now} lies in them, else null. */
    Instant quietEnd(Instant now) {
        LocalTime from = properties.sms().quietFrom();
        LocalTime until = properties.sms().quietUntil();
        ZonedDateTime local = now.atZone(ChinaTime.ZONE);
        LocalTime t = local.toLocalTime();
        boolean quiet = from.isAfter(until) ? !t.isBefore(from) || t.isBefore(until)
                : !t.isBefore(from) && t.isBefore(until);
        if (!quiet) {
            return null;
        }
        LocalDate day = t.isBefore(until) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return day.atTime(until).atZone(ChinaTime.ZONE).toInstant();
    }
}
