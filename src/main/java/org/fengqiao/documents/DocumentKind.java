package org.fengqiao.documents;

/**
 * The documents (文书) made from a case. Some are made once per record they are about (a session's 调解笔录, an
 * agreement's 协议书 and 司法确认申请书, a revisit's 回访记录, a 督办 notice): their {@link #subject()}.
 */
public enum DocumentKind {

    /** 人民调解申请书: the applicant asks the committee to mediate. */
    APPLICATION(Subject.CASE, false),
    /** 人民调解权利义务告知书: the parties' rights and duties (人民调解法 第二十三条、第二十四条). */
    RIGHTS_NOTICE(Subject.CASE, true),
    /** 调解笔录: what was said and agreed at one session. */
    SESSION_RECORD(Subject.SESSION, true),
    /** 人民调解协议书 (人民调解法 第二十九条). */
    AGREEMENT(Subject.AGREEMENT, true),
    /** 司法确认申请书: the parties' joint application to the court (人民调解法 第三十三条, 30 days). */
    CONFIRMATION_APPLICATION(Subject.AGREEMENT, true),
    /** 回访记录. */
    REVISIT_RECORD(Subject.REVISIT, false),
    /** 督办通知单. */
    SUPERVISION_NOTICE(Subject.NOTICE, false);

    /** What one document of the kind is about. */
    public enum Subject { CASE, SESSION, AGREEMENT, REVISIT, NOTICE }

    private final Subject subject;
    private final boolean signedByParties;

    DocumentKind(Subject subject, boolean signedByParties) {
        this.subject = subject;
        this.signedByParties = signedByParties;
    }

    public Subject subject() {
        return subject;
    }

    /** Whether the parties sign it at the table (the applicant alone signs the application). */
    public boolean signedByParties() {
        return signedByParties || this == APPLICATION;
    }

    /** The kind named in a URL ({@code agreement}, {@code session-record} …), or null. */
    public static DocumentKind fromSlug(String slug) {
        for (DocumentKind k : values()) {
            if (k.slug().equals(slug) || k.name().equals(slug)) {
                return k;
            }
        }
        return null;
    }

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
