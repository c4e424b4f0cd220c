package org.fengqiao.reviews;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseCommands;
import org.fengqiao.cases.CaseLists;
import org.fengqiao.cases.CaseQueries;
import org.fengqiao.cases.CaseService;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;

/**
 * The record of a review meeting: who met, and per agenda item the decision taken. A decision that acts on a
 * case is carried out through the case's lifecycle ({@link CaseService}), as the recording user, with a note on
 * the case's timeline naming the meeting; other decisions become follow-up tasks with an owner and a due date,
 * carried onto the centre's next agendas until done. All of it in one transaction: one refusal writes nothing.
 */
@Service
@Transactional
public class ReviewMeetings {

    /** What a meeting decided about an item. */
    public enum Action {
        /** 交办: assign to a unit (a due date, if given, is tracked as a follow-up). */
        ASSIGN,
        /** 领导包案: a leader takes the case, issued as a supervision notice naming the leader. */
        LEADER_TAKES,
        /** 联合调解: a unit joins the handling. */
        JOINT_MEDIATION,
        /** 上报: hand the case to the level above. */
        ESCALATE,
        /** 跟踪落实: a task with an owner and a due date. */
        FOLLOW_UP,
        /** 知悉: noted, no action. */
        NOTED;

        boolean actsOnCase() {
            return this == ASSIGN || this == LEADER_TAKES || this == JOINT_MEDIATION || this == ESCALATE;
        }
    }

    public record NewDecision(String section, Long caseId, Action action, Long unitId, String leader, LocalDate dueOn,
                              String owner, String text) {
    }

    public record NewMeeting(Long centre, Instant heldAt, String chair, List<String> attendees, List<Long> invitedUnits,
                             String summary, List<NewDecision> decisions) {
    }

    public record Decision(long id, int position, String section, Long caseId, String trackingCode, String caseTitle,
                           Action action, Long unitId, String unitName, String leader, LocalDate dueOn, String text) {
    }

    public record FollowUp(long id, long meetingId, Long decisionId, Long caseId, String task, String owner,
                           LocalDate dueOn, Instant doneAt, String doneNote) {
    }

    public record Meeting(long id, long centreId, String centreName, ReviewCadences.Frequency frequency,
                          Instant heldAt, Instant periodFrom, Instant periodTo, String chair, List<String> attendees,
                          List<String> invitedUnits, String summary, String recordedBy, List<Decision> decisions,
                          List<FollowUp> followUps) {
    }

    public record Listed(long id, String centreName, ReviewCadences.Frequency frequency, Instant heldAt, String chair,
                         int decisions, int openFollowUps) {
    }

    private final JdbcClient jdbc;
    private final Agendas agendas;
    private final ReviewCadences cadences;
    private final CaseService cases;
    private final CaseQueries queries;
    private final CaseLists lists;
    private final Units units;
    private final MessageSource messages;
    private final Clock clock;

