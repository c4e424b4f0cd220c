package org.fengqiao.cases;

/**
 * How a matter reached the platform (多渠道受理, DOMAIN.md §3).
 */
public enum Channel {
    /** 窗口来访 */
    WALK_IN,
    /** 12345 热线转办 */
    HOTLINE_12345,
    /** 随手报 (web or app self-report) */
    ONLINE,
    /** 网格上报 */
    GRID_PATROL,
    /** 110 非警务警情分流 */
    POLICE_110,
    /** 信访 (letters, visits, online) */
    PETITION,
    /** 法院诉前调解委派 */
    COURT_REFERRAL,
    /** 来信、电子邮件 */
    LETTER_EMAIL,
    /** 其他系统接口 (e.g. Open311) */
    SYSTEM_API;

    /**
     * Whether a person brought the matter and is owed a reply (答复) when it is closed: every channel except a
     * grid worker's own patrol finding.
     */
    public boolean citizenBrought() {
        return this != GRID_PATROL;
    }
}
