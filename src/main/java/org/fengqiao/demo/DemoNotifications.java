package org.fengqiao.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.fengqiao.access.Actor;
import org.fengqiao.notifications.NotificationKind;
import org.fengqiao.notifications.StaffInbox;
import org.fengqiao.notifications.StaffPreferences;

/**
 * The demo's notification settings: two staff users take some messages by SMS (the numbers are made up, in a
 * block of 139 0000), so the demo cases fill the SMS outbox next to the citizens' messages; and messages
 * older than a month are read, so the bell shows what is recent.
 */
@Component
class DemoNotifications {

    static final Map<String, String> PHONES = Map.of("fengyuan.mediator", "13900000001", "fq.dispatcher", "13900000002");
    static final Duration UNREAD = Duration.ofDays(30);

    private final StaffPreferences preferences;
    private final StaffInbox inbox;

    DemoNotifications(StaffPreferences preferences, StaffInbox inbox) {
        this.preferences = preferences;
        this.inbox = inbox;
    }

    /** Before the cases: who takes which messages by SMS. */
    void choose(Map<String, Actor> actors) {
        preferences.save(actors.get("fengyuan.mediator").userId(), new StaffPreferences.Preferences(
                PHONES.get("fengyuan.mediator"), null, EnumSet.of(NotificationKind.NEW_CASE,
                NotificationKind.DEADLINE_SOON, NotificationKind.SUPERVISION, NotificationKind.DISSATISFIED), Set.of()));
        preferences.save(actors.get("fq.dispatcher").userId(), new StaffPreferences.Preferences(
                PHONES.get("fq.dispatcher"), null, EnumSet.of(NotificationKind.RETURNED, NotificationKind.DISSATISFIED),
                Set.of()));
    }

    /** After the cases: the old messages were read long ago. */
    void readOldMessages(Clock clock) {
        inbox.markAllReadBefore(clock.instant().minus(UNREAD));
    }
}
