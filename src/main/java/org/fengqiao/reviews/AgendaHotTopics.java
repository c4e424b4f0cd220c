package org.fengqiao.reviews;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.fengqiao.access.Actor;
import org.fengqiao.access.Jurisdiction;
import org.fengqiao.analytics.topics.HotTopicBoard;
import org.fengqiao.analytics.topics.HotTopicList;
import org.fengqiao.cases.CaseLists;
import org.fengqiao.intelligence.topics.AgendaPeriod;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.UntilChanged;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.reviews.ReviewCadences.Frequency;

/**
 * The hot-topic section of an agenda: the best topics of the hot-topic board for the meeting's period, within the
 * centre's area. Clustering a county's month of cases takes seconds, and every change to a case would start it
 * again, so the board's list is kept per jurisdiction, period and day and may lag behind the cases by up to
 * {@code fengqiao.reviews.hot-topics-max-lag} (default 10 minutes; a newer one is computed in the background,
 * {@link UntilChanged#atMostBehind}); the agenda says as of when.
 *
 * <p>Every list computed is also stored in {@code review_hot_topic_list}, where every instance of the platform finds
 * it: an instance that has none in memory takes the stored one (renewing it in the background when it is older
 * than half the lag and cases changed since), so the lists the morning warm-up ({@link ReviewWarmUp}) computed on
 * one instance spare the first viewer on any instance the clustering.
 */
@Service
class AgendaHotTopics {

    /** Topics on an agenda. */
    static final int SHOWN = 5;

    private static final Logger log = LoggerFactory.getLogger(AgendaHotTopics.class);

    /** Lists stored are dropped after this many days. */
    static final int KEPT_DAYS = 7;

    /** Reads and writes the stored lists (records with java.time values; the label of a topic is derived). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The section and when it was computed. */
    record AsOf(List<Agenda.HotTopic> topics, Instant asOf) {
    }

    /** The board's list and when it was computed. */
    record Board(HotTopicList list, Instant asOf) {
    }

    private record Key(Jurisdiction jurisdiction, AgendaPeriod period, LocalDate day) {
    }

    private final HotTopicBoard board;
    private final CaseLists cases;
    private final JdbcClient jdbc;
    private final Clock clock;
    /** Stores a list in a transaction of its own, on the primary, also while an agenda reads in a read-only one. */
    private final TransactionTemplate writing;
    private final UntilChanged<Key, Board> cache;

    AgendaHotTopics(HotTopicBoard board, CaseLists cases, JdbcClient jdbc, Clock clock,
                    PlatformTransactionManager transactions,
                    @Value("${fengqiao.reviews.hot-topics-max-lag:10m}") Duration maxLag) {
        this.board = board;
        this.cases = cases;
        this.jdbc = jdbc;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactions);
        writing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.cache = UntilChanged.atMostBehind(cases::changeMark, 200, maxLag.multipliedBy(3), maxLag, clock);
    }

    static AgendaPeriod period(Frequency frequency) {
        return switch (frequency) {
            case DAILY -> AgendaPeriod.DAY;
            case WEEKLY -> AgendaPeriod.WEEK;
            case MONTHLY -> AgendaPeriod.MONTH;
        };
    }

    /** The hot-topic list of the period within the actor's jurisdiction, as of at most the allowed lag. */
    Board board(Actor actor, AgendaPeriod period) {
        Key key = new Key(actor.jurisdiction(), period, ChinaTime.dateOf(clock.instant()));
        return cache.get(key, k -> computed(actor, k), this::stored);
    }

    /**
     * Computes the list of the period within the actor's jurisdiction afresh and stores it for every instance (the
     * warm-up before a meeting).
     */
    Board warm(Actor actor, AgendaPeriod period) {
        return computed(actor, new Key(actor.jurisdiction(), period, ChinaTime.dateOf(clock.instant())));
    }

    /** Whether a list of today for the actor's jurisdiction and the period is stored (by any instance). */
    boolean storedToday(Actor actor, AgendaPeriod period) {
        Jurisdiction j = actor.jurisdiction();
        return jdbc.sql("""
                        select exists (select 1 from review_hot_topic_list
                                       where unit_id = ? and region_prefix = ? and period = ? and day = ?)""")
                .params(j.unitId(), prefix(j), period.name(), ChinaTime.dateOf(clock.instant()))
                .query(Boolean.class).single();
    }

    /** Drops the lists stored for days more than {@link #KEPT_DAYS} ago; how many. */
    int forgetOld() {
        return jdbc.sql("delete from review_hot_topic_list where day < ?")
                .param(ChinaTime.dateOf(clock.instant()).minusDays(KEPT_DAYS)).update();
    }

    private Board computed(Actor actor, Key key) {
        long mark = cases.changeMark(); // read before the cases, as the cache does
        Instant at = clock.instant();
        HotTopicList list = board.find(actor, key.period(), HotTopicBoard.MAX_TOP);
        Jurisdiction j = key.jurisdiction();
        String json = JSON.writeValueAsString(list);
        writing.executeWithoutResult(tx -> jdbc.sql("""
                        insert into review_hot_topic_list
                            (region_prefix, unit_id, period, day, change_mark, computed_at, list)
                        values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
                        on conflict (unit_id, region_prefix, period, day) do update
                        set change_mark = excluded.change_mark, computed_at = excluded.computed_at, list = excluded.list
                        where review_hot_topic_list.change_mark <= excluded.change_mark""")
                .params(prefix(j), j.unitId(), key.period().name(), key.day(), mark, Timestamp.from(at),
                        json).update());
        return new Board(list, at);
    }

    /**
     * The list stored for the key, by this instance or another, if any (none when it cannot be read: one stored by
     * an earlier version of the platform whose list had other fields).
     */
    private UntilChanged.Held<Board> stored(Key key) {
        Jurisdiction j = key.jurisdiction();
        return jdbc.sql("""
                        select change_mark, computed_at, list::text as list from review_hot_topic_list
                        where unit_id = ? and region_prefix = ? and period = ? and day = ?""")
                .params(j.unitId(), prefix(j), key.period().name(), key.day())
                .query((rs, n) -> {
                    Instant at = rs.getTimestamp("computed_at").toInstant();
                    try {
                        return new UntilChanged.Held<>(new Board(JSON.readValue(rs.getString("list"),
                                HotTopicList.class), at), rs.getLong("change_mark"), at);
                    } catch (JacksonException e) {
                        log.warn("A stored hot-topic list could not be read; it is computed again", e);
                        return null;
                    }
                }).list().stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static String prefix(Jurisdiction j) {
        return j.regionPrefix() == null ? "" : j.regionPrefix();
    }

    /** The agenda's section: the best topics of the period in the centre's region. */
    AsOf of(Actor actor, DivisionCode region, Frequency frequency) {
        Board b = board(actor, period(frequency));
        List<Agenda.HotTopic> topics = b.list().topics().stream()
                .filter(t -> t.area() == null || t.area().code() == null
                        || DivisionCode.isValid(t.area().code()) && DivisionCode.of(t.area().code()).isWithin(region)
                        || region.isWithin(DivisionCode.of(t.area().code())))
                .limit(SHOWN)
                .map(t -> new Agenda.HotTopic(t.rank(), t.name(), t.size(), t.previous(), t.growth(), t.cases().stream()
                        .map(c -> new Agenda.CaseRef(c.id(), c.trackingCode(), c.title())).toList()))
                .toList();
        return new AsOf(topics, b.asOf());
    }
}
