package org.fengqiao.deadlines;

import java.util.Objects;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A named rule fixing the deadline of one step for the matters it matches. Null criteria match anything;
 * among matching policies the most specific wins.
 *
 * @param limitCount for {@link DeadlineStep#EXTENSION_MAX}: how many extensions may be granted
 * @param basis      the article the policy rests on, or null
 */
public record DeadlinePolicy(long id, String code, DeadlineStep step, String channel, String kind,
                             String categoryPrefix, Boolean urgent, int amount, DurationUnit unit,
                             Integer limitCount, String description, boolean active, LegalBasis basis) {

    /** A policy without a cited legal basis. */
    public DeadlinePolicy(long id, String code, DeadlineStep step, String channel, String kind,
                          String categoryPrefix, Boolean urgent, int amount, DurationUnit unit,
                          Integer limitCount, String description, boolean active) {
        this(id, code, step, channel, kind, categoryPrefix, urgent, amount, unit, limitCount, description, active,
                null);
    }

    public enum DurationUnit { WORKING_DAYS, CALENDAR_DAYS, HOURS }

    public boolean matches(DeadlineSubject subject) {
        return active
                && (channel == null || channel.equals(subject.channel()))
                && (kind == null || kind.equals(subject.kind()))
                && (categoryPrefix == null || subject.categoryCode() != null && subject.categoryCode().startsWith(categoryPrefix))
                && (urgent == null || urgent == subject.urgent());
    }

    /** How many criteria this policy sets; urgency weighs most, then channel, kind and category. */
    public int specificity() {
        return (urgent != null ? 1000 : 0) + (channel != null ? 100 : 0) + (kind != null ? 10 : 0)
                + (categoryPrefix != null ? categoryPrefix.length() : 0);
    }

    /** The amount in words of the reader's language, e.g. 13个工作日 / 13 working days ({@code deadline.amount.*}). */
    public MessageSourceResolvable amountText() {
        return new DefaultMessageSourceResolvable(new String[] {"deadline.amount." + unit}, new Object[] {amount});
    }

    public DeadlinePolicy {
        Objects.requireNonNull(code);
        Objects.requireNonNull(step);
        Objects.requireNonNull(unit);
    }
}
