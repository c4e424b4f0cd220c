package org.fengqiao.analytics;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.access.Jurisdiction;
import org.fengqiao.analytics.Measure.Definition;
import org.fengqiao.analytics.Measure.Format;
import org.fengqiao.analytics.Summary.*;
import org.fengqiao.cases.CaseFilter;
import org.fengqiao.cases.CaseLists;
import org.fengqiao.cases.CaseScope;
import org.fengqiao.cases.CaseStatus;
import org.fengqiao.cases.Outcome;
import org.fengqiao.cases.Rating;
import org.fengqiao.platform.UntilChanged;
import org.fengqiao.categories.Categories;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;

/**
 * Computes the measures (DOMAIN.md §6) for a filter, always within the caller's jurisdiction. Each measure is
 * defined once here — its SQL beside the message keys of its definition:
 * <ul>
 * <li><b>cohort</b>: the cases the caller may reach, registered in the period (China time), matching the
 * region, channel, category and dispute type; duplicates merged into another case are not counted;</li>
 * <li>受理量 intake = the cohort's size;</li>
 * <li>化解率 resolution rate = closed with a resolved outcome ({@link Outcome#isResolved()}: RESOLVED, ANSWERED)
 * ÷ intake;</li>
 * <li>办结率 closure rate = closed (CLOSED, UNDER_REVIEW, ARCHIVED) ÷ intake;</li>
 * <li>按期办结率 on-time closure rate = closed no later than the handling deadline ÷ closed;</li>
 * <li>签收及时率 timely acceptance rate = acceptances recorded by the acceptance deadline of the assignment or
 * transfer they acknowledge ÷ acceptances (every acceptance counts, from the events);</li>
 * <li>满意率 satisfaction rate = rated 满意 or 基本满意 ÷ rated (the latest rating);</li>
 * <li>退单率 bounce rate = returned at least once ÷ ever assigned to a unit;</li>
 * <li>mean handling time = Σ (closed − registered) in days ÷ closed;</li>
 * <li>currently overdue = open cases past their acceptance or handling deadline now (any registration date);</li>
 * <li>分类建议准确率 suggestion accuracy = cases whose final category lies within the category triage suggested at
 * intake ÷ cases with a suggestion that have been dispatched with a category;</li>
 * <li>单位建议准确率 suggested-unit accuracy = accepted cases handled by the unit the suggestion named ÷ accepted
 * cases whose suggestion named a unit.</li>
 * </ul>
 * The cohort's counts come from a few aggregate statements over the scope {@link CaseLists#scope} gives
 * ({@link LiveCounts}), or for city and province leaders from the daily rollup ({@link RollupReads}); results are
 * kept until any case changes (or a minute passes), so a busy dashboard costs one cheap query per view.
 */
@Service
@Transactional(readOnly = true)
public class Measures {

    /** The period when none is given: the last 30 days, today included. */
    public static final int DEFAULT_PERIOD_DAYS = 30;
    /** The longest period a summary covers (three years). */
    public static final int MAX_PERIOD_DAYS = 1096;
    /** Longer periods are shown by week. */
    public static final int DAILY_UP_TO_DAYS = 60;

    public static final String INTAKE = "intake";
    public static final String RESOLUTION_RATE = "resolutionRate";
    /** The same resolved cases over the cases concluded (closed), not all registered: what 调解成功率 compares with. */
    public static final String CONCLUDED_RESOLUTION_RATE = "concludedResolutionRate";
    public static final String CLOSURE_RATE = "closureRate";
    public static final String ON_TIME_CLOSURE_RATE = "onTimeClosureRate";
    public static final String TIMELY_ACCEPTANCE_RATE = "timelyAcceptanceRate";
    public static final String SATISFACTION_RATE = "satisfactionRate";
    public static final String BOUNCE_RATE = "bounceRate";
    public static final String MEAN_HANDLING_DAYS = "meanHandlingDays";
    public static final String OVERDUE_OPEN = "overdueOpen";
    /** Suggested categories that dispatchers kept (the final category lies within the suggested one). */
    public static final String SUGGESTION_ACCURACY = "suggestionAccuracy";
    /** Suggested units that finally accepted the case. */
    public static final String SUGGESTED_UNIT_ACCURACY = "suggestedUnitAccuracy";
    /** 参评率, and the satisfaction rate apart for the citizens' own ratings and those staff entered. */
    public static final String EVALUATION_RATE = "evaluationRate";
    public static final String CITIZEN_SATISFACTION_RATE = "citizenSatisfactionRate";
    public static final String STAFF_SATISFACTION_RATE = "staffSatisfactionRate";
    /** The on-time closure rate of one unit (the unit that closed the cases). */
    public static final String UNIT_ON_TIME_CLOSURE_RATE = "unitOnTimeClosureRate";

