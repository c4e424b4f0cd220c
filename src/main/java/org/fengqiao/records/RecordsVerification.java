package org.fengqiao.records;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.ObjectMapper;

import org.fengqiao.audit.AuditChain;
import org.fengqiao.audit.AuditLog;
import org.fengqiao.cases.EventChains;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.RecordChain.Break;

/**
 * Recomputes the chains of the records — every case's events, the sealed daily heads, the audit log — and says
 * which link is the first to fail in each. The nightly check seals the finished days, verifies the day before,
 * keeps its result in {@code records_check} and raises an alert (an ERROR log and an audit entry) when a link
 * is broken.
 */
@Service
public class RecordsVerification {

    private static final Logger log = LoggerFactory.getLogger(RecordsVerification.class);

    /**
     * What a verification found.
     *
     * @param day     the day checked (the nightly check), or null for everything
     * @param broken  the first broken link of each chain that has one; empty when the records are intact
     * @param sealed  the days sealed by this check
     */
    public record Verification(Instant checkedAt, LocalDate day, List<Break> broken, List<LocalDate> sealed) {
        public boolean intact() {
            return broken.isEmpty();
        }
    }

    private final EventChains events;
    private final AuditChain auditChain;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final Clock clock;

    RecordsVerification(EventChains events, AuditChain auditChain, AuditLog audit, JdbcClient jdbc,
                        TransactionTemplate transactions, ObjectMapper json, MessageSource messages, Clock clock) {
        this.events = events;
        this.auditChain = auditChain;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    /** Every case's chain, every sealed day and the audit log, from their first record. */
    public Verification verifyAll() {
        List<Break> broken = new ArrayList<>();
        events.verifyAllCases().ifPresent(broken::add);
        events.verifyDays(null).ifPresent(broken::add);
        auditChain.verify().ifPresent(broken::add);
        return new Verification(clock.instant(), null, List.copyOf(broken), List.of());
    }

    /**
     * The nightly check: seals the finished days, then verifies the chains of the cases that changed on
     * {@code day}, that day's head and the audit log. Its result is kept; a broken link raises the alert.
     */
    public Verification checkDay(LocalDate day) {
        List<LocalDate> sealed = events.sealFinishedDays();
        List<Break> broken = new ArrayList<>();
        events.verifyCasesRecordedOn(day).ifPresent(broken::add);
        events.verifyDays(day).ifPresent(broken::add);
        auditChain.verify().ifPresent(broken::add);
        Verification v = new Verification(clock.instant(), day, List.copyOf(broken), sealed);
        transactions.executeWithoutResult(s -> {
            jdbc.sql("insert into records_check (checked_at, day, intact, broken_link) values (?, ?, ?, cast(? as jsonb))")
                    .params(v.checkedAt().atOffset(java.time.ZoneOffset.UTC), day, v.intact(),
                            v.intact() ? null : json.writeValueAsString(v.broken())).update();
            if (!v.intact()) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("day", day.toString());
                detail.put("broken", v.broken());
                audit.recordSystem(AuditLog.Action.RECORDS_BROKEN, "records", detail);
            }
        });
        if (!v.intact()) {
            v.broken().forEach(b -> log.error("Records changed behind the platform's back: {}",
                    describe(b, Locale.SIMPLIFIED_CHINESE)));
        }
        return v;
    }

    /** The nightly check of the day before today (China time). */
    public Verification checkYesterday() {
        return checkDay(ChinaTime.dateOf(clock.instant()).minusDays(1));
    }

    /** The last nightly check, if any. */
    public Optional<Verification> lastCheck() {
        return jdbc.sql("select checked_at, day, broken_link::text as broken from records_check order by id desc limit 1")
                .query((rs, n) -> new Verification(rs.getObject("checked_at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject("day", LocalDate.class), rs.getString("broken") == null ? List.of()
                        : List.of(json.readValue(rs.getString("broken"), Break[].class)), List.of()))
                .optional();
    }

    /** A broken link in words: which chain, which record, what differs. */
    public String describe(Break b, Locale locale) {
        String chain = messages.getMessage("records.chain." + b.chain(), new Object[]{b.key()}, locale);
        String what = messages.getMessage(b.what(), new Object[]{b.recordId() == null ? "-" : b.recordId().toString(),
                b.expected(), b.found()}, locale);
        return chain + messages.getMessage("records.separator", null, locale) + what;
    }
}
