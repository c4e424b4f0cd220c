package org.fengqiao.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import org.fengqiao.access.Actor;
import org.fengqiao.analytics.AnalyticsFilter;
import org.fengqiao.analytics.Measures;
import org.fengqiao.analytics.Measures.UnitMeasure;
import org.fengqiao.cases.CaseCommands.Supervision;
import org.fengqiao.cases.CaseFilter;
import org.fengqiao.cases.CaseLists;
import org.fengqiao.cases.CaseQueries;
import org.fengqiao.cases.CaseScope;
import org.fengqiao.cases.CaseService;
import org.fengqiao.cases.CaseStatus;
import org.fengqiao.risk.RiskLevel;
import org.fengqiao.deadlines.Deadlines;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.RegionLevel;

/**
 * The supervision board (督办台): open cases past their deadline or due within two working days, grouped by
 * handling unit and its level; supervision of many cases at once; and units ranked by their on-time closure
 * rate, only where they closed enough cases for a rate to mean something (DOMAIN.md §6).
 */
@Service
public class SupervisionBoard {

    /** Cases due before the end of this many working days after today are "near the deadline". */
    public static final int NEAR_WORKING_DAYS = 2;
    /** The most overdue, and the most nearly due, cases listed for one unit (the most pressing first). */
    public static final int CASES_PER_UNIT = 10;
    /** Units that closed fewer cases are not ranked. */
    public static final int DEFAULT_MIN_SAMPLE = 5;

    private static final String DUE = "case when " + CaseStatus.sqlIn("c.status", s -> s == CaseStatus.ASSIGNED)
            + " and c.accept_due_at is not null"
            + " and (c.handle_due_at is null or c.accept_due_at < c.handle_due_at) then c.accept_due_at"
            + " else c.handle_due_at end";

    private final CaseQueries queries;
    private final CaseLists lists;
    private final CaseService cases;
    private final Measures measures;
    private final Deadlines deadlines;
    private final Units units;
    private final JdbcClient jdbc;
    private final Clock clock;

