package org.fengqiao.analytics.topics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.access.Jurisdiction;
import org.fengqiao.analytics.topics.HotTopicList.Area;
import org.fengqiao.analytics.topics.HotTopicList.Days;
import org.fengqiao.analytics.topics.HotTopicList.SampleCase;
import org.fengqiao.analytics.topics.HotTopicList.Score;
import org.fengqiao.analytics.topics.HotTopicList.Topic;
import org.fengqiao.cases.CaseFilter;
import org.fengqiao.cases.CaseLists;
import org.fengqiao.cases.CaseScope;
import org.fengqiao.cases.CaseStatus;
import org.fengqiao.platform.UntilChanged;
import org.fengqiao.intelligence.topics.AgendaPeriod;
import org.fengqiao.intelligence.topics.HotTopic;
import org.fengqiao.intelligence.topics.HotTopicReport;
import org.fengqiao.intelligence.topics.HotTopics;
import org.fengqiao.intelligence.topics.TopicItem;
import org.fengqiao.intelligence.topics.TopicWindow;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;

/**
 * The hot topics (热点) of a review agenda over the cases a user may reach. An agenda's current period ends with
 * today (China time): the day, the last 7 or the last 30 days; it is compared with the period of equal length
 * before it. Each case registered in those two periods becomes a {@link TopicItem}:
 * <ul>
 * <li>text: title and description (the first {@value #DESCRIPTION_CHARS} characters), with the names of its
 * region and the regions above it taken out — where a matter is, is the area's business, not a key term;</li>
 * <li>area: the case's region at village level (a grid's village), so cases of different villages never form one
 * topic;</li>
 * <li>votes: the people involved beyond the first requester ({@code people_involved − 1}) — a matter brought by
 * thirty people weighs more than one brought by one, as likes do on a message board — plus every "我也遇到"
 * (me too) citizens added to the case on the public problem board ({@code board_metoo_report}, openboard);</li>
 * <li>duplicates merged into another case are left out: the master case stands for them, as in the measures.</li>
 * </ul>
 * At most {@value #MAX_CASES} cases are read, the newest first. Results are kept per jurisdiction, period, day
 * and {@link CaseLists#changeMark()}, so repeated views cost one cheap query until a case changes.
 */
@Service
@Transactional(readOnly = true)
public class HotTopicBoard {

    /** The most cases one list reads (the newest first). */
    public static final int MAX_CASES = 20_000;
    /** The most topics one list shows. */
    public static final int MAX_TOP = 50;
    /** Sample cases per topic. */
    public static final int SAMPLE_CASES = 5;
    static final int DESCRIPTION_CHARS = 2_000;

    private final CaseLists cases;
    private final JdbcClient jdbc;
    private final Regions regions;
    private final Clock clock;
    private final HotTopics hotTopics = new HotTopics();
    private final UntilChanged<Key, HotTopicList> cache;

    private record Key(Jurisdiction jurisdiction, AgendaPeriod period, LocalDate lastDay) {
    }

    HotTopicBoard(CaseLists cases, JdbcClient jdbc, Regions regions, Clock clock) {
        this.cases = cases;
        this.cache = UntilChanged.of(cases::changeMark, 100, Duration.ofMinutes(30));
        this.jdbc = jdbc;
        this.regions = regions;
        this.clock = clock;
    }

    /**
     * The period named {@code day}, {@code week} or {@code month}.
     *
     * @throws ProblemException.InvalidInput naming the field {@code period} for any other name
     */
    public static AgendaPeriod period(String name) {
        try {
            return AgendaPeriod.parse(name);
        } catch (IllegalArgumentException e) {
            throw new ProblemException.InvalidInput("period", "topics.error.period", String.valueOf(name));
        }
    }

    /**
     * The best {@code top} topics of the agenda whose current period ends with today, within the actor's
     * jurisdiction.
     *
     * @throws ProblemException.InvalidInput when {@code top} is not between 1 and {@value #MAX_TOP}
     */
    public HotTopicList find(Actor actor, AgendaPeriod period, int top) {
        if (top < 1 || top > MAX_TOP) {
            throw new ProblemException.InvalidInput("top", "topics.error.top", top, MAX_TOP);
        }
        LocalDate today = ChinaTime.dateOf(clock.instant());
        Key key = new Key(actor.jurisdiction(), period, today);
        return cache.get(key, k -> compute(actor, period, today)).top(top);
    }

    private record Row(long id, String trackingCode, String title, String description, Instant registeredAt,
                       String area, int votes) {
    }

