package org.fengqiao.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.RecordChain;
import org.fengqiao.platform.RecordChain.Break;

/**
 * The hash chains of the case event log: one per case (each event's {@code hash} links the previous event's
 * hash and its own content; the case row keeps the newest, {@code last_event_hash}) and one of daily heads over
 * all cases ({@code record_day_head}: per finished China day, the events recorded that day in id order, linked
 * to the previous day's head). Events are written only by {@link CaseRepository}, which computes the links;
 * this class recomputes them and names the first that does not hold.
 */
@Service
public class EventChains {

    private static final String EVENTS = """
            select c.id as case_id, c.last_event_hash, e.id, e.type, e.occurred_at, e.actor_user_id,
                   e.actor_unit_id, e.from_status, e.to_status, e.reason, e.data::text as data, e.hash
            from cases c left join case_event e on e.case_id = c.id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final Duration settle;

    EventChains(JdbcClient jdbc, javax.sql.DataSource dataSource, TransactionTemplate transactions,
                @Value("${fengqiao.records.day-settles-after:PT1H}") Duration settle) {
        this.jdbc = jdbc;
        this.template = new JdbcTemplate(dataSource);
        this.template.setFetchSize(1000);
        this.transactions = transactions;
        this.settle = settle;
    }

    /** The canonical content of one event, as hashed when it is written and when it is verified. */
    public static byte[] content(long caseId, String type, Instant occurredAt, Long actorUserId, Long actorUnitId,
                                 String fromStatus, String toStatus, String reason, String dataJson) {
        return RecordChain.content("case_event").number(caseId).text(type).time(occurredAt).number(actorUserId)
                .number(actorUnitId).text(fromStatus).text(toStatus).text(reason).json(dataJson).bytes();
    }

    /** The new events' hashes (hex, for the insert) and the case's new chain tip. */
    record Links(String[] hashes, byte[] tip) {
    }

    /**
     * Continues the case's chain from its loaded tip over its new events ({@code data}: each event's JSON as it
     * is stored). Their times are hashed as {@link #stored}, which is how the writer must store them.
     */
    static Links links(Case c, String[] data) {
        List<RecordedEvent> events = c.newEvents();
        String[] hashes = new String[events.size()];
        byte[] tip = c.lastEventHash == null ? RecordChain.GENESIS : c.lastEventHash;
        for (int i = 0; i < hashes.length; i++) {
            RecordedEvent e = events.get(i);
            tip = RecordChain.link(tip, content(c.id().value(), e.event().type(), stored(e.occurredAt()),
                    e.actorUserId(), e.actorUnitId(), e.from() == null ? null : e.from().name(),
                    e.to() == null ? null : e.to().name(), e.reason(), data[i]));
            hashes[i] = HexFormat.of().formatHex(tip);
        }
        return new Links(hashes, tip);
    }

    static Instant stored(Instant t) {
        return RecordChain.stored(t);
    }

    /** The first broken link of any case's chain, or empty when every case verifies. */
    public Optional<Break> verifyAllCases() {
        return verifyCases("", new Object[0]);
    }

    /** The first broken link of the chains of the cases that had events recorded on {@code day} (China time). */
    public Optional<Break> verifyCasesRecordedOn(LocalDate day) {
        return verifyCases("where c.id in (select case_id from case_event where recorded_at >= ? and recorded_at < ?)",
                new Object[]{at(start(day)), at(start(day.plusDays(1)))});
    }

    /** The first broken link of the chain of one case. */
    public Optional<Break> verifyCase(long caseId) {
        return verifyCases("where c.id = ?", new Object[]{caseId});
    }

    private Optional<Break> verifyCases(String where, Object[] args) {
        CaseWalk walk = new CaseWalk();
        transactions.executeWithoutResult(s -> template.query(EVENTS + where + " order by c.id, e.id", walk, args));
        walk.finishCase();
        return Optional.ofNullable(walk.broken);
    }

    /** Walks the events of cases in (case, id) order, stopping at the first link that does not hold. */
    private static final class CaseWalk implements RowCallbackHandler {
        Break broken;
        long caseId = -1;
        byte[] tip;
        byte[] previous;
        boolean any;

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            if (broken != null) {
                return;
            }
            long id = rs.getLong("case_id");
            if (id != caseId) {
                finishCase();
                if (broken != null) {
                    return;
                }
                caseId = id;
                tip = rs.getBytes("last_event_hash");
                previous = RecordChain.GENESIS;
                any = false;
            }
            Long eventId = (Long) rs.getObject("id");
            if (eventId == null) {
                return;
            }
            any = true;
            byte[] expected = RecordChain.link(previous, content(caseId, rs.getString("type"),
                    rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), (Long) rs.getObject("actor_user_id"),
                    (Long) rs.getObject("actor_unit_id"), rs.getString("from_status"), rs.getString("to_status"),
                    rs.getString("reason"), rs.getString("data")));
            byte[] stored = rs.getBytes("hash");
            if (!Arrays.equals(expected, stored)) {
                broken = new Break("case", Long.toString(caseId), eventId,
                        stored == null ? "records.break.missing" : "records.break.event",
                        RecordChain.hex(expected), RecordChain.hex(stored));
            }
            previous = stored;
        }

        void finishCase() {
            if (broken == null && caseId >= 0 && (any || tip != null) && !Arrays.equals(previous, tip)) {
                broken = new Break("case", Long.toString(caseId), null, "records.break.tip",
                        RecordChain.hex(previous), RecordChain.hex(tip));
            }
        }
    }

    // ---- daily heads --------------------------------------------------------------------------------------

    /** A sealed day. */
    public record DayHead(LocalDate day, int eventCount, Long lastId, byte[] head, byte[] previous) {
    }

    /**
     * Seals every finished day not sealed yet that has events, oldest first: a day is finished once it ended
     * {@code fengqiao.records.day-settles-after} ago by the database's clock (so the transactions begun before
     * midnight have committed). Answers the days sealed.
     */
    public List<LocalDate> sealFinishedDays() {
        Instant now = jdbc.sql("select statement_timestamp()").query(OffsetDateTime.class).single().toInstant();
        LocalDate lastFinished = ChinaTime.dateOf(now.minus(settle)).minusDays(1);
        Optional<DayHead> last = lastHead(null);
        Instant from = last.map(h -> start(h.day().plusDays(1))).orElse(Instant.EPOCH);
        List<LocalDate> days = jdbc.sql("""
                select distinct cast(recorded_at at time zone 'Asia/Shanghai' as date) as day from case_event
                where recorded_at >= ? and recorded_at < ? order by day
                """).params(at(from),
                at(start(lastFinished.plusDays(1))))
                .query(LocalDate.class).list();
        List<LocalDate> sealed = new ArrayList<>();
        for (LocalDate day : days) {
            transactions.executeWithoutResult(s -> seal(day));
            sealed.add(day);
        }
        return sealed;
    }

    /** Seals one day (it must come after every sealed day); the caller decides that it is finished. */
    void seal(LocalDate day) {
        byte[] previous = lastHead(null).map(h -> {
            if (!h.day().isBefore(day)) {
                throw new IllegalStateException("day " + day + " is not after the last sealed day " + h.day());
            }
            return h.head();
        }).orElse(RecordChain.GENESIS);
        DayHead head = compute(day, previous);
        jdbc.sql("""
                insert into record_day_head (day, event_count, last_id, head, previous, sealed_at)
                values (?, ?, ?, ?, ?, statement_timestamp())
                """).params(day, head.eventCount(), head.lastId(), head.head(), head.previous()).update();
    }

    private DayHead compute(LocalDate day, byte[] previous) {
        RecordChain.Running running = RecordChain.running(previous);
        int[] count = {0};
        Long[] lastId = {null};
        template.query("select id, hash from case_event where recorded_at >= ? and recorded_at < ? order by id",
                rs -> {
                    running.add(rs.getBytes("hash"));
                    count[0]++;
                    lastId[0] = rs.getLong("id");
                }, at(start(day)),
                at(start(day.plusDays(1))));
        return new DayHead(day, count[0], lastId[0], running.finish(), previous);
    }

    /** The first sealed day whose head does not match its events or does not link to the day before. */
    public Optional<Break> verifyDays(LocalDate onlyDay) {
        List<DayHead> heads = jdbc.sql("select * from record_day_head order by day").query((rs, n) -> head(rs)).list();
        byte[] previous = RecordChain.GENESIS;
        for (DayHead stored : heads) {
            if (onlyDay == null || stored.day().equals(onlyDay)) {
                if (!Arrays.equals(previous, stored.previous())) {
                    return Optional.of(new Break("day", stored.day().toString(), null, "records.break.day-link",
                            RecordChain.hex(previous), RecordChain.hex(stored.previous())));
                }
                DayHead actual = compute(stored.day(), stored.previous());
                if (!Arrays.equals(actual.head(), stored.head())) {
                    return Optional.of(new Break("day", stored.day().toString(), actual.lastId(),
                            "records.break.day-head", actual.eventCount() + " " + RecordChain.hex(actual.head()),
                            stored.eventCount() + " " + RecordChain.hex(stored.head())));
                }
            }
            previous = stored.head();
        }
        return Optional.empty();
    }

    /** The newest sealed day (before {@code before}, if given). */
    public Optional<DayHead> lastHead(LocalDate before) {
        return jdbc.sql("select * from record_day_head where (cast(? as date) is null or day < ?) order by day desc limit 1")
                .params(before, before).query((rs, n) -> head(rs)).optional();
    }

    private static DayHead head(ResultSet rs) throws SQLException {
        return new DayHead(rs.getObject("day", LocalDate.class), rs.getInt("event_count"),
                (Long) rs.getObject("last_id"), rs.getBytes("head"), rs.getBytes("previous"));
    }

    private static OffsetDateTime at(Instant t) {
        return OffsetDateTime.ofInstant(t, ChinaTime.ZONE);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ChinaTime.ZONE).toInstant();
    }
}
