package org.fengqiao.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The sentences the lifecycle writes into a case's record (routing reasons, risk reasons with their rule's code
 * before them, the sweep's notices),
 * shown in the reader's language. They are stored in the language of the record, Chinese, as they always were;
 * a stored sentence is read back into its message key and arguments by matching it against the Chinese pattern
 * of each key below, and written again from the reader's bundle. A sentence no pattern matches (typed by a
 * person, or written before a key existed) is shown as stored. Outside a web request there is no reader, and
 * the sentence stays as stored.
 */
@Component
class StoredSentences {

    /** The keys whose sentences are stored whole: routing explanations and reasons, risk reasons, notices. */
    private static final List<String> SENTENCES = List.of(
            "routing.explain.rule", "routing.explain.noUnit", "routing.explain.tooCoarse", "routing.explain.noRule",
            "routing.explain.noUnitFound", "routing.reason.atRegistration", "routing.reason.byDispatcher",
            "risk.reason.groupLarge", "risk.reason.group", "risk.reason.amount", "risk.reason.wagesBeforeFestival",
            "risk.reason.threat", "risk.reason.selfHarm", "risk.reason.familyWithSignals",
            "risk.reason.repeatedParties", "risk.reason.hotSpot", "risk.reason.overdue", "risk.reason.dissatisfied",
            "risk.reason.collectivePetition", "risk.reason.petition", "sweep.notice.chase", "sweep.notice.report");

    /** Said after a routing reason when triage chose the category (see {@code CaseIntake.appliedNote}). */
    private static final String SUFFIX = "routing.reason.suggestionApplied";

    /** How a re-assessment joins its reasons into one event reason (see {@code Case.reassessRisk}). */
    static final String JOINER = "；";

    /** A risk reason as stored: the rule's code, then its sentence (see {@code CaseRisk}). */
    private static final Pattern RULED = Pattern.compile("([A-Z][A-Z_]*)：(.+)", Pattern.DOTALL);

