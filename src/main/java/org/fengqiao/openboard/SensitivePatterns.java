package org.fengqiao.openboard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regular patterns of personal data in Chinese text: phone numbers, resident ID numbers, bank cards, licence
 * plates and address details below the village. Digits may be written full-width or with separators; a number
 * glued to other digits is not one of these. Plain Java, measured on its own test set (BENCHMARKS.md).
 */
public final class SensitivePatterns {

    /** A span found in a text. */
    public record Span(int start, int end, SensitiveKind kind) {
    }

    private static final String NOT_DIGIT_BEFORE = "(?<![0-9A-Za-z])";
    private static final String NOT_DIGIT_AFTER = "(?![0-9A-Za-z])";

    private static final Pattern ID_NUMBER = Pattern.compile(NOT_DIGIT_BEFORE
            + "(?:[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]"
            + "|[1-9]\\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3})" + NOT_DIGIT_AFTER);
    private static final Pattern BANK_CARD = Pattern.compile(NOT_DIGIT_BEFORE
            + "(?:[1-9]\\d{15,18}|[1-9]\\d{3}(?:[ -]\\d{4}){3}(?:[ -]?\\d{1,3})?)" + NOT_DIGIT_AFTER);
    /** Mobile numbers (also masked ones like 139-****-0929 and with +86), landlines with an area code. */
    private static final Pattern PHONE = Pattern.compile(NOT_DIGIT_BEFORE
            + "(?:(?:\\+?86[ -]?)?1[3-9]\\d[ -]?[\\d*]{4}[ -]?\\d{4}"
            + "|\\(?0\\d{2,3}\\)?[ -]?\\d{7,8}(?:[-转]\\d{1,5})?)" + NOT_DIGIT_AFTER);
    /**
     * Plates: a province's abbreviation, the issuing letter, an optional separator, then five (or six for new-energy
     * vehicles) letters and digits, or a final 挂/学/警/港/澳 character.
     */
    private static final Pattern PLATE = Pattern.compile(
            "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼楚]"
                    + "[A-HJ-NP-Za-hj-np-z][·•.\\- ]?(?:[A-HJ-NP-Z0-9]{5,6}|[A-HJ-NP-Z0-9]{4}[挂学警港澳])"
                    + "(?![0-9A-Za-z])");
    private static final String NUM = "[0-9０-９一二三四五六七八九十百零〇两]+";
    /** House numbers and what is below them: 12号, 3栋2单元501室, 5组, 8号楼, 3楼 — one run as one span. */
    private static final Pattern ADDRESS = Pattern.compile(
            "(?:" + NUM + "\\s*(?:号楼|号院|号|栋|幢|单元|室|层|楼|组|弄|户)(?:\\s*[0-9０-９\\-]+\\s*(?:号|室|户))?)+");

    private SensitivePatterns() {
    }

    /** Every span of the patterns, leftmost first, overlaps resolved in favour of the longer. */
    public static List<Span> find(String text) {
        List<Span> spans = new ArrayList<>();
        add(spans, ID_NUMBER, text, SensitiveKind.ID_NUMBER);
        add(spans, BANK_CARD, text, SensitiveKind.BANK_CARD);
        add(spans, PHONE, text, SensitiveKind.PHONE);
        add(spans, PLATE, text, SensitiveKind.LICENCE_PLATE);
        add(spans, ADDRESS, text, SensitiveKind.ADDRESS_DETAIL);
        return Spans.resolve(spans);
    }

    private static void add(List<Span> spans, Pattern p, String text, SensitiveKind kind) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            if (kind == SensitiveKind.ADDRESS_DETAIL && !looksLikeAddress(text, m.start(), m.group())
                    || kind == SensitiveKind.BANK_CARD && !passesLuhn(m.group())) {
                continue;
            }
            spans.add(new Span(m.start(), m.end(), kind));
        }
    }

    /** Bank card numbers carry the Luhn check digit (ISO/IEC 7812); long numbers without it are something else. */
    static boolean passesLuhn(String number) {
        String digits = number.replaceAll("[^0-9]", "");
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /**
     * An address part is a house number or below it: "3号" alone may be a date (6月3号), so a bare 号/楼/层/户
     * counts only after a place word (路, 街, 村, 小区, 栋 …) or when chained with another part.
     */
    private static boolean looksLikeAddress(String text, int start, String match) {
        String stripped = match.replaceAll("\\s", "");
        int parts = stripped.split("(?<=[号栋幢单元室层楼组弄户])(?=[0-9０-９一二三四五六七八九十百零〇两])").length;
        if (parts > 1 || stripped.matches(".*(栋|幢|单元|室|号楼|号院)$")) {
            return true;
        }
        if (stripped.endsWith("组") || stripped.endsWith("号")) {
            String before = text.substring(Math.max(0, start - 4), start);
            return before.matches(".*(路|街|巷|道|村|社区|小区|花园|苑|庄|里|屯|队|湾|弄)$");
        }
        return false;
    }
}
