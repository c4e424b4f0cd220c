package org.fengqiao.notifications;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import org.fengqiao.deadlines.Deadlines;
import org.fengqiao.platform.ChinaTime;

/**
 * The words of a message, from {@code i18n/notifications*.properties}: {@code notify.text.KIND} with the
 * kind's parameters in order when all are given, else {@code notify.text.KIND.short} with the tracking code
 * only (a registration message without the tracking link, a supervision notice without a due date).
 */
@Component
public class Texts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;

    Texts(MessageSource messages) {
        this.messages = messages;
    }

    /** The message's text in a language (SMS and e-mail go out in Chinese). */
    public String text(NotificationKind kind, Map<String, String> params, Locale locale) {
        boolean complete = kind.params().stream().allMatch(p -> params.get(p) != null && !params.get(p).isBlank());
        Object[] args = kind.params().stream().map(p -> params.getOrDefault(p, "")).toArray();
        return messages.getMessage("notify.text." + kind.name() + (complete ? "" : ".short"), args, locale);
    }

    /** The e-mail subject. */
    public String subject(NotificationKind kind, Map<String, String> params, Locale locale) {
        return messages.getMessage("notify.subject." + kind.name(), new Object[] {params.getOrDefault("code", "")},
                locale);
    }

    /**
     * A deadline as a person reads it: the last day that counts when it falls at midnight (deadlines of whole
     * days), else the day and time, China time.
     */
    public static String deadline(Instant due) {
        ZonedDateTime at = due.atZone(ChinaTime.ZONE);
        return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? DAY.format(Deadlines.lastDayOf(due)) : MINUTE.format(at);
    }
}
