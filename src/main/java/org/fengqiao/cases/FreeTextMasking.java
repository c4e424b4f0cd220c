package org.fengqiao.cases;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fengqiao.access.Actor;
import org.fengqiao.organisation.Role;
import org.fengqiao.platform.PartyMasking;

/**
 * Personal data typed into free text — a phone or ID number in a title or description — masked like a
 * party's ({@link PartyMasking}) for those who may not reveal parties' data: identity numbers (18 or 15
 * characters), mainland mobile numbers (with or without +86 and separators) and landlines with an area code.
 */
public final class FreeTextMasking {

    private static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[0-9Xx]|\\d{15})(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile(
            "(?<![0-9])(?:\\+?86[- ]?)?(1[3-9]\\d)[- ]?(\\d{4})[- ]?(\\d{4})(?![0-9])");
    private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])(0\\d{2,3})[- ]?(\\d{3,4})(\\d{4})(?![0-9])");

    private FreeTextMasking() {
    }

    /** Whether the actor may see parties' personal data in full (through an audited reveal). */
    public static boolean mayReveal(Actor actor) {
        return !actor.roles().equals(java.util.Set.of(Role.ADMIN));
    }

    /** The text as this actor may see it. */
    public static String forActor(Actor actor, String text) {
        return mayReveal(actor) ? text : mask(text);
    }

    /** The text with identity, mobile and landline numbers masked. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = replace(ID.matcher(text), m -> PartyMasking.idNumber(m.group(1)));
        out = replace(MOBILE.matcher(out), m -> m.group(1) + "****" + m.group(3));
        return replace(LANDLINE.matcher(out), m -> m.group(1) + "-" + "*".repeat(m.group(2).length()) + m.group(3));
    }

    private static String replace(Matcher m, java.util.function.Function<Matcher, String> with) {
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
