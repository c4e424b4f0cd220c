package org.fengqiao.notifications;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.fengqiao.cases.CaseContacts;
import org.fengqiao.cases.CaseEvent.*;
import org.fengqiao.cases.CaseEventsRecorded;
import org.fengqiao.cases.Rating;
import org.fengqiao.cases.RecordedEvent;

/**
 * Turns a case's new events into messages, inside the transaction that stores them (the listener runs
 * synchronously where {@code cases} publishes): a message exists exactly when its case change committed.
 * Staff hear of a new case for their unit, a chase, a supervision notice, a case returned to them and a
 * dissatisfied citizen; the citizen who brought the case, when a mobile number is on it, hears that it was
 * registered, accepted, sent an interim reply, closed and reopened. The handling deadline is handed to {@link DeadlineReminders}.
 */
@Component
class CaseNotifier {

    private final Notifications notifications;
    private final Recipients recipients;
    private final CaseContacts contacts;
    private final DeadlineReminders reminders;

    CaseNotifier(Notifications notifications, Recipients recipients, CaseContacts contacts,
                 DeadlineReminders reminders) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.contacts = contacts;
        this.reminders = reminders;
    }

    /** The key of the message about one of the recorded events (to a staff user, or the citizen when null). */
    static String key(CaseEventsRecorded e, int index, NotificationKind kind, Long userId) {
        return Notifications.eventKey(e, index, kind) + (userId == null ? "" : ":user:" + userId);
    }

    @EventListener
    void on(CaseEventsRecorded recorded) {
        List<RecordedEvent> events = recorded.events();
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent e = events.get(i);
            Long handler = recorded.handlingUnit();
            long responsible = handler != null ? handler : recorded.ownerUnit();
            switch (e.event()) {
                case CaseRegistered r -> toCitizen(recorded, i, NotificationKind.CITIZEN_REGISTERED);
                case CaseAssigned a -> {
                    toUnit(recorded, i, e, NotificationKind.NEW_CASE, a.unitId(), Recipients.HANDLING,
                            due(a.acceptDueAt() != null ? a.acceptDueAt() : a.handleDueAt()));
                    reminders.watch(recorded, a.unitId(), a.handleDueAt(), e.occurredAt());
                }
                case CaseTransferred t -> {
                    toUnit(recorded, i, e, NotificationKind.NEW_CASE, t.toUnit(), Recipients.HANDLING,
                            due(t.acceptDueAt() != null ? t.acceptDueAt() : t.handleDueAt()));
                    reminders.watch(recorded, t.toUnit(), t.handleDueAt(), e.occurredAt());
                }
                case CaseReopened r -> {
                    toUnit(recorded, i, e, NotificationKind.NEW_CASE, r.unitId(), Recipients.HANDLING,
                            due(r.handleDueAt()));
                    reminders.watch(recorded, r.unitId(), r.handleDueAt(), e.occurredAt());
                    toCitizen(recorded, i, NotificationKind.CITIZEN_REOPENED);
                }
                case ExtensionApproved x -> reminders.moved(recorded.caseId(), x.newDueAt(), e.occurredAt());
                case CaseAccepted a -> toCitizen(recorded, i, NotificationKind.CITIZEN_ACCEPTED);
                case CaseReplied r -> toCitizen(recorded, i, NotificationKind.CITIZEN_REPLIED);
                case CaseReturned r -> {
                    toUnit(recorded, i, e, NotificationKind.RETURNED, recorded.ownerUnit(), Recipients.DISPATCHING,
                            Map.of());
                    reminders.forget(recorded.caseId());
                }
                case CaseChased c -> toUnit(recorded, i, e, NotificationKind.OVERDUE_CHASE, responsible,
                        Recipients.HANDLING, Map.of());
                case SupervisionIssued s -> toUnit(recorded, i, e, NotificationKind.SUPERVISION, responsible,
                        Recipients.HANDLING, due(s.dueAt()));
                case CaseEvaluated v when v.rating() == Rating.DISSATISFIED -> {
                    toUnit(recorded, i, e, NotificationKind.DISSATISFIED, responsible, Recipients.HANDLING, Map.of());
                    if (responsible != recorded.ownerUnit()) {
                        toUnit(recorded, i, e, NotificationKind.DISSATISFIED, recorded.ownerUnit(),
                                Recipients.DISPATCHING, Map.of());
                    }
                }
                case CaseClosed c -> {
                    toCitizen(recorded, i, NotificationKind.CITIZEN_CLOSED);
                    reminders.forget(recorded.caseId());
                }
                case CaseEscalated x -> reminders.forget(recorded.caseId());
                case CaseMerged m -> reminders.forget(recorded.caseId());
                default -> {
                }
            }
        }
    }

    private static Map<String, String> due(Instant due) {
        return due == null ? Map.of() : Map.of("due", Texts.deadline(due));
    }

    private void toUnit(CaseEventsRecorded recorded, int index, RecordedEvent e, NotificationKind kind, long unitId,
                        Set<org.fengqiao.organisation.Role> roles, Map<String, String> extra) {
        Map<String, String> params = new HashMap<>(extra);
        params.put("code", recorded.trackingCode());
        Set<Long> users = new LinkedHashSet<>(recipients.of(unitId, roles));
        if (e.actorUserId() != null) {
            users.remove(e.actorUserId());
        }
        for (long user : users) {
            notifications.send(new Notification(key(recorded, index, kind, user), kind,
                    new Notification.Recipient.Staff(user), params, recorded.caseId(), recorded.urgent()));
        }
    }

    private void toCitizen(CaseEventsRecorded recorded, int index, NotificationKind kind) {
        contacts.applicantMobile(recorded.caseId()).ifPresent(mobile -> notifications.send(new Notification(
                key(recorded, index, kind, null), kind, new Notification.Recipient.Citizen(mobile),
                Map.of("code", recorded.trackingCode()), recorded.caseId(), false)));
    }
}