    static final List<CaseStatus> CLOSED = java.util.Arrays.stream(CaseStatus.values())
            .filter(CaseStatus::hasOutcome).toList();
    static final List<Outcome> RESOLVED = Arrays.stream(Outcome.values()).filter(Outcome::isResolved).toList();
    static final List<Rating> SATISFIED = List.of(Rating.SATISFIED, Rating.BASICALLY_SATISFIED);

    static final String IS_CLOSED = "c.status in " + sqlList(CLOSED);
    static final String IS_RESOLVED = "c.outcome in " + sqlList(RESOLVED);
    static final String IS_SATISFIED = "c.rating in " + sqlList(SATISFIED);
    static final String NOT_MERGED = "c.status <> '" + CaseStatus.MERGED.name() + "'";
    private static final int TOP_UNITS = 10;

    private final CaseLists cases;
    private final JdbcClient jdbc;
    private final LiveCounts live;
    private final RollupReads rollups;
    private final Regions regions;
    private final Categories categories;
    private final Breakdowns breakdowns;
    private final Selections selections;
    private final Units units;
    private final MessageSource messages;
    private final Clock clock;
    // at most a minute; after a change to a case, the figures held are shown for up to fengqiao.analytics.max-lag
    // more while the new ones are computed
    private final UntilChanged<CacheKey, Summary> cache;
    private final org.springframework.transaction.support.TransactionTemplate readOnly;
    private final Duration maxLag;

