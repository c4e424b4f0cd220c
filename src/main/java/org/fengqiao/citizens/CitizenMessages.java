package org.fengqiao.citizens;

import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.fengqiao.cases.CaseContacts;
import org.fengqiao.cases.CaseEvent;
import org.fengqiao.cases.CaseEventsRecorded;
import org.fengqiao.cases.CaseReplies;
import org.fengqiao.cases.CitizenCases;
import org.fengqiao.cases.RecordedEvent;
import org.fengqiao.notifications.Notification;
import org.fengqiao.notifications.NotificationKind;
import org.fengqiao.notifications.Notifications;

/**
 * What the public side adds when a case changes, in the case's own transaction: the access key of an online report
 * (stored as its hash) with the tracking link in the citizen's registration SMS; the tracking link in the SMS of an interim
 * reply; the evaluation window and link when a case with a reply is closed; the window's result on a rating; a reopened case's window dropped. The SMS
 * are the same messages the notifications module sends ({@link Notifications#eventKey}), so each goes out once.
 */
@Component
class CitizenMessages {

    private final AccessKeys keys;
    private final EvaluationWindows windows;
    private final CaseReplies replies;
    private final CaseContacts contacts;
    private final Notifications notifications;

    CitizenMessages(AccessKeys keys, EvaluationWindows windows, CaseReplies replies, CaseContacts contacts,
                    Notifications notifications) {
        this.keys = keys;
        this.windows = windows;
        this.replies = replies;
        this.contacts = contacts;
        this.notifications = notifications;
    }

    @EventListener
    void on(CaseEventsRecorded recorded) {
        List<RecordedEvent> events = recorded.events();
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent e = events.get(i);
            switch (e.event()) {
                case CaseEvent.CaseRegistered r -> {
                    String key = AccessKeys.PENDING.get();
                    if (key != null) {
                        keys.store(recorded.caseId(), key);
                        toCitizen(recorded, i, NotificationKind.CITIZEN_REGISTERED, Map.of("trackingUrl",
                                keys.trackingUrl(recorded.trackingCode()), "accessKey", AccessKeys.format(key)));
                    }
                }
                case CaseEvent.CaseClosed c -> {
                    if (replies.latestFinal(recorded.caseId()).isPresent()) {
                        windows.open(recorded.caseId(), e.occurredAt());
                        toCitizen(recorded, i, NotificationKind.CITIZEN_CLOSED,
                                Map.of("evaluateUrl", keys.trackingUrl(recorded.trackingCode())));
                    }
                }
                case CaseEvent.CaseReplied r -> toCitizen(recorded, i, NotificationKind.CITIZEN_REPLIED,
                        Map.of("trackingUrl", keys.trackingUrl(recorded.trackingCode())));
                case CaseEvent.CaseEvaluated v -> windows.decide(recorded.caseId(), v.rating(),
                        CitizenCases.CITIZEN_SOURCE.equals(v.source()), e.occurredAt());
                case CaseEvent.CaseReopened r -> windows.drop(recorded.caseId());
                default -> {
                }
            }
        }
    }

    private void toCitizen(CaseEventsRecorded recorded, int index, NotificationKind kind, Map<String, String> extra) {
        contacts.applicantMobile(recorded.caseId()).ifPresent(mobile -> {
            Map<String, String> params = new java.util.HashMap<>(extra);
            params.put("code", recorded.trackingCode());
            notifications.send(new Notification(Notifications.eventKey(recorded, index, kind), kind,
                    new Notification.Recipient.Citizen(mobile), params, recorded.caseId(), false));
        });
    }
}
