package org.fengqiao.mediators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseQueries;
import org.fengqiao.cases.CaseViews;
import org.fengqiao.categories.Categories;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.RegionLevel;

/**
 * Suggested mediators for a case: available mediators whose area holds the case's place, ranked by specialty (the
 * case's dispute type), nearness (village, township, county), record (success rate over at least ten closed
 * cases) and current workload (open cases and sessions booked for the next two weeks), each with why.
 */
@Service
public class MediatorSuggestions {

    static final double SPECIALTY = 3;
    static final double SAME_VILLAGE = 2;
    static final double SAME_TOWNSHIP = 1;
    static final double RECORD = 2;
    static final double PER_OPEN_MATTER = 0.2;
    static final Duration AHEAD = Duration.ofDays(14);

    /** A suggested mediator, with the record and workload that ranked them and why. */
    public record Suggested(Mediator mediator, MediatorRecord record, int bookingsAhead, double score,
                            List<String> why) {
    }

    private final Mediators mediators;
    private final MediatorBookings bookings;
    private final CaseQueries cases;
    private final Categories categories;
    private final MessageSource messages;
    private final Clock clock;

    MediatorSuggestions(Mediators mediators, MediatorBookings bookings, CaseQueries cases, Categories categories,
                        MessageSource messages, Clock clock) {
        this.mediators = mediators;
        this.bookings = bookings;
        this.cases = cases;
        this.categories = categories;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The mediators to suggest for a case, best first.
     *
     * @throws org.fengqiao.platform.ProblemException.NotFound when the case is not the actor's to see
     */
    public List<Suggested> forCase(Actor actor, long caseId, int limit) {
        CaseViews.CaseView c = cases.get(actor, caseId);
        DivisionCode place = DivisionCode.of(c.matter().location().regionCode());
        String type = c.classification().disputeType() == null ? null : c.classification().disputeType().code();
        Locale locale = LocaleContextHolder.getLocale();
        Instant now = clock.instant();
        List<Suggested> out = new ArrayList<>();
        for (Mediator m : mediators.list(null, place.value(), true)) {
            List<String> why = new ArrayList<>();
            double score = 0;
            if (type != null && m.specialties().contains(type)) {
                score += SPECIALTY;
                why.add(text("mediators.why.specialty", locale,
                        categories.disputeType(type).map(t -> t.name(locale)).orElse(type)));
            }
            RegionLevel level = DivisionCode.of(m.regionCode()).level();
            if (level == RegionLevel.VILLAGE || level == RegionLevel.GRID) {
                score += SAME_VILLAGE;
                why.add(text("mediators.why.village", locale, m.regionName()));
            } else if (level == RegionLevel.TOWNSHIP) {
                score += SAME_TOWNSHIP;
                why.add(text("mediators.why.township", locale, m.regionName()));
            } else {
                why.add(text("mediators.why.wider", locale, m.regionName()));
            }
            MediatorRecord record = mediators.record(actor, m);
            if (record.successRate() != null) {
                score += RECORD * record.successRate();
                why.add(text("mediators.why.record", locale, Math.round(record.successRate() * 100),
                        record.closed()));
            } else {
                why.add(text("mediators.why.fewCases", locale, record.closed(), MediatorRecord.MIN_SAMPLE));
            }
            int ahead = bookings.countBetween(m.id(), now, now.plus(AHEAD));
            score -= PER_OPEN_MATTER * (record.openCases() + ahead);
            why.add(text("mediators.why.workload", locale, record.openCases(), ahead));
            if (!m.languages().isEmpty()) {
                why.add(text("mediators.why.languages", locale, String.join("、", m.languages())));
            }
            out.add(new Suggested(m, record, ahead, Math.round(score * 100) / 100.0, why));
        }
        return out.stream().sorted(Comparator.comparingDouble((Suggested s) -> -s.score())
                        .thenComparing(s -> s.mediator().name()))
                .limit(Math.max(1, Math.min(20, limit))).toList();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
