package org.fengqiao.reviews;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import org.fengqiao.access.Actor;
import org.fengqiao.intelligence.topics.AgendaPeriod;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.InLocale;
import org.fengqiao.reviews.ReviewCadences.Cadence;
import org.fengqiao.reviews.ReviewCadences.Frequency;

/**
 * Warms the agendas of the centres meeting today before their meeting, so that the first person to open one does
 * not wait for the hot topics to be clustered (seconds for a county's month) or the measures to be read cold. Run
 * by the scheduler every {@code fengqiao.reviews.warm-up-interval} ({@link ReviewSchedule}, on one instance of a
 * cluster): from {@code fengqiao.reviews.warm-up-ahead} (default 1 hour) before a centre's meeting time on its
 * meeting day, a centre whose hot-topic list of today is not yet stored gets it computed and stored in the
 * database, where every instance finds it ({@link AgendaHotTopics}); its whole agenda is then generated once,
 * which reads the period's cases into the database's cache (shared by every instance) and fills this instance's
 * caches. Village centres, which meet daily over a day's cases of one village, are left out: their lists are
 * small and quick, and there are hundreds of them.
 */
@Service
public class ReviewWarmUp {

    private static final Logger log = LoggerFactory.getLogger(ReviewWarmUp.class);

    private final Units units;
    private final ReviewCadences cadences;
    private final AgendaHotTopics hotTopics;
    private final Agendas agendas;
    private final Clock clock;
    private final Duration ahead;

    ReviewWarmUp(Units units, ReviewCadences cadences, AgendaHotTopics hotTopics, Agendas agendas, Clock clock,
                 @Value("${fengqiao.reviews.warm-up-ahead:1h}") Duration ahead) {
        this.units = units;
        this.cadences = cadences;
        this.hotTopics = hotTopics;
        this.agendas = agendas;
        this.clock = clock;
        this.ahead = ahead;
    }

    /** Warms the agendas of the centres due now (see above) that are not warm yet; how many it warmed. */
    public int run() {
        Instant now = clock.instant();
        LocalDate today = ChinaTime.dateOf(now);
        hotTopics.forgetOld();
        List<Unit> centres = units.list().stream().filter(u -> u.active() && u.isCentre()).toList();
        Map<Long, Cadence> cadence = cadences.of(centres);
        int warmed = 0;
        for (Unit centre : centres) {
            Cadence c = cadence.get(centre.id());
            if (c.frequency() == Frequency.DAILY || !c.nextOnOrAfter(today).equals(today)
                    || now.isBefore(today.atTime(c.time()).atZone(ChinaTime.ZONE).toInstant().minus(ahead))) {
                continue;
            }
            Actor actor = actorOf(centre);
            AgendaPeriod period = AgendaHotTopics.period(c.frequency());
            if (hotTopics.storedToday(actor, period)) {
                continue;
            }
            // the agendas' texts in the platform's first language, as most viewers read them; the caller's own
            // language is given back afterwards (a scheduler thread has none; a caller on its own thread keeps its)
            try {
                InLocale.run(Locale.SIMPLIFIED_CHINESE, () -> {
                    long started = System.nanoTime();
                    hotTopics.warm(actor, period);
                    agendas.agenda(actor, centre.id(), today);
                    log.info("Agenda of {} for {} warmed in {} ms", centre.code(), today,
                            (System.nanoTime() - started) / 1_000_000);
                });
                warmed++;
            } catch (RuntimeException e) {
                // the next run tries again; a viewer meanwhile computes what is missing
                log.warn("Could not warm the agenda of {}", centre.code(), e);
            }
        }
        return warmed;
    }

    /** The centre itself as the reader: its staff's jurisdiction, no user, no roles (it only reads). */
    static Actor actorOf(Unit centre) {
        return new Actor(0, "review-warm-up", "review-warm-up", centre, Set.of(), null);
    }
}
