package org.fengqiao.notifications;

import java.util.List;

/**
 * What a message is about. Each kind has its text in {@code i18n/notifications*.properties}
 * ({@code notify.text.KIND}, parameters in the order of {@link #params()}) and its SMS template id
 * ({@code fengqiao.notifications.sms.templates.KIND}, by default the kind's name). Staff texts carry no
 * party's personal data: the tracking code and deadlines only.
 */
public enum NotificationKind {
    /** 新案件: a case was assigned, transferred or reopened to the unit. */
    NEW_CASE(Audience.STAFF, "code", "due"),
    /** 临期提醒: the handling deadline falls due in one working day. */
    DEADLINE_SOON(Audience.STAFF, "code", "due"),
    /** 超期催办: the platform chased the unit for a missed deadline. */
    OVERDUE_CHASE(Audience.STAFF, "code"),
    /** 督办通知: a supervisor issued a supervision notice. */
    SUPERVISION(Audience.STAFF, "code", "due"),
    /** 退回: a unit returned the case to the centre that owns it. */
    RETURNED(Audience.STAFF, "code"),
    /** 群众不满意: the citizen rated the handling 不满意. */
    DISSATISFIED(Audience.STAFF, "code"),

    /** 已登记: the citizen's matter was registered; with the tracking link and access key when given. */
    CITIZEN_REGISTERED(Audience.CITIZEN, "code", "trackingUrl", "accessKey"),
    /** 已受理: a unit accepted the matter. */
    CITIZEN_ACCEPTED(Audience.CITIZEN, "code"),
    /** 已答复办结: the matter was closed; with the evaluation link when given. */
    CITIZEN_CLOSED(Audience.CITIZEN, "code", "evaluateUrl"),
    /** 阶段性答复: the handler sent an interim reply; with the tracking link when given. */
    CITIZEN_REPLIED(Audience.CITIZEN, "code", "trackingUrl"),
    /** 已重新办理: the matter was reopened. */
    CITIZEN_REOPENED(Audience.CITIZEN, "code"),
    /** 查询验证码: the one-time code a citizen asked for to follow the matter (texts in i18n/citizens). */
    CITIZEN_CODE(Audience.CITIZEN, "code", "otp");

    public enum Audience { STAFF, CITIZEN }

    private final Audience audience;
    private final List<String> params;

    NotificationKind(Audience audience, String... params) {
        this.audience = audience;
        this.params = List.of(params);
    }

    public Audience audience() {
        return audience;
    }

    /** The parameter names, in the order the texts number them ({0}, {1}, …). */
    public List<String> params() {
        return params;
    }

    /** Parameters that are secrets (an access key): removed from the outbox once sent, never shown to staff. */
    public static boolean isSecret(String param) {
        return param.equals("accessKey") || param.equals("otp");
    }

    public static List<NotificationKind> forStaff() {
        return java.util.Arrays.stream(values()).filter(k -> k.audience == Audience.STAFF).toList();
    }
}
