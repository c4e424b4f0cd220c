package org.fengqiao.organisation;

/**
 * Kinds of unit in the "1+6+N" network. Routing rules name a kind; the unit of that kind in the case's
 * region (at the rule's level) handles it.
 */
public enum UnitKind {
    /** 综治中心 / 矛调中心: registers, triages, dispatches, supervises and closes the loop. */
    CENTRE,
    /** 派出所 / 公安 */
    POLICE_STATION,
    /** 人民法院 / 人民法庭 */
    COURT,
    /** 检察院 */
    PROCURATORATE,
    /** 司法所 / 司法局 */
    JUSTICE_OFFICE,
    /** 人民调解委员会 */
    MEDIATION_COMMITTEE,
    /** 行业性专业性调解委员会 (medical, traffic, labour, property…) */
    PROFESSIONAL_MEDIATION,
    /** 信访办 / 信访局 */
    PETITION_OFFICE,
    /** 人力社保 (劳动保障, wage arrears) */
    LABOUR,
    /** 住房和城乡建设 */
    HOUSING,
    /** 民政 */
    CIVIL_AFFAIRS,
    /** 妇联 */
    WOMENS_FEDERATION,
    /** 卫生健康 (incl. psychological services) */
    HEALTH,
    /** 市场监管 */
    MARKET_REGULATION,
    /** 自然资源 (land) */
    NATURAL_RESOURCES,
    /** 生态环境 */
    ENVIRONMENT,
    /** 交通运输 */
    TRANSPORT,
    /** 教育 */
    EDUCATION,
    /** 综合行政执法 / 城管 */
    URBAN_MANAGEMENT,
    /** 农业农村 */
    AGRICULTURE,
    /** 法律援助中心 */
    LEGAL_AID,
    /** anything else */
    OTHER;

    public boolean isCentre() {
        return this == CENTRE;
    }
}