    private HotTopicList compute(Actor actor, AgendaPeriod period, LocalDate today) {
        TopicWindow window = period.endingAt(ChinaTime.endOf(today));
        CaseScope scope = cases.scope(actor, CaseFilter.none())
                .and("c.registered_at >= :topicsFrom and c.registered_at < :topicsEnd and c.status <> :topicsMerged",
                        Map.of("topicsFrom", java.sql.Timestamp.from(window.previousStart()),
                                "topicsEnd", java.sql.Timestamp.from(window.end()),
                                "topicsMerged", CaseStatus.MERGED.name()));
        // the scope is evaluated once and only then sorted (see CaseMap): walking the date index newest first and
        // testing the jurisdiction row by row is far slower for a small jurisdiction
        List<Row> rows = scope.bind(jdbc.sql("""
                        with m as materialized (
                            select c.id, c.tracking_code, c.title, left(c.description, %d) as description,
                                   c.registered_at, c.region_code, c.people_involved
                            from case_report c where %s)
                        select m.*, coalesce((select b.metoo from board_metoo_report b where b.case_id = m.id), 0)
                               as metoo
                        from m order by registered_at desc, id desc limit :topicsLimit
                        """.formatted(DESCRIPTION_CHARS, scope.sql()))).param("topicsLimit", MAX_CASES + 1)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("tracking_code"), rs.getString("title"),
                        rs.getString("description"), rs.getTimestamp("registered_at").toInstant(),
                        villageOf(rs.getString("region_code")),
                        Math.max(0, rs.getInt("people_involved") - 1) + rs.getInt("metoo")))
                .list();
        boolean truncated = rows.size() > MAX_CASES;
        if (truncated) {
            rows = rows.subList(0, MAX_CASES);
        }

        Map<String, Row> byId = new HashMap<>();
        Map<String, List<String>> placeNames = new HashMap<>();
        List<TopicItem> items = new ArrayList<>(rows.size());
        for (Row r : rows) {
            String id = Long.toString(r.id());
            byId.put(id, r);
            List<String> names = placeNames.computeIfAbsent(r.area(), this::placeNames);
            items.add(new TopicItem(id, withoutPlaces(r.title(), names), withoutPlaces(r.description(), names),
                    r.registeredAt(), r.area(), r.votes()));
        }
        HotTopicReport report = hotTopics.find(items, window);

        List<Topic> topics = new ArrayList<>();
        for (HotTopic t : report.top(MAX_TOP)) {
            topics.add(new Topic(t.rank(), t.name(), t.terms(), area(t.area()), t.size(), t.previous(), t.growth(),
                    t.votes(), score(t.score()), t.first(), t.last(), samples(t, byId)));
        }
        Days current = new Days(ChinaTime.dateOf(window.currentStart()), today);
        Days previous = new Days(ChinaTime.dateOf(window.previousStart()), current.from().minusDays(1));
        return new HotTopicList(period, current, previous, report.items(), report.current(), truncated, topics);
    }

    /** The most typical cases first, then the newest of the current period, then of the period before. */
    private static List<SampleCase> samples(HotTopic t, Map<String, Row> byId) {
        Set<String> ids = new LinkedHashSet<>(t.typicalIds());
        ids.addAll(t.ids());
        ids.addAll(t.earlierIds());
        return ids.stream().limit(SAMPLE_CASES).map(byId::get)
                .map(r -> new SampleCase(r.id(), r.trackingCode(), r.title(), r.registeredAt())).toList();
    }

    private static Score score(HotTopic.Score s) {
        return new Score(round(s.total()), round(s.size()), round(s.growth()), round(s.votes()), round(s.recency()));
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    private Area area(String code) {
        return code == null ? null
                : new Area(code, regions.find(code).map(Region::name).orElse(code));
    }

    /** The village a case lies in: its region, or the village of its grid. */
    static String villageOf(String regionCode) {
        DivisionCode code = DivisionCode.of(regionCode);
        return (code.level() == RegionLevel.GRID ? code.truncate(RegionLevel.VILLAGE) : code).value();
    }

    /** The names of a region and the regions above it, longest first (so 枫桥镇 goes before 枫桥). */
    private List<String> placeNames(String code) {
        return regions.lineage(DivisionCode.of(code)).stream().map(Region::name).filter(n -> n.length() >= 2)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private static String withoutPlaces(String text, List<String> names) {
        String t = text == null ? "" : text;
        for (String name : names) {
            t = t.replace(name, " ");
        }
        return t;
    }
}