    /** A rule's code at the start of a stored risk reason, or after the joiner. */
    private static final Pattern RULE_CODE = Pattern.compile("(^|" + JOINER + ")([A-Z][A-Z_]*)：");

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[^}]*}");

    private record Shape(Pattern pattern, List<Integer> arguments) {
    }

    private final MessageSource messages;
    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();
    private final Map<String, Pattern> withSuffix = new ConcurrentHashMap<>();

    StoredSentences(MessageSource messages) {
        this.messages = messages;
    }

    /** The stored sentence in the language of the current reader (the request's locale). */
    String forReader(String stored) {
        LocaleContext reader = LocaleContextHolder.getLocaleContext();
        return reader == null || reader.getLocale() == null ? stored : in(stored, reader.getLocale());
    }

    /**
     * A deadline policy's basis for the current reader: for a Chinese reader (or outside a request) the description
     * the administrator wrote; for any other, written from the reader's bundle — the step and its amount
     * ({@code deadline.basis.*}), with the article it cites.
     */
    String policyForReader(org.fengqiao.deadlines.DeadlinePolicy policy) {
        LocaleContext reader = LocaleContextHolder.getLocaleContext();
        return reader == null || reader.getLocale() == null ? policy.description() : policyIn(policy, reader.getLocale());
    }

    /** A deadline policy's basis in {@code locale} (see {@link #policyForReader}). */
    String policyIn(org.fengqiao.deadlines.DeadlinePolicy policy, Locale locale) {
        if ("zh".equals(locale.getLanguage())) {
            return policy.description();
        }
        String basis = messages.getMessage(new org.springframework.context.support.DefaultMessageSourceResolvable(
                new String[] {"deadline.basis." + policy.step()}, new Object[] {policy.amountText()},
                policy.description()), locale);
        return policy.basis() == null ? basis : messages.getMessage("deadline.basis.cited",
                new Object[] {basis, policy.basis().law(), policy.basis().article()}, locale);
    }

    /** Each stored sentence in the language of the current reader. */
    List<String> forReader(List<String> stored) {
        return stored.stream().map(this::forReader).toList();
    }

    /**
     * The stored sentence in {@code locale}: a known sentence (with the triage note after it, and several joined
     * by {@value #JOINER}) written from the locale's bundle; anything else as stored.
     */
    String in(String stored, Locale locale) {
        if (stored == null || stored.isEmpty()) {
            return stored;
        }
        if ("zh".equals(locale.getLanguage())) {
            return named(stored, locale);
        }
        String whole = one(stored, locale);
        if (whole != null) {
            return whole;
        }
        if (stored.contains(JOINER)) {
            List<String> parts = new ArrayList<>();
            for (String part : stored.split(JOINER)) {
                String one = one(part, locale);
                if (one == null) {
                    return stored;
                }
                parts.add(one);
            }
            return String.join("; ", parts);
        }
        return stored;
    }

    /** One known sentence, or a risk reason (a rule's code and a known sentence), in the locale; else null. */
    private String one(String stored, Locale locale) {
        Matcher ruled = RULED.matcher(stored);
        if (ruled.matches() && !ruled.group(2).contains(JOINER)) {
            String reason = sentence(ruled.group(2), locale);
            return reason == null ? null : ruleName(ruled.group(1), locale) + ": " + reason;
        }
        return sentence(stored, locale);
    }

    /** A risk rule's short name in the locale (its code when the bundle has none). */
    private String ruleName(String code, Locale locale) {
        return messages.getMessage("risk.name." + code, null, code, locale);
    }

    /** The stored Chinese sentence with each risk reason's rule code replaced by the rule's name. */
    private String named(String stored, Locale locale) {
        Matcher m = RULE_CODE.matcher(stored);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + ruleName(m.group(2), locale) + "："));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String sentence(String stored, Locale locale) {
        Shape suffix = shape(SUFFIX);
        for (String key : SENTENCES) {
            Shape main = shape(key);
            Matcher m = withSuffix.computeIfAbsent(key, k -> Pattern.compile(
                    "(" + main.pattern().pattern() + ")(" + suffix.pattern().pattern() + ")?", Pattern.DOTALL))
                    .matcher(stored);
            if (m.matches()) {
                int suffixStart = 2 + main.arguments().size();
                String text = format(key, main, m, 2, locale);
                return m.group(suffixStart) == null ? text : text + format(SUFFIX, suffix, m, suffixStart + 1, locale);
            }
        }
        return null;
    }

    private String format(String key, Shape shape, Matcher m, int firstGroup, Locale locale) {
        int count = shape.arguments().stream().mapToInt(i -> i + 1).max().orElse(0);
        Object[] args = new Object[count];
        for (int g = 0; g < shape.arguments().size(); g++) {
            String value = m.group(firstGroup + g);
            args[shape.arguments().get(g)] = value.matches("\\d{1,9}") ? (Object) Integer.valueOf(value) : value;
        }
        return messages.getMessage(key, args, locale);
    }

    /** The key's Chinese pattern as a regular expression with one group per argument. */
    private Shape shape(String key) {
        return shapes.computeIfAbsent(key, k -> {
            String pattern = messages.getMessage(k, null, Locale.SIMPLIFIED_CHINESE).replace("''", "'");
            StringBuilder regex = new StringBuilder();
            List<Integer> arguments = new ArrayList<>();
            Matcher m = ARGUMENT.matcher(pattern);
            int at = 0;
            while (m.find()) {
                regex.append(Pattern.quote(pattern.substring(at, m.start()))).append("(.+?)");
                arguments.add(Integer.parseInt(m.group(1)));
                at = m.end();
            }
            regex.append(Pattern.quote(pattern.substring(at)));
            return new Shape(Pattern.compile(regex.toString(), Pattern.DOTALL), List.copyOf(arguments));
        });
    }
}
