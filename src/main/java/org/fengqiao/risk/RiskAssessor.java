package org.fengqiao.risk;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;


/**
 * Scores a case by named rules (DOMAIN.md §7). Each rule looks at the case's facts and, if it fires, says how
 * high it raises the level and why; the case's level is the highest raised. A person acts on the warning.
 */
@Service
public class RiskAssessor {

    /** A named rule; what it looks for is said in the bundle ({@code risk.rule.<code>} in i18n/risk). */
    public record Rule(String code, Function<RiskFacts, Optional<RiskSignal>> check) {

        /** What the rule looks for, in the reader's language. */
        public MessageSourceResolvable description() {
            return new DefaultMessageSourceResolvable("risk.rule." + code);
        }
    }

    /** Spring Festival (春节) dates, for the wage-arrears-before-the-holiday rule. */
    private static final Map<Integer, LocalDate> SPRING_FESTIVAL = Map.of(
            2025, LocalDate.of(2025, 1, 29), 2026, LocalDate.of(2026, 2, 17), 2027, LocalDate.of(2027, 2, 6),
            2028, LocalDate.of(2028, 1, 26));

    /** Words saying that many act together (集体, 一起去 …), for the petition rule. */
    private static final List<String> COLLECTIVE = List.of("集体", "大家一起", "一起去", "一起到", "联名", "工友们",
            "村民们", "业主们", "全体", "大伙", "一帮人", "几十个人");

    private final List<Rule> rules;
    private final MessageSource messages;

    public RiskAssessor(RiskProperties p, MessageSource messages) {
        this.messages = messages;
        this.rules = List.of(
                new Rule("GROUP", f -> f.peopleInvolved() >= p.largeGroupSize()
                                ? signal("GROUP", RiskLevel.HIGH, text("risk.reason.groupLarge", f.peopleInvolved()))
                                : f.peopleInvolved() >= p.groupSize()
                                ? signal("GROUP", RiskLevel.MEDIUM, text("risk.reason.group", f.peopleInvolved(), p.groupSize()))
                                : Optional.empty()),
                new Rule("AMOUNT", f -> f.amountInvolved() == null ? Optional.empty()
                                : f.amountInvolved().compareTo(p.veryLargeAmount()) >= 0
                                ? signal("AMOUNT", RiskLevel.HIGH, text("risk.reason.amount", f.amountInvolved().toPlainString()))
                                : f.amountInvolved().compareTo(p.largeAmount()) >= 0
                                ? signal("AMOUNT", RiskLevel.MEDIUM, text("risk.reason.amount", f.amountInvolved().toPlainString()))
                                : Optional.empty()),
                new Rule("WAGES_BEFORE_FESTIVAL", f -> "LABOUR_WAGES".equals(f.disputeType()) && beforeSpringFestival(f.today(),
                                p.wageArrearsDaysBeforeSpringFestival())
                                ? signal("WAGES_BEFORE_FESTIVAL", RiskLevel.MEDIUM, text("risk.reason.wagesBeforeFestival",
                                p.wageArrearsDaysBeforeSpringFestival()))
                                : Optional.empty()),
                new Rule("THREAT", f -> firstWord(f.text(), p.threatWords())
                                .flatMap(w -> signal("THREAT", RiskLevel.HIGH, text("risk.reason.threat", w)))),
                new Rule("SELF_HARM", f -> firstWord(f.text(), p.selfHarmWords())
                                .flatMap(w -> signal("SELF_HARM", RiskLevel.HIGH, text("risk.reason.selfHarm", w)))),
                // a threat to petition (上访) or gather, worst when many stand behind it: 12 workers "going to the city"
                new Rule("PETITION", f -> firstWord(f.text(), p.petitionWords()).flatMap(w ->
                        f.peopleInvolved() >= p.groupSize() || firstWord(f.text(), COLLECTIVE).isPresent()
                                ? signal("PETITION", RiskLevel.HIGH, text("risk.reason.collectivePetition", w))
                                : signal("PETITION", RiskLevel.MEDIUM, text("risk.reason.petition", w)))),
                new Rule("FAMILY_WITH_SIGNALS", f -> "MARRIAGE_FAMILY".equals(f.disputeType())
                                && firstWord(f.text(), concat(p.threatWords(), p.selfHarmWords())).isPresent()
                                ? signal("FAMILY_WITH_SIGNALS", RiskLevel.SEVERE, text("risk.reason.familyWithSignals"))
                                : Optional.empty()),
                new Rule("REPEATED_PARTIES", f -> f.priorCasesOfSameParties() >= p.manyRepeatedParties()
                                ? signal("REPEATED_PARTIES", RiskLevel.HIGH, text("risk.reason.repeatedParties", f.priorCasesOfSameParties()))
                                : f.priorCasesOfSameParties() >= p.repeatedParties()
                                ? signal("REPEATED_PARTIES", RiskLevel.MEDIUM, text("risk.reason.repeatedParties", f.priorCasesOfSameParties()))
                                : Optional.empty()),
                new Rule("HOT_SPOT", f -> f.sameProblemNearby() >= p.hotSpotCases()
                                ? signal("HOT_SPOT", RiskLevel.MEDIUM, text("risk.reason.hotSpot", f.sameProblemNearby()))
                                : Optional.empty()),
                new Rule("OVERDUE", f -> f.overdue()
                        ? signal("OVERDUE", RiskLevel.MEDIUM, text("risk.reason.overdue")) : Optional.empty()),
                new Rule("DISSATISFIED", f -> f.dissatisfied()
                        ? signal("DISSATISFIED", RiskLevel.MEDIUM, text("risk.reason.dissatisfied")) : Optional.empty()));
    }

    public List<Rule> rules() {
        return rules;
    }

    public RiskAssessment assess(RiskFacts facts) {
        List<RiskSignal> fired = new ArrayList<>();
        for (Rule rule : rules) {
            rule.check().apply(facts).ifPresent(fired::add);
        }
        RiskLevel level = fired.stream().map(RiskSignal::level).max(Comparator.naturalOrder()).orElse(RiskLevel.LOW);
        return new RiskAssessment(level, List.copyOf(fired));
    }

    /**
     * A reason in words, in the language of the case record (Chinese): it is stored with the case. Numbers are
     * written as they are, without grouping.
     */
    private String text(String key, Object... args) {
        Object[] plain = java.util.Arrays.stream(args).map(String::valueOf).toArray();
        return messages.getMessage(key, plain, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    private static Optional<RiskSignal> signal(String rule, RiskLevel level, String reason) {
        return Optional.of(new RiskSignal(rule, level, reason));
    }

    private static Optional<String> firstWord(String text, List<String> words) {
        return words.stream().filter(text::contains).findFirst();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static boolean beforeSpringFestival(LocalDate today, int days) {
        if (today == null) {
            return false;
        }
        for (int year : new int[] {today.getYear(), today.getYear() + 1}) {
            LocalDate festival = SPRING_FESTIVAL.get(year);
            if (festival == null) {
                // outside the table: approximate with late January / mid February
                festival = MonthDay.of(2, 5).atYear(year);
            }
            if (!today.isAfter(festival) && !today.isBefore(festival.minusDays(days))) {
                return true;
            }
        }
        return false;
    }
}
