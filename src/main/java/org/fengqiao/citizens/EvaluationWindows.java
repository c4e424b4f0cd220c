package org.fengqiao.citizens;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.cases.Rating;

/**
 * The online evaluation window of a closed case a citizen brought: it opens with the final reply and stays open
 * {@code fengqiao.citizens.evaluation-window} (7 days). A rating (the citizen's own, or one staff entered) decides
 * it; when it passes without one the sweep records 未评价 (NOT_EVALUATED), which no measure counts as satisfied.
 * A reopened case's window is dropped; its next closure opens a new one.
 */
@Service
public class EvaluationWindows {

    /** A case's window: open until {@code closesAt}; {@code result} null while undecided. */
    public record Window(Instant opensAt, Instant closesAt, String result, Boolean byCitizen) {
        public boolean isOpenAt(Instant now) {
            return result == null && now.isBefore(closesAt);
        }
    }

    private final JdbcClient jdbc;
    private final CitizenProperties properties;
    private final Clock clock;

    EvaluationWindows(JdbcClient jdbc, CitizenProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    void open(long caseId, Instant at) {
        jdbc.sql("""
                insert into citizen_evaluation_window (case_id, opens_at, closes_at) values (?, ?, ?)
                on conflict (case_id) do update set opens_at = excluded.opens_at, closes_at = excluded.closes_at,
                    result = null, by_citizen = null, decided_at = null
                """).params(caseId, Timestamp.from(at), Timestamp.from(at.plus(properties.evaluationWindow()))).update();
    }

    void decide(long caseId, Rating rating, boolean byCitizen, Instant at) {
        jdbc.sql("""
                update citizen_evaluation_window set result = ?, by_citizen = ?, decided_at = ?
                where case_id = ? and (result is null or result <> 'NOT_EVALUATED')
                """).params(rating.name(), byCitizen, Timestamp.from(at), caseId).update();
    }

    void drop(long caseId) {
        jdbc.sql("delete from citizen_evaluation_window where case_id = ?").param(caseId).update();
    }

    @Transactional(readOnly = true)
    public Optional<Window> of(long caseId) {
        return jdbc.sql("select opens_at, closes_at, result, by_citizen from citizen_evaluation_window where case_id = ?")
                .param(caseId).query((rs, n) -> new Window(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), (Boolean) rs.getObject(4))).optional();
    }

    /** Records 未评价 for every window that passed without a rating; answers how many. */
    @Transactional
    public int expire() {
        Instant now = clock.instant();
        return jdbc.sql("""
                update citizen_evaluation_window set result = 'NOT_EVALUATED', by_citizen = false, decided_at = ?
                where result is null and closes_at <= ?
                """).params(Timestamp.from(now), Timestamp.from(now)).update();
    }

    /** The evaluation rate's parts: windows decided by a rating, by the citizen themselves, and all decided. */
    public record Participation(long rated, long ratedByCitizen, long notEvaluated) {
    }

    @Transactional(readOnly = true)
    public Participation participation(Instant from, Instant to) {
        return jdbc.sql("""
                select count(*) filter (where result in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
                       count(*) filter (where by_citizen),
                       count(*) filter (where result = 'NOT_EVALUATED')
                from citizen_evaluation_window where opens_at >= ? and opens_at < ?
                """).params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Participation(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }
}
