package org.fengqiao.reviews;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.access.Jurisdiction;
import org.fengqiao.analytics.AnalyticsFilter;
import org.fengqiao.analytics.Measures;
import org.fengqiao.analytics.Summary;
import org.fengqiao.cases.CaseFilter;
import org.fengqiao.cases.CaseLists;
import org.fengqiao.cases.CaseScope;
import org.fengqiao.cases.CaseStatus;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.UntilChanged;
import org.fengqiao.regions.Regions;
import org.fengqiao.reviews.ReviewCadences.Cadence;
import org.fengqiao.reviews.ReviewCadences.Frequency;
import org.fengqiao.screening.Screening;

/**
 * Generates a centre's agenda from the data: the cases of its area (read through {@link CaseLists#scope} and the
 * reporting view, so only what the caller may see) since its last meeting, section by section; hot topics from
 * the hot-topic board; screening from the screening reports; trends with the measures of {@link Measures}; the
 * open follow-up tasks of earlier meetings.
 */
@Service
@Transactional(readOnly = true)
public class Agendas {

    static final int ITEMS_PER_SECTION = 50;
    /** People in a group matter; {@code cases_group_idx} (V92) is a partial index on exactly this size. */
    static final int GROUP_SIZE = 5;
    static final int REPEAT_LOOKBACK_DAYS = 180;
    static final List<String> TREND_MEASURES = List.of(Measures.INTAKE, Measures.RESOLUTION_RATE,
            Measures.CLOSURE_RATE, Measures.ON_TIME_CLOSURE_RATE, Measures.SATISFACTION_RATE,
            Measures.MEAN_HANDLING_DAYS);
    private static final String RISK_ORDER = "array['LOW', 'MEDIUM', 'HIGH', 'SEVERE']";

    private final JdbcClient jdbc;
    private final CaseLists cases;
    private final Units units;
    private final Regions regions;
    private final ReviewCadences cadences;
    private final Measures measures;
    private final AgendaHotTopics hotTopics;
    private final Screening screening;
    private final MessageSource messages;
    private final Clock clock;
    private final UntilChanged<SectionsKey, List<Agenda.Section>> sections;
    private final AtomicLong sectionsComputed = new AtomicLong();
    /**
     * The trends of an agenda: three full summaries of the measures (some 650–850 ms at a million cases), held like
     * the hot topics — up to {@code fengqiao.reviews.trends-max-lag} (90 minutes) behind the cases, renewed in the
     * background — so that the agenda the warm-up generated up to an hour before the meeting is still at hand when
     * the meeting opens it. Period-on-period comparisons move little in that time.
     */
    private final UntilChanged<TrendsKey, Agenda.Trends> trends;

