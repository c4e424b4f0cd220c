package org.fengqiao.cases;

/**
 * What kind of matter a case is (DOMAIN.md §4); deadline policies and routing rules key on it.
 */
public enum CaseKind {
    /** 矛盾纠纷 */
    DISPUTE,
    /** 咨询 */
    CONSULTATION,
    /** 求助 */
    HELP,
    /** 投诉 */
    COMPLAINT,
    /** 举报 */
    REPORT,
    /** 建议 */
    SUGGESTION,
    /** 安全隐患 */
    SAFETY_HAZARD,
    /** 法律援助申请 */
    LEGAL_AID,
    /** 心理疏导 (a voluntary referral, not a register) */
    PSYCH_SUPPORT
}
