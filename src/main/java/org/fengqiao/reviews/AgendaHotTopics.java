package org.fengqiao.reviews;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

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
 */
@Service
class AgendaHotTopics {

    /** Topics on an agenda. */
    static final int SHOWN = 5;

    /** The section and when it was computed. */
    record AsOf(List<Agenda.HotTopic> topics, Instant asOf) {
    }

    /** The board's list and when it was computed. */
    record Board(HotTopicList list, Instant asOf) {
    }

    private record Key(Jurisdiction jurisdiction, AgendaPeriod period, LocalDate day) {
    }

    private final HotTopicBoard board;
    private final Clock clock;
    private final UntilChanged<Key, Board> cache;

    AgendaHotTopics(HotTopicBoard board, CaseLists cases, Clock clock,
                    @Value("${fengqiao.reviews.hot-topics-max-lag:10m}") Duration maxLag) {
        this.board = board;
        this.clock = clock;
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
        return cache.get(key, k -> {
            Instant at = clock.instant();
            return new Board(board.find(actor, period, HotTopicBoard.MAX_TOP), at);
        });
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