    Agendas(JdbcClient jdbc, CaseLists cases, Units units, Regions regions, ReviewCadences cadences, Measures measures,
            AgendaHotTopics hotTopics, Screening screening, MessageSource messages, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${fengqiao.reviews.trends-max-lag:90m}")
            Duration trendsLag) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.units = units;
        this.regions = regions;
        this.cadences = cadences;
        this.measures = measures;
        this.hotTopics = hotTopics;
        this.screening = screening;
        this.messages = messages;
        this.clock = clock;
        this.sections = UntilChanged.of(cases::changeMark, 200, Duration.ofMinutes(5));
        this.trends = UntilChanged.atMostBehind(cases::changeMark, 200, trendsLag.multipliedBy(2), trendsLag, clock);
    }

    /** The centre an agenda or a meeting is for: the one named (a centre the caller reaches), or the caller's. */
    public Unit centre(Actor actor, Long centreId) {
        if (centreId == null) {
            if (!actor.unit().isCentre()) {
                throw new ProblemException.InvalidInput("centre", "reviews.centreRequired");
            }
            return actor.unit();
        }
        Unit u = units.find(centreId).filter(Unit::isCentre)
                .filter(c -> actor.jurisdiction().coversRegion(c.regionCode().value()))
                .orElseThrow(() -> new ProblemException.InvalidInput("centre", "reviews.badCentre"));
        return u;
    }

    /** Told how long each section of an agenda took to generate (benchmarks). */
    @FunctionalInterface
    public interface SectionTimer {
        SectionTimer NONE = (section, nanos) -> {
        };

        void took(String section, long nanos);
    }

    /** The agenda of a centre's meeting on {@code date}, by default its next meeting. */
    public Agenda agenda(Actor actor, Long centreId, LocalDate date) {
        return agenda(actor, centreId, date, SectionTimer.NONE);
    }

    /** {@link #agenda(Actor, Long, LocalDate)}, telling {@code timer} how long each section took. */
    public Agenda agenda(Actor actor, Long centreId, LocalDate date, SectionTimer timer) {
        Unit centre = centre(actor, centreId);
        Cadence cadence = cadences.of(centre);
        Instant now = clock.instant();
        LocalDate meeting = date == null ? cadence.nextOnOrAfter(ChinaTime.dateOf(now)) : date;
        if (meeting.isBefore(LocalDate.of(2000, 1, 1)) || meeting.isAfter(ChinaTime.dateOf(now).plusYears(1))) {
            throw new ProblemException.InvalidInput("date", "reviews.badDate");
        }
        // the agenda stays live until the meeting day ends: what is registered up to then belongs to it
        Instant to = ChinaTime.endOf(meeting);
        Instant fallback = ChinaTime.startOf(cadence.previous(meeting));
        // since the last meeting, but never more than two periods back (a centre that skipped meetings for months
        // reviews the recent ones; the overdue, risk and follow-up sections still reach further)
        Instant earliest = ChinaTime.startOf(cadence.previous(cadence.previous(meeting)));
        Map<String, Object> last = jdbc.sql("""
                        select id, held_at from review_meeting where unit_id = ? and held_at < ?
                        order by held_at desc limit 1""").params(centre.id(), Timestamp.from(to))
                .query().listOfRows().stream().findFirst().orElse(null);
        Instant from = last == null ? fallback : ((Timestamp) last.get("held_at")).toInstant();
        if (!from.isBefore(to)) {
            from = fallback;
        }
        if (from.isBefore(earliest)) {
            from = earliest;
        }
        Locale locale = LocaleContextHolder.getLocale();
        Window w = new Window(from, to);
        CaseScope area = cases.scope(actor, inRegion(centre.regionCode().value()));
        // the case sections depend on nothing but the cases: kept until one changes, so the monthly report, which
        // shows the agenda of the meeting it is printed for, reads those of the agenda just opened
        List<Agenda.Section> caseSections = sections.get(new SectionsKey(actor.jurisdiction(), centre.id(), w, locale),
                k -> {
                    sectionsComputed.incrementAndGet();
                    return List.of(timed(timer, "newMatters", () -> newMatters(area, w, locale)),
                            timed(timer, "overdue", () -> overdue(area, locale)),
                            timed(timer, "highRisk", () -> highRisk(area, w, locale)),
                            timed(timer, "repeated", () -> repeated(area, w, locale)),
                            timed(timer, "groupMatters", () -> groupMatters(area, w, locale)),
                            timed(timer, "dissatisfied", () -> dissatisfied(area, w, locale)),
                            timed(timer, "escalated", () -> escalated(area, w, centre, locale)));
                });
        AgendaHotTopics.AsOf topics = timed(timer, "hotTopics",
                () -> hotTopics.of(actor, centre.regionCode(), cadence.frequency()));
        Agenda.ScreeningSection screened = timed(timer, "screening",
                () -> screening(actor, area, centre, cadence, meeting));
        Agenda.Trends trends = timed(timer, "trends", () -> this.trends.get(new TrendsKey(actor.jurisdiction(),
                        actor.unit().regionCode().value(), centre.id(), w, ChinaTime.dateOf(now),
                        locale),
                k -> trends(actor, centre, w, k.today())));
        List<Agenda.FollowUp> followUps = timed(timer, "followUps",
                () -> followUps(area, centre.id(), ChinaTime.dateOf(now)));
        return new Agenda(new Agenda.Centre(centre.id(), centre.name(), centre.regionCode().value(),
                regions.pathName(centre.regionCode())), cadence.frequency(), meeting, cadence.time(), from, to,
                last == null ? null : ((Number) last.get("id")).longValue(), caseSections.get(0), caseSections.get(1),
                caseSections.get(2), caseSections.get(3), caseSections.get(4), caseSections.get(5), caseSections.get(6),
                topics.topics(), topics.asOf(), screened, trends, followUps);
    }

    private static <T> T timed(SectionTimer timer, String section, java.util.function.Supplier<T> work) {
        long started = System.nanoTime();
        T result = work.get();
        timer.took(section, System.nanoTime() - started);
        return result;
    }

    /** What the case sections of an agenda depend on besides the cases. */
    private record SectionsKey(Jurisdiction jurisdiction, long centreId, Window window, Locale locale) {
    }

    /** The trends are the measures within the caller's jurisdiction and home region, in the page's language. */
    private record TrendsKey(Jurisdiction jurisdiction, String home, long centreId, Window window, LocalDate today,
                             Locale locale) {
    }

    /** How many times the case sections of an agenda were computed (not taken as kept): for tests. */
    long sectionsComputed() {
        return sectionsComputed.get();
    }

    record Window(Instant from, Instant to) {
        Map<String, Object> params() {
            return Map.of("agFrom", Timestamp.from(from), "agTo", Timestamp.from(to));
        }
    }

    static CaseFilter inRegion(String region) {
        return new CaseFilter(List.of(), null, null, null, null, region, null, null, null, null, null, null, null,
                null, null);
    }

    private static final String REGISTERED_IN = "c.registered_at >= :agFrom and c.registered_at < :agTo";
    private static final String NOT_MERGED = CaseStatus.sqlIn("c.status", s -> s != CaseStatus.MERGED);
    private static final String OPEN = CaseStatus.sqlIn("c.status", CaseStatus::isOpen);

    private Agenda.Section newMatters(CaseScope area, Window w, Locale l) {
        return section("newMatters", area.and(REGISTERED_IN + " and " + NOT_MERGED, w.params()),
                "c.registered_at desc", "newMatters", l);
    }

    private Agenda.Section overdue(CaseScope area, Locale l) {
        return section("overdue", area.and("c.overdue_since is not null and " + OPEN), "c.overdue_since desc", "overdue", l); // newly overdue first
    }

    private Agenda.Section highRisk(CaseScope area, Window w, Locale l) {
        String rose = "c.id in (select e.case_id from case_event_report e where e.type = 'RiskReassessed'"
                + " and e.occurred_at >= :agFrom and e.occurred_at < :agTo and array_position(" + RISK_ORDER
                + ", e.data->>'toLevel') > array_position(" + RISK_ORDER + ", e.data->>'fromLevel'))";
        return section("highRisk", area.and(OPEN + " and (c.risk_level in ('HIGH', 'SEVERE') or " + rose + ")",
                w.params()), "array_position(" + RISK_ORDER + ", c.risk_level) desc, c.registered_at desc",
                "highRisk", l);
    }

    private Agenda.Section repeated(CaseScope area, Window w, Locale l) {
        // the risk rules' reason for earlier disputes of the same parties, as stored (in Chinese) with the case
        String sameParties = messages.getMessage("risk.reason.repeatedParties", new Object[] {"%"},
                Locale.SIMPLIFIED_CHINESE);
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("agRepeated", "%" + sameParties + "%");
        params.put("agSince", Timestamp.from(w.from().minus(REPEAT_LOOKBACK_DAYS, ChronoUnit.DAYS)));
        return section("repeated", area.and(REGISTERED_IN + " and " + NOT_MERGED + " and (c.risk_reasons::text like"
                + " :agRepeated or c.address is not null and exists (select 1 from case_report o where"
                + " o.region_code = c.region_code and o.address = c.address and o.id <> c.id"
                + " and o.registered_at >= :agSince and o.registered_at < :agTo))", params),
                "c.registered_at desc", "repeated", l);
    }

    private Agenda.Section groupMatters(CaseScope area, Window w, Locale l) {
        return section("groupMatters", area.and("c.people_involved >= " + GROUP_SIZE + " and " + NOT_MERGED
                + " and (" + OPEN + " or " + REGISTERED_IN + ")", w.params()), "c.people_involved desc",
                "groupMatters", l);
    }

    private Agenda.Section dissatisfied(CaseScope area, Window w, Locale l) {
        return section("dissatisfied", area.and("c.rating = 'DISSATISFIED' and c.evaluated_at >= :agFrom"
                + " and c.evaluated_at < :agTo or " + CaseStatus.sqlIn("c.status", s -> s == CaseStatus.UNDER_REVIEW),
                w.params()), "c.evaluated_at desc nulls last", "dissatisfied", l);
    }

    private Agenda.Section escalated(CaseScope area, Window w, Unit centre, Locale l) {
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("agCentre", String.valueOf(centre.id()));
        return section("escalated", area.and("c.id in (select e.case_id from case_event_report e where"
                + " e.type = 'CaseEscalated' and e.occurred_at >= :agFrom and e.occurred_at < :agTo"
                + " and e.data->>'toOwnerUnit' = :agCentre)", params), "c.registered_at desc", "escalated", l);
    }

    private Agenda.Section section(String name, CaseScope scope, String order, String why, Locale l) {
        List<Long> total = new ArrayList<>();
        List<Agenda.Item> items = scope.bind(jdbc.sql("""
                        select c.id, c.tracking_code, c.title, c.status, c.risk_level, c.region_code, c.registered_at,
                               c.people_involved, c.overdue_since, count(*) over () as total
                        from case_report c where\s""" + scope.sql() + " order by " + order + ", c.id limit "
                        + ITEMS_PER_SECTION))
                .query((rs, n) -> {
                    if (total.isEmpty()) {
                        total.add(rs.getLong("total"));
                    }
                    Timestamp overdue = rs.getTimestamp("overdue_since");
                    Instant registered = rs.getTimestamp("registered_at").toInstant();
                    String region = rs.getString("region_code");
                    return new Agenda.Item(rs.getLong("id"), rs.getString("tracking_code"), rs.getString("title"),
                            rs.getString("status"), rs.getString("risk_level"),
                            regions.find(region).map(r -> r.name()).orElse(region), registered,
                            rs.getInt("people_involved"), messages.getMessage("reviews.why." + why, new Object[] {
                                    ChinaTime.dateOf(registered).toString(), rs.getInt("people_involved"),
                                    overdue == null ? "" : ChinaTime.dateOf(overdue.toInstant()).toString(),
                                    messages.getMessage("risk." + rs.getString("risk_level"), null,
                                            rs.getString("risk_level"), l)}, l));
                }).list();
        return new Agenda.Section(name, total.isEmpty() ? 0 : total.getFirst(), items);
    }

    private Agenda.ScreeningSection screening(Actor actor, CaseScope area, Unit centre, Cadence cadence,
                                              LocalDate meeting) {
        LocalDate period = screening.periodOf(cadence.frequency() == Frequency.DAILY ? meeting : meeting.minusDays(1));
        Screening.Status status = screening.status(actor, centre.regionCode().value(), period);
        List<Screening.Report> reports = screening.reports(actor, centre.regionCode().value(), period, period);
        List<Long> ids = reports.stream().flatMap(r -> r.items().stream()).map(Screening.Item::caseId)
                .filter(java.util.Objects::nonNull).toList();
        Map<Long, String> codes = trackingCodes(area, ids);
        List<Agenda.ScreenedItem> items = reports.stream().flatMap(r -> r.items().stream().map(i ->
                new Agenda.ScreenedItem(i.id(), r.regionName(), i.title(), i.peopleInvolved(), i.caseId(),
                        i.caseId() == null ? null : codes.get(i.caseId())))).toList();
        return new Agenda.ScreeningSection(status.periodStart(), status.periodEnd(), status.villages(), status.missing(),
                items);
    }

    private Agenda.Trends trends(Actor actor, Unit centre, Window w, LocalDate today) {
        LocalDate first = ChinaTime.dateOf(w.from());
        LocalDate meetingDay = ChinaTime.dateOf(w.to().minusNanos(1));
        LocalDate last = meetingDay.isAfter(today) ? today : meetingDay;
        if (first.isAfter(last)) {
            first = last;
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        Agenda.Period current = new Agenda.Period(first, last);
        Agenda.Period previous = new Agenda.Period(first.minusDays(days), first.minusDays(1));
        Agenda.Period lastYear = new Agenda.Period(first.minusYears(1), last.minusYears(1));
        String region = centre.regionCode().value();
        Summary now = summary(actor, region, current);
        Summary before = summary(actor, region, previous);
        Summary yearAgo = summary(actor, region, lastYear);
        return new Agenda.Trends(current, previous, lastYear, TREND_MEASURES.stream().map(m -> new Agenda.TrendRow(m,
                now.measure(m).label(), now.measure(m), before.measure(m), yearAgo.measure(m))).toList());
    }

    private Summary summary(Actor actor, String region, Agenda.Period p) {
        return measures.summary(actor, new AnalyticsFilter(p.from(), p.to(), region, null, null, null));
    }

    private List<Agenda.FollowUp> followUps(CaseScope area, long centreId, LocalDate today) {
        List<Agenda.FollowUp> open = jdbc.sql("""
                        select f.id, f.meeting_id, m.held_at, f.task, f.owner, f.due_on, f.case_id
                        from review_follow_up f join review_meeting m on m.id = f.meeting_id
                        where f.unit_id = ? and f.done_at is null order by f.due_on, f.id""").param(centreId)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    return new Agenda.FollowUp(rs.getLong("id"), rs.getLong("meeting_id"),
                            ChinaTime.dateOf(rs.getTimestamp("held_at").toInstant()), rs.getString("task"),
                            rs.getString("owner"), due, due.isBefore(today), (Long) rs.getObject("case_id"), null);
                }).list();
        Map<Long, String> codes = trackingCodes(area, open.stream().map(Agenda.FollowUp::caseId)
                .filter(java.util.Objects::nonNull).toList());
        return open.stream().map(f -> f.caseId() == null ? f : new Agenda.FollowUp(f.id(), f.meetingId(),
                f.meetingDate(), f.task(), f.owner(), f.dueOn(), f.overdue(), f.caseId(), codes.get(f.caseId())))
                .toList();
    }

    /** The tracking codes of the cases among {@code ids} that the scope reaches. */
    Map<Long, String> trackingCodes(CaseScope area, List<Long> ids) {
        Map<Long, String> codes = new HashMap<>();
        if (ids.isEmpty()) {
            return codes;
        }
        CaseScope s = area.and("c.id = any(:agIds)", Map.of("agIds", ids.toArray(Long[]::new)));
        s.bind(jdbc.sql("select c.id, c.tracking_code from case_report c where " + s.sql()))
                .query(rs -> {
                    codes.put(rs.getLong("id"), rs.getString("tracking_code"));
                });
        return codes;
    }
}
