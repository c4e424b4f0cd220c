package org.fengqiao.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The built-in SMS gateway for the demo, tests and trials: keeps every message it receives in
 * {@code sms_recorded} (once per idempotency key) instead of sending it; administrators read them at
 * {@code /admin/sms}, numbers masked.
 */
public class RecordingSmsGateway implements SmsGateway {

    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
    };

    /** A message the gateway received. */
    public record Recorded(long id, String idempotencyKey, String phone, String templateId, Map<String, String> params,
                           String text, Instant receivedAt) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public RecordingSmsGateway(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void send(Sms sms) {
        // it stands for the operator's gateway: it keeps the number only masked, no clear phone in our tables
        jdbc.sql("""
                insert into sms_recorded (idempotency_key, phone, template_id, params, text, received_at)
                values (?, ?, ?, cast(? as jsonb), ?, ?) on conflict (idempotency_key) do nothing
                """).params(sms.idempotencyKey(), org.fengqiao.platform.PartyMasking.phone(sms.phone()), sms.templateId(), json.writeValueAsString(sms.params()),
                sms.text(), Timestamp.from(clock.instant())).update();
    }

    /** The newest messages received, newest first. */
    public List<Recorded> recent(int limit) {
        return jdbc.sql("""
                select id, idempotency_key, phone, template_id, params::text, text, received_at from sms_recorded
                order by id desc limit ?
                """).param(limit).query((rs, n) -> new Recorded(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), json.readValue(rs.getString(5), PARAMS), rs.getString(6),
                rs.getTimestamp(7).toInstant())).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from sms_recorded").query(Long.class).single();
    }
}