    Measures(CaseLists cases, JdbcClient jdbc, LiveCounts live, RollupReads rollups, Regions regions, Categories categories, Breakdowns breakdowns,
             Selections selections, Units units, MessageSource messages, Clock clock,
             org.springframework.transaction.PlatformTransactionManager transactions,
             @org.springframework.beans.factory.annotation.Value("${fengqiao.analytics.max-lag:30s}") Duration maxLag) {
        this.cases = cases;
        this.live = live;
        this.rollups = rollups;
        this.breakdowns = breakdowns;
        this.selections = selections;
        this.cache = UntilChanged.atMostBehind(cases::changeMark, 500, Duration.ofMinutes(1), maxLag, clock);
        this.maxLag = maxLag;
        this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.jdbc = jdbc;
        this.regions = regions;
        this.categories = categories;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    /** How long after a change to a case the figures of {@link #summary} may still be those from before it. */
    public Duration maxLag() {
        return maxLag;
    }

    /** The on-time closure rate of one handling unit. */
    public record UnitMeasure(long unitId, String unitName, RegionLevel level, Measure measure) {
    }

    /**
     * The measures and breakdowns of the filter within the actor's jurisdiction, in the current locale.
     *
     * @throws ProblemException.InvalidInput for a period that ends before it starts or is longer than
     *                                       {@value #MAX_PERIOD_DAYS} days, or an unknown region, category or
     *                                       dispute type
     */
    // not in the class's transaction: the figures are computed in a repeatable-read one of their own, in the
    // foreground or in the background alike
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public Summary summary(Actor actor, AnalyticsFilter filter) {
        Locale locale = LocaleContextHolder.getLocale();
        Selection selection = selections.of(filter, locale);
        CacheKey key = new CacheKey(actor.jurisdiction(), actor.unit().regionCode(), selection, locale.getLanguage());
        // one snapshot for all figures (repeatable read), also when computed in the background
        return cache.get(key, k -> readOnly.execute(status -> compute(actor, selection, locale, rollups.fromLevel())));
    }

    /**
     * The summary computed now, uncached: from the rollup where it answers callers at or above {@code rollupFrom},
     * live otherwise ({@code rollupFrom} null: always live).
     */
    Summary computeNow(Actor actor, AnalyticsFilter filter, RegionLevel rollupFrom) {
        Selection selection = selections.of(filter, LocaleContextHolder.getLocale());
        return readOnly.execute(status -> compute(actor, selection, LocaleContextHolder.getLocale(), rollupFrom));
    }

    /**
     * The on-time closure rate of each unit that closed cases of the cohort (the handling unit, or the centre
     * for cases it closed before handing them out), in no particular order.
     */
    public List<UnitMeasure> onTimeClosureByUnit(Actor actor, AnalyticsFilter filter) {
        Locale locale = LocaleContextHolder.getLocale();
        Selection selection = selections.of(filter, locale);
        CaseScope closed = cases.scope(actor, cohortFilter(selection)).and(NOT_MERGED + " and " + IS_CLOSED);
        Definition definition = definition(UNIT_ON_TIME_CLOSURE_RATE, false, selection);
        return closed.bind(jdbc.sql("""
                        select coalesce(c.handling_unit, c.owner_unit) as unit, count(*) as closed,
                               count(*) filter (where c.closed_on_time) as on_time
                        from case_report c where\s""" + closed.sql() + " group by 1"))
                .query((rs, n) -> {
                    long unit = rs.getLong("unit");
                    Unit u = units.find(unit).orElse(null);
                    return new UnitMeasure(unit, u == null ? "#" + unit : u.name(), u == null ? null : u.level(),
                            rate(UNIT_ON_TIME_CLOSURE_RATE, rs.getLong("on_time"), rs.getLong("closed"), definition));
                }).list();
    }

    // ---- the filter -----------------------------------------------------------------------------------------

    static CaseFilter cohortFilter(Selection s) {
        return new CaseFilter(List.of(), null, s.channel(), s.category(), s.disputeType(), s.region(), null, null,
                s.from(), s.to(), null, null, null, null, null);
    }

    private static CaseFilter currentFilter(Selection s) {
        return new CaseFilter(List.of(), null, s.channel(), s.category(), s.disputeType(), s.region(), null, true,
                null, null, null, null, null, null, null);
    }

    // ---- computing ------------------------------------------------------------------------------------------

    private Summary compute(Actor actor, Selection selection, Locale locale, RegionLevel rollupFrom) {
        java.time.Instant asOf = clock.instant();
        DivisionCode root = selection.region() != null ? DivisionCode.of(selection.region()) : actor.unit().regionCode();
        RegionLevel child = root.level() == RegionLevel.GRID ? null : RegionLevel.values()[root.level().ordinal() + 1];
        // a city's or province's figures from the daily rollup; anyone else's, or a finer filter, counted live
        java.util.Optional<RollupReads.Read> read = rollupFrom == null ? java.util.Optional.empty()
                : rollups.read(actor, selection, root, child, rollupFrom);
        CohortTotals counts = read.map(RollupReads.Read::totals).orElseGet(() -> live.count(actor, selection, root, child));
        Summary.Freshness freshness = read.map(r -> new Summary.Freshness(Summary.Freshness.Source.ROLLUP,
                rollups.interval().toSeconds())).orElse(new Summary.Freshness(Summary.Freshness.Source.LIVE, maxLag.toSeconds()));
        asOf = read.map(RollupReads.Read::asOf).orElse(asOf);
        long[] acceptance = counts.acceptance();
        long[] suggestions = counts.suggestions();
        long[] sources = counts.sources();
        CaseScope overdue = cases.scope(actor, currentFilter(selection));
        List<UnitCount> overdueUnits = overdue.bind(jdbc.sql("""
                        select c.handling_unit as unit, count(*) as n from case_report c where\s""" + overdue.sql() + """
                         and c.handling_unit is not null group by c.handling_unit
                        """))
                .query((rs, n) -> {
                    long id = rs.getLong("unit");
                    Unit u = units.find(id).orElse(null);
                    return new UnitCount(id, u == null ? "#" + id : u.name(), u == null ? null : u.level(), rs.getLong("n"));
                }).list();
        long overdueTotal = overdueUnits.stream().mapToLong(UnitCount::count).sum();

        CohortCounts t = counts.total();
        List<Measure> measures = List.of(
                count(INTAKE, t.registered(), definition(INTAKE, false, selection)),
                rate(RESOLUTION_RATE, t.resolved(), t.registered(), definition(RESOLUTION_RATE, false, selection)),
                rate(CONCLUDED_RESOLUTION_RATE, t.resolved(), t.closed(),
                        definition(CONCLUDED_RESOLUTION_RATE, false, selection)),
                rate(CLOSURE_RATE, t.closed(), t.registered(), definition(CLOSURE_RATE, false, selection)),
                rate(ON_TIME_CLOSURE_RATE, t.onTime(), t.closed(), definition(ON_TIME_CLOSURE_RATE, false, selection)),
                rate(TIMELY_ACCEPTANCE_RATE, acceptance[1], acceptance[0],
                        definition(TIMELY_ACCEPTANCE_RATE, false, selection)),
                rate(SATISFACTION_RATE, t.satisfied(), t.evaluated(), definition(SATISFACTION_RATE, false, selection)),
                rate(EVALUATION_RATE, t.evaluated(), t.closed(), definition(EVALUATION_RATE, false, selection)),
                rate(CITIZEN_SATISFACTION_RATE, sources[1], sources[0],
                        definition(CITIZEN_SATISFACTION_RATE, false, selection)),
                rate(STAFF_SATISFACTION_RATE, sources[3], sources[2],
                        definition(STAFF_SATISFACTION_RATE, false, selection)),
                rate(BOUNCE_RATE, t.returned(), t.assigned(), definition(BOUNCE_RATE, false, selection)),
                days(MEAN_HANDLING_DAYS, t.handlingSeconds() / 86_400.0, t.closed(),
                        definition(MEAN_HANDLING_DAYS, false, selection)),
                count(OVERDUE_OPEN, overdueTotal, definition(OVERDUE_OPEN, true, selection)),
                rate(SUGGESTION_ACCURACY, suggestions[1], suggestions[0],
                        definition(SUGGESTION_ACCURACY, false, selection)),
                rate(SUGGESTED_UNIT_ACCURACY, suggestions[3], suggestions[2],
                        definition(SUGGESTED_UNIT_ACCURACY, false, selection)));

        return new Summary(asOf, freshness, selection, measures, breakdowns.trend(selection, counts.trend()),
                breakdowns.categories(counts.byCategory()), breakdowns.disputeTypes(counts.byDispute(), locale),
                breakdowns.regions(actor, root, child, counts.byArea()),
                overdueUnits.stream().sorted(Comparator.comparingLong(UnitCount::count).reversed()
                        .thenComparing(UnitCount::unitName)).limit(TOP_UNITS).toList());
    }

    // ---- measures and their definitions ---------------------------------------------------------------------

    private Measure count(String name, long n, Definition definition) {
        return new Measure(name, text("analytics.measure." + name), (double) n, n, null, Format.COUNT,
                Long.toString(n), definition);
    }

    private Measure rate(String name, long numerator, long denominator, Definition definition) {
        Double value = denominator == 0 ? null : (double) numerator / denominator;
        return new Measure(name, text("analytics.measure." + name), value, numerator, denominator, Format.PERCENT,
                value == null ? "—" : String.format(Locale.ROOT, "%.1f%%", value * 100), definition);
    }

    private Measure days(String name, double totalDays, long denominator, Definition definition) {
        Double value = denominator == 0 ? null : totalDays / denominator;
        double total = Math.round(totalDays * 100) / 100.0;
        return new Measure(name, text("analytics.measure." + name), value, total, denominator, Format.DAYS,
                value == null ? "—" : text("analytics.format.days", String.format(Locale.ROOT, "%.1f", value)),
                definition);
    }

    private Definition definition(String name, boolean current, Selection s) {
        return new Definition(
                text(current ? "analytics.cohort.current" : "analytics.cohort.registered"),
                current ? text("analytics.period.current")
                        : text("analytics.period.registered", s.from().toString(), s.to().toString()),
                text("analytics.measure." + name + ".numerator"),
                text("analytics.measure." + name + ".denominator"));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static String sqlList(List<? extends Enum<?>> values) {
        return values.stream().map(v -> "'" + v.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    // ---- cache ----------------------------------------------------------------------------------------------

    private record CacheKey(Jurisdiction jurisdiction, DivisionCode home, Selection selection, String language) {
        CacheKey {
            Objects.requireNonNull(jurisdiction);
        }
    }
}