    ReviewMeetings(JdbcClient jdbc, Agendas agendas, ReviewCadences cadences, CaseService cases, CaseQueries queries,
                   CaseLists lists, Units units, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.agendas = agendas;
        this.cadences = cadences;
        this.cases = cases;
        this.queries = queries;
        this.lists = lists;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    /** Records a meeting and carries out its decisions; everything is checked before anything is written. */
    public Meeting record(Actor actor, NewMeeting m) {
        Unit centre = agendas.centre(actor, m.centre());
        Instant now = clock.instant();
        if (m.heldAt() == null || m.heldAt().isAfter(now.plusSeconds(3600))
                || m.heldAt().isBefore(now.minusSeconds(366L * 24 * 3600))) {
            throw new ProblemException.InvalidInput("heldAt", "reviews.badHeldAt");
        }
        String chair = name("chair", m.chair());
        List<String> attendees = m.attendees() == null ? List.of() : m.attendees().stream()
                .filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
        if (attendees.size() > 100 || attendees.stream().anyMatch(a -> a.length() > 50)) {
            throw new ProblemException.InvalidInput("attendees", "reviews.badAttendees");
        }
        List<Long> invited = m.invitedUnits() == null ? List.of() : m.invitedUnits();
        for (int i = 0; i < invited.size(); i++) {
            if (invited.get(i) == null || units.find(invited.get(i)).isEmpty()) {
                throw new ProblemException.InvalidInput("invitedUnits[" + i + "]", "reviews.badUnit");
            }
        }
        if (m.summary() != null && m.summary().length() > 5000) {
            throw new ProblemException.InvalidInput("summary", "reviews.badSummary");
        }
        List<NewDecision> decisions = m.decisions() == null ? List.of() : m.decisions();
        if (decisions.size() > 200) {
            throw new ProblemException.InvalidInput("decisions", "reviews.tooManyDecisions");
        }
        for (int i = 0; i < decisions.size(); i++) {
            check(actor, centre, "decisions[" + i + "]", decisions.get(i));
        }
        ReviewCadences.Cadence cadence = cadences.of(centre);
        Instant from = jdbc.sql("""
                        select max(held_at) from review_meeting where unit_id = ? and held_at < ?""")
                .params(centre.id(), Timestamp.from(m.heldAt())).query(Timestamp.class).optional()
                .map(Timestamp::toInstant)
                .orElse(ChinaTime.startOf(cadence.previous(ChinaTime.dateOf(m.heldAt()))));
        long id = jdbc.sql("""
                insert into review_meeting (unit_id, frequency, held_at, period_from, period_to, chair, attendees,
                                            invited_units, summary, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, cast(? as text[]), cast(? as bigint[]), ?, ?, ?) returning id""")
                .params(centre.id(), cadence.frequency().name(), Timestamp.from(m.heldAt()), Timestamp.from(from),
                        Timestamp.from(m.heldAt()), chair, attendees.toArray(String[]::new),
                        invited.toArray(Long[]::new), blank(m.summary()), actor.userId(), Timestamp.from(now))
                .query(Long.class).single();
        String meetingName = messages.getMessage("reviews.meetingName." + cadence.frequency(),
                new Object[] {centre.name(), ChinaTime.dateOf(m.heldAt()).toString(), id}, Locale.SIMPLIFIED_CHINESE);
        for (int i = 0; i < decisions.size(); i++) {
            carryOut(actor, centre, id, i + 1, "decisions[" + i + "]", decisions.get(i), meetingName);
        }
        return get(actor, id);
    }

    private void check(Actor actor, Unit centre, String field, NewDecision d) {
        if (d == null || d.action() == null) {
            throw new ProblemException.InvalidInput(field + ".action", "reviews.decision.action");
        }
        if (d.text() == null || d.text().isBlank() || d.text().length() > 1500) {
            throw new ProblemException.InvalidInput(field + ".text", "reviews.decision.text");
        }
        if (d.section() != null && !d.section().isBlank() && !Agenda.CASE_SECTIONS.contains(d.section())
                && !List.of("hotTopics", "screening", "trends", "followUps", "other").contains(d.section())) {
            throw new ProblemException.InvalidInput(field + ".section", "reviews.decision.section");
        }
        if (d.action().actsOnCase() && d.caseId() == null) {
            throw new ProblemException.InvalidInput(field + ".caseId", "reviews.decision.caseMissing");
        }
        if (d.caseId() != null) {
            // a case the caller cannot see, or one outside the centre's area, is refused alike
            String region = queries.find(actor, d.caseId()).map(v -> v.matter().location().regionCode()).orElse(null);
            if (region == null || !DivisionCode.of(region).isWithin(centre.regionCode())) {
                throw new ProblemException.InvalidInput(field + ".caseId", "reviews.decision.caseOutsideCentre",
                        centre.name());
            }
        }
        if ((d.action() == Action.ASSIGN || d.action() == Action.JOINT_MEDIATION) && d.unitId() == null) {
            throw new ProblemException.InvalidInput(field + ".unitId", "reviews.decision.unitMissing");
        }
        if (d.action() == Action.LEADER_TAKES) {
            name(field + ".leader", d.leader());
        }
        if (d.action() == Action.FOLLOW_UP) {
            if (d.owner() == null || d.owner().isBlank() || d.owner().strip().length() > 50) {
                throw new ProblemException.InvalidInput(field + ".owner", "reviews.decision.ownerMissing");
            }
            if (d.dueOn() == null) {
                throw new ProblemException.InvalidInput(field + ".dueOn", "reviews.decision.dueMissing");
            }
        }
        if (d.dueOn() != null && d.dueOn().isBefore(ChinaTime.dateOf(clock.instant()))) {
            throw new ProblemException.InvalidInput(field + ".dueOn", "reviews.decision.duePast");
        }
    }

    private void carryOut(Actor actor, Unit centre, long meetingId, int position, String field, NewDecision d,
                          String meetingName) {
        String note = messages.getMessage("reviews.decidedBy", new Object[] {meetingName, d.text().strip()},
                Locale.SIMPLIFIED_CHINESE);
        long decisionId = jdbc.sql("""
                insert into review_decision (meeting_id, position, section, case_id, action, unit_id, leader, due_on,
                                             text)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""").params(meetingId, position,
                d.section() == null || d.section().isBlank() ? "other" : d.section(), d.caseId(), d.action().name(),
                d.unitId(), blank(d.leader()), d.dueOn(), d.text().strip()).query(Long.class).single();
        try {
            switch (d.action()) {
                case ASSIGN -> cases.assign(actor, d.caseId(), new CaseCommands.Assign(d.unitId(), note));
                case JOINT_MEDIATION -> cases.addJointUnit(actor, d.caseId(), new CaseCommands.JointUnit(d.unitId(), note));
                case ESCALATE -> cases.escalate(actor, d.caseId(), new CaseCommands.Escalate(note));
                case LEADER_TAKES -> cases.supervise(actor, d.caseId(), new CaseCommands.Supervision(
                        messages.getMessage("reviews.leaderTakes", new Object[] {d.leader().strip(), note},
                                Locale.SIMPLIFIED_CHINESE), d.dueOn()));
                case FOLLOW_UP, NOTED -> {
                    if (d.caseId() != null) {
                        cases.addNote(actor, d.caseId(), new CaseCommands.Note(note));
                    }
                }
            }
        } catch (ProblemException.InvalidInput e) {
            throw new ProblemException.InvalidInput(field + "." + e.field(), e.messageKey(), e.args());
        }
        String owner = d.action() == Action.FOLLOW_UP ? d.owner().strip()
                : d.action() == Action.ASSIGN && d.dueOn() != null ? units.get(d.unitId()).name() : null;
        if (owner != null) {
            jdbc.sql("""
                    insert into review_follow_up (meeting_id, decision_id, unit_id, case_id, task, owner, due_on)
                    values (?, ?, ?, ?, ?, ?, ?)""").params(meetingId, decisionId, centre.id(), d.caseId(),
                    d.text().strip(), owner, d.dueOn()).update();
        }
    }

    /** Marks a follow-up task done, with a note on what was done. */
    public FollowUp complete(Actor actor, long followUpId, String note) {
        Long meeting = jdbc.sql("select meeting_id from review_follow_up where id = ?").param(followUpId)
                .query(Long.class).optional().orElseThrow(() -> new ProblemException.NotFound("reviews.followUpNotFound"));
        get(actor, meeting);
        if (note == null || note.isBlank() || note.length() > 2000) {
            throw new ProblemException.InvalidInput("note", "reviews.followUp.note");
        }
        int n = jdbc.sql("update review_follow_up set done_at = ?, done_note = ? where id = ? and done_at is null")
                .params(Timestamp.from(clock.instant()), note.strip(), followUpId).update();
        if (n == 0) {
            throw new ProblemException.Conflict("reviews.followUp.alreadyDone");
        }
        return followUps(followUpId, "f.id = ?").getFirst();
    }

    /** The meetings of a centre the caller reaches (default the caller's), newest first. */
    @Transactional(readOnly = true)
    public List<Listed> list(Actor actor, Long centreId, int limit) {
        Unit centre = agendas.centre(actor, centreId);
        return jdbc.sql("""
                        select m.id, m.frequency, m.held_at, m.chair,
                               (select count(*) from review_decision d where d.meeting_id = m.id) as decisions,
                               (select count(*) from review_follow_up f where f.meeting_id = m.id and f.done_at is null)
                                   as open_follow_ups
                        from review_meeting m where m.unit_id = ? order by m.held_at desc, m.id desc limit ?""")
                .params(centre.id(), Math.min(Math.max(limit, 1), 200))
                .query((rs, n) -> new Listed(rs.getLong("id"), centre.name(),
                        ReviewCadences.Frequency.valueOf(rs.getString("frequency")),
                        rs.getTimestamp("held_at").toInstant(), rs.getString("chair"), rs.getInt("decisions"),
                        rs.getInt("open_follow_ups"))).list();
    }

    /** A meeting of a centre the caller reaches (404 otherwise). */
    @Transactional(readOnly = true)
    public Meeting get(Actor actor, long id) {
        Row row = jdbc.sql("""
                        select m.*, u.display_name from review_meeting m join staff_user u on u.id = m.recorded_by
                        where m.id = ?""").param(id).query((rs, n) -> new Row(rs.getLong("unit_id"),
                        rs.getString("frequency"), rs.getTimestamp("held_at").toInstant(),
                        rs.getTimestamp("period_from").toInstant(), rs.getTimestamp("period_to").toInstant(),
                        rs.getString("chair"), List.of((String[]) rs.getArray("attendees").getArray()),
                        List.of((Long[]) rs.getArray("invited_units").getArray()), rs.getString("summary"),
                        rs.getString("display_name"))).optional()
                .orElseThrow(() -> new ProblemException.NotFound("reviews.notFound"));
        Unit centre = units.get(row.unitId());
        if (!actor.jurisdiction().coversRegion(centre.regionCode().value())) {
            throw new ProblemException.NotFound("reviews.notFound");
        }
        var area = lists.scope(actor, Agendas.inRegion(centre.regionCode().value()));
        List<Decision> decisions = jdbc.sql("select * from review_decision where meeting_id = ? order by position")
                .param(id).query((rs, n) -> decision(rs)).list();
        var codes = agendas.trackingCodes(area, decisions.stream().map(Decision::caseId)
                .filter(java.util.Objects::nonNull).toList());
        List<Decision> named = decisions.stream().map(d -> new Decision(d.id(), d.position(), d.section(), d.caseId(),
                d.caseId() == null ? null : codes.get(d.caseId()),
                d.caseId() == null ? null : queries.find(actor, d.caseId()).map(v -> v.matter().title()).orElse(null),
                d.action(), d.unitId(), d.unitId() == null ? null : units.get(d.unitId()).name(), d.leader(),
                d.dueOn(), d.text())).toList();
        return new Meeting(id, centre.id(), centre.name(), ReviewCadences.Frequency.valueOf(row.frequency()),
                row.heldAt(), row.periodFrom(), row.periodTo(), row.chair(), row.attendees(),
                row.invited().stream().map(u -> units.get(u).name()).toList(), row.summary(), row.recordedBy(), named,
                followUps(id, "f.meeting_id = ?"));
    }

    private record Row(long unitId, String frequency, Instant heldAt, Instant periodFrom, Instant periodTo,
                       String chair, List<String> attendees, List<Long> invited, String summary, String recordedBy) {
    }

    private List<FollowUp> followUps(long param, String where) {
        return jdbc.sql("select f.* from review_follow_up f where " + where + " order by f.due_on, f.id").param(param)
                .query((rs, n) -> new FollowUp(rs.getLong("id"), rs.getLong("meeting_id"),
                        (Long) rs.getObject("decision_id"), (Long) rs.getObject("case_id"), rs.getString("task"),
                        rs.getString("owner"), rs.getObject("due_on", LocalDate.class),
                        rs.getTimestamp("done_at") == null ? null : rs.getTimestamp("done_at").toInstant(),
                        rs.getString("done_note"))).list();
    }

    private static Decision decision(ResultSet rs) throws SQLException {
        return new Decision(rs.getLong("id"), rs.getInt("position"), rs.getString("section"),
                (Long) rs.getObject("case_id"), null, null, Action.valueOf(rs.getString("action")),
                (Long) rs.getObject("unit_id"), null, rs.getString("leader"), rs.getObject("due_on", LocalDate.class),
                rs.getString("text"));
    }

    private static String name(String field, String value) {
        if (value == null || value.isBlank() || value.strip().length() > 50) {
            throw new ProblemException.InvalidInput(field, "reviews.badName");
        }
        return value.strip();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
