package org.fengqiao.openboard;

/** What a de-identified span of text was. */
public enum SensitiveKind {
    /** 手机号、固定电话 */
    PHONE,
    /** 身份证号 (18 digits, or the old 15) */
    ID_NUMBER,
    /** 银行卡号 (16–19 digits, plain or in groups) */
    BANK_CARD,
    /** 车牌号 */
    LICENCE_PLATE,
    /** a name of a party to the case */
    PARTY_NAME,
    /** another person's name, found by HanLP's name recognition */
    PERSON_NAME,
    /** an address below the village: house numbers, buildings, units, rooms, village groups */
    ADDRESS_DETAIL
}
