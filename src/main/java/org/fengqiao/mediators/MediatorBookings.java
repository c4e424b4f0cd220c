package org.fengqiao.mediators;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseQueries;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;

/**
 * Mediation sessions booked for a case with one or more mediators (联合调解 when they come from several units).
 * A mediator is never booked twice at once: the mediators' rows are locked, in id order, before the check, so two
 * bookings racing for the same mediator are taken one after the other.
 */
@Service
public class MediatorBookings {

    static final Duration LONGEST = Duration.ofHours(12);
    static final int MOST_MEDIATORS = 10;
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);

    /** A booking request. */
    public record NewBooking(Long caseId, Instant startsAt, Instant endsAt, String place, List<Long> mediatorIds) {
    }

    /** A booked session; {@code caseId} and {@code trackingCode} are null in a schedule when the case is not the viewer's. */
    public record Booking(long id, Long caseId, String trackingCode, Instant startsAt, Instant endsAt, String place,
                          List<String> mediators, boolean joint) {
    }

    private final JdbcClient jdbc;
    private final Mediators mediators;
    private final CaseQueries cases;
    private final Clock clock;

    MediatorBookings(JdbcClient jdbc, Mediators mediators, CaseQueries cases, Clock clock) {
        this.jdbc = jdbc;
        this.mediators = mediators;
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * Books a session. Refused: a case outside the actor's jurisdiction (404), no or unknown mediators, a time in
     * the past, ending before it starts or longer than 12 hours, no place (400), a mediator not taking cases or
     * already booked then (409, naming the mediator and the booking in the way).
     */
    @Transactional
    public Booking book(Actor actor, NewBooking b) {
        if (b.caseId() == null) {
            throw new ProblemException.InvalidInput("caseId", "mediators.booking.caseMissing");
        }
        var handle = cases.handle(actor, b.caseId());
        if (b.mediatorIds() == null || b.mediatorIds().isEmpty() || b.mediatorIds().size() > MOST_MEDIATORS) {
            throw new ProblemException.InvalidInput("mediatorIds", "mediators.booking.mediatorsMissing", MOST_MEDIATORS);
        }
        if (b.startsAt() == null || b.endsAt() == null) {
            throw new ProblemException.InvalidInput("startsAt", "mediators.booking.timeMissing");
        }
        if (!b.endsAt().isAfter(b.startsAt()) || Duration.between(b.startsAt(), b.endsAt()).compareTo(LONGEST) > 0) {
            throw new ProblemException.InvalidInput("endsAt", "mediators.booking.badLength", LONGEST.toHours());
        }
        if (b.startsAt().isBefore(clock.instant())) {
            throw new ProblemException.InvalidInput("startsAt", "mediators.booking.past");
        }
        if (b.place() == null || b.place().isBlank() || b.place().strip().length() > 200) {
            throw new ProblemException.InvalidInput("place", "mediators.booking.placeMissing");
        }
        TreeSet<Long> ids = new TreeSet<>(b.mediatorIds());
        List<Long> locked = jdbc.sql("select id from mediator where id in (:ids) order by id for update")
                .param("ids", ids).query(Long.class).list();
        if (locked.size() != ids.size()) {
            throw new ProblemException.InvalidInput("mediatorIds", "mediators.booking.unknownMediator");
        }
        for (long id : ids) {
            Mediator m = mediators.get(id);
            if (!m.available()) {
                throw new ProblemException.Conflict("mediators.booking.unavailable", m.name());
            }
        }
        jdbc.sql("""
                select m.name, b.starts_at, b.ends_at from mediation_booking b
                join mediation_booking_mediator bm on bm.booking_id = b.id join mediator m on m.id = bm.mediator_id
                where bm.mediator_id in (:ids) and b.starts_at < :ends and b.ends_at > :starts
                order by b.starts_at limit 1
                """).param("ids", ids).param("starts", Timestamp.from(b.startsAt()))
                .param("ends", Timestamp.from(b.endsAt()))
                .query((rs, n) -> new ProblemException.Conflict("mediators.booking.doubleBooked", rs.getString(1),
                        TIME.format(rs.getTimestamp(2).toInstant()), TIME.format(rs.getTimestamp(3).toInstant())))
                .optional().ifPresent(conflict -> {
                    throw conflict;
                });
        long id = jdbc.sql("""
                insert into mediation_booking (case_id, starts_at, ends_at, place, booked_by, booked_at)
                values (?, ?, ?, ?, ?, ?) returning id
                """).params(handle.id(), Timestamp.from(b.startsAt()), Timestamp.from(b.endsAt()), b.place().strip(),
                actor.userId(), Timestamp.from(clock.instant())).query(Long.class).single();
        for (long mediator : ids) {
            jdbc.sql("insert into mediation_booking_mediator (booking_id, mediator_id) values (?, ?)")
                    .params(id, mediator).update();
        }
        return bookings(actor, "b.id = :id", Map.of("id", id)).getFirst();
    }

    /** The sessions a mediator is booked for between two instants, in time order. */
    public List<Booking> schedule(Actor actor, long mediatorId, Instant from, Instant to) {
        mediators.get(mediatorId);
        return bookings(actor, """
                exists (select 1 from mediation_booking_mediator x where x.booking_id = b.id and x.mediator_id = :mediator)
                and b.ends_at > :from and b.starts_at < :to""",
                Map.of("mediator", mediatorId, "from", Timestamp.from(from), "to", Timestamp.from(to)));
    }

    /** The sessions booked for a case the actor may see. */
    public List<Booking> forCase(Actor actor, long caseId) {
        cases.requireVisible(actor, caseId);
        return bookings(actor, "b.case_id = :caseId", Map.of("caseId", caseId));
    }

    int countBetween(long mediatorId, Instant from, Instant to) {
        return jdbc.sql("""
                select count(*) from mediation_booking b join mediation_booking_mediator bm on bm.booking_id = b.id
                where bm.mediator_id = ? and b.ends_at > ? and b.starts_at < ?
                """).params(mediatorId, Timestamp.from(from), Timestamp.from(to)).query(Integer.class).single();
    }

    private List<Booking> bookings(Actor actor, String condition, Map<String, Object> params) {
        var sql = jdbc.sql("""
                select b.id, b.case_id, b.starts_at, b.ends_at, b.place,
                       array_agg(m.name || '（' || u.name || '）' order by m.name) as names,
                       count(distinct m.unit_id) > 1 as joint
                from mediation_booking b
                join mediation_booking_mediator bm on bm.booking_id = b.id
                join mediator m on m.id = bm.mediator_id join unit u on u.id = m.unit_id
                where\s""" + condition + " group by b.id order by b.starts_at");
        for (var p : params.entrySet()) {
            sql = sql.param(p.getKey(), p.getValue());
        }
        return sql.query((rs, n) -> {
            long caseId = rs.getLong("case_id");
            var visible = cases.find(actor, caseId);
            return new Booking(rs.getLong("id"), visible.isPresent() ? caseId : null,
                    visible.map(v -> v.trackingCode()).orElse(null), rs.getTimestamp("starts_at").toInstant(),
                    rs.getTimestamp("ends_at").toInstant(), rs.getString("place"),
                    List.of((String[]) rs.getArray("names").getArray()), rs.getBoolean("joint"));
        }).list();
    }
}