    SupervisionBoard(CaseQueries queries, CaseLists lists, CaseService cases, Measures measures, Deadlines deadlines, Units units,
                     JdbcClient jdbc, Clock clock) {
        this.queries = queries;
        this.lists = lists;
        this.cases = cases;
        this.measures = measures;
        this.deadlines = deadlines;
        this.units = units;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A case on the board.
     *
     * @param dueAt    the deadline running now: acceptance while the case waits to be accepted, else handling
     * @param daysLeft working days left (negative when overdue)
     */
    public record BoardCase(long id, String trackingCode, String title, CaseStatus status, RiskLevel risk,
                            Instant dueAt, int daysLeft, boolean overdue, boolean supervised) {
    }

    /**
     * One handling unit: how many of its cases are overdue and nearly due, and the most pressing of each (at
     * most {@value #CASES_PER_UNIT} each).
     */
    public record UnitCases(long unitId, String unitName, RegionLevel level, long overdueCount, long dueSoonCount,
                            List<BoardCase> overdue, List<BoardCase> dueSoon) {

        /** How many of the unit's cases the board does not list. */
        public long unlisted() {
            return overdueCount + dueSoonCount - overdue.size() - dueSoon.size();
        }
    }

    /** The units of one level (county, township, village…). */
    public record Level(RegionLevel level, List<UnitCases> units, long overdue, long dueSoon) {
    }

    /**
     * @param dueSoonBefore cases due before this instant (and not yet overdue) count as near the deadline
     */
    public record Board(List<Level> levels, long overdue, long dueSoon, Instant dueSoonBefore) {
    }

    /** The overdue and near-deadline open cases the actor may reach, by level and handling unit. */
    public Board board(Actor actor) {
        Instant now = clock.instant();
        Instant dueSoon = ChinaTime.endOf(deadlines.calendar().addWorkingDays(ChinaTime.dateOf(now), NEAR_WORKING_DAYS));
        CaseScope scope = lists.scope(actor, new CaseFilter(List.of(CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS), null,
                        null, null, null, null, null, null, null, null, null, null, null, null, null))
                .and("c.handling_unit is not null and (c.overdue_since is not null or " + DUE + " < :boardDueSoon)",
                        Map.of("boardDueSoon", dueSoon.atOffset(java.time.ZoneOffset.UTC),
                                "boardNow", now.atOffset(java.time.ZoneOffset.UTC)));
        // overdue: marked by the sweep, or past the deadline already (the sweep runs every minute)
        String overdueNow = "(c.overdue_since is not null or " + DUE + " <= :boardNow)";

        Map<Long, long[]> counts = new LinkedHashMap<>();
        scope.bind(jdbc.sql("""
                select c.handling_unit as unit, count(*) filter (where %1$s) as overdue,
                       count(*) filter (where not %1$s) as soon
                from case_report c where %2$s group by c.handling_unit
                """.formatted(overdueNow, scope.sql())))
                .query(rs -> {
                    counts.put(rs.getLong("unit"), new long[] {rs.getLong("overdue"), rs.getLong("soon")});
                });
        Map<Long, List<BoardCase>> listed = new HashMap<>();
        scope.bind(jdbc.sql("""
                        select * from (
                            select c.id, c.tracking_code, c.title, c.status, c.risk_level, c.handling_unit, c.supervised,
                                   %3$s as overdue, %1$s as due_at,
                                   row_number() over (partition by c.handling_unit, %3$s order by %1$s, c.id) as n
                            from case_report c where %2$s) x
                        where x.n <= :boardPerUnit order by x.due_at, x.id
                        """.formatted(DUE, scope.sql(), overdueNow))).param("boardPerUnit", CASES_PER_UNIT)
                .query(rs -> {
                    java.time.OffsetDateTime t = rs.getObject("due_at", java.time.OffsetDateTime.class);
                    Instant dueAt = t == null ? null : t.toInstant();
                    listed.computeIfAbsent(rs.getLong("handling_unit"), u -> new ArrayList<>()).add(new BoardCase(
                            rs.getLong("id"), rs.getString("tracking_code"), rs.getString("title"),
                            CaseStatus.valueOf(rs.getString("status")), RiskLevel.valueOf(rs.getString("risk_level")),
                            dueAt, dueAt == null ? 0 : deadlines.workingDaysLeft(dueAt, now), rs.getBoolean("overdue"),
                            rs.getBoolean("supervised")));
                });

        Map<RegionLevel, List<UnitCases>> byLevel = new EnumMap<>(RegionLevel.class);
        counts.forEach((unitId, n) -> {
            Unit u = units.find(unitId).orElse(null);
            RegionLevel level = u == null ? RegionLevel.COUNTY : u.level();
            List<BoardCase> items = listed.getOrDefault(unitId, List.of());
            byLevel.computeIfAbsent(level, l -> new ArrayList<>()).add(new UnitCases(unitId,
                    u == null ? "#" + unitId : u.name(), level, n[0], n[1],
                    items.stream().filter(BoardCase::overdue).toList(),
                    items.stream().filter(c -> !c.overdue()).toList()));
        });
        List<Level> levels = new ArrayList<>();
        long overdue = 0;
        long soon = 0;
        for (Map.Entry<RegionLevel, List<UnitCases>> e : byLevel.entrySet()) {
            List<UnitCases> list = e.getValue().stream()
                    .sorted(Comparator.comparingLong(UnitCases::overdueCount).reversed()
                            .thenComparing(Comparator.comparingLong(UnitCases::dueSoonCount).reversed())
                            .thenComparing(UnitCases::unitName))
                    .toList();
            long o = list.stream().mapToLong(UnitCases::overdueCount).sum();
            long s = list.stream().mapToLong(UnitCases::dueSoonCount).sum();
            levels.add(new Level(e.getKey(), list, o, s));
            overdue += o;
            soon += s;
        }
        return new Board(levels, overdue, soon, dueSoon);
    }

    // ---- supervising many cases at once ---------------------------------------------------------------------

    /**
     * A case that could not be supervised, and why (in the caller's language).
     *
     * @param caseLabel the tracking code, or the id when the case is out of the actor's reach
     */
    public record Failure(long caseId, String caseLabel, String reason) {
    }

    /** What a bulk supervision did: the notices issued by case, and the cases refused. */
    public record BulkResult(Map<Long, Long> noticesByCase, List<Failure> failures) {
    }

    /**
     * Issues the same supervision notice (督办, or a chase 催办 in its words) on each case, each in its own
     * transaction through {@link CaseService#supervise}: a case the actor may not supervise, or whose status
     * does not allow it, is reported and the others go ahead.
     *
     * @param reasons puts a refusal into words
     */
    public BulkResult supervise(Actor actor, List<Long> caseIds, String message,
                                java.util.function.Function<ProblemException, String> reasons) {
        return supervise(actor, caseIds, message, null, reasons);
    }

    /** The same, with the date by which the unit is to answer (none: no date asked). */
    public BulkResult supervise(Actor actor, List<Long> caseIds, String message, java.time.LocalDate dueOn,
                                java.util.function.Function<ProblemException, String> reasons) {
        Map<Long, Long> done = new LinkedHashMap<>();
        List<Failure> failures = new ArrayList<>();
        for (Long id : new java.util.LinkedHashSet<>(caseIds)) {
            try {
                done.put(id, cases.supervise(actor, id, new Supervision(message, dueOn)));
            } catch (ProblemException e) {
                failures.add(new Failure(id, label(actor, id), reasons.apply(e)));
            } catch (org.springframework.dao.OptimisticLockingFailureException e) {
                failures.add(new Failure(id, label(actor, id),
                        reasons.apply(new ProblemException.Conflict("problem.concurrentChange"))));
            }
        }
        return new BulkResult(done, failures);
    }

    private String label(Actor actor, long id) {
        return queries.find(actor, id).map(c -> c.trackingCode()).orElse("#" + id);
    }

    // ---- ranking ----------------------------------------------------------------------------------------------

    /**
     * Units ranked by on-time closure rate over the filter's period; units that closed fewer than
     * {@code minSample} cases are listed apart, unranked.
     */
    public record Ranking(List<UnitMeasure> ranked, List<UnitMeasure> tooFew, int minSample) {
    }

    public Ranking ranking(Actor actor, AnalyticsFilter filter, int minSample) {
        if (minSample < 1 || minSample > 10_000) {
            throw new ProblemException.InvalidInput("minSample", "supervision.error.minSample", 1, 10_000);
        }
        List<UnitMeasure> all = measures.onTimeClosureByUnit(actor, filter);
        List<UnitMeasure> ranked = all.stream().filter(u -> u.measure().denominator() >= minSample)
                .sorted(Comparator.comparing((UnitMeasure u) -> u.measure().value(), Comparator.reverseOrder())
                        .thenComparing(u -> u.measure().denominator(), Comparator.reverseOrder())
                        .thenComparing(UnitMeasure::unitName))
                .toList();
        List<UnitMeasure> tooFew = all.stream().filter(u -> u.measure().denominator() < minSample)
                .sorted(Comparator.comparing((UnitMeasure u) -> u.measure().denominator(), Comparator.reverseOrder())
                        .thenComparing(UnitMeasure::unitName))
                .toList();
        return new Ranking(ranked, tooFew, minSample);
    }
}
