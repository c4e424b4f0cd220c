package org.fengqiao.laws;

/**
 * Chinese numerals as laws number their articles (第一千二百五十九条), to and from whole numbers up to 9,999.
 * The conversion is a few lines of positional arithmetic, not worth a library.
 */
public final class ChineseNumber {

    private static final String DIGITS = "零一二三四五六七八九";
    private static final String UNITS = "十百千";

    private ChineseNumber() {
    }

    /** The value of a numeral such as 十四, 二十八, 一百零五, 一千二百五十九, or -1 when it is not one. */
    public static int parse(String numeral) {
        if (numeral == null || numeral.isEmpty()) {
            return -1;
        }
        int total = 0;
        int digit = -1;
        int lastUnit = 10_000;
        for (int i = 0; i < numeral.length(); i++) {
            char c = numeral.charAt(i);
            int d = DIGITS.indexOf(c == '〇' ? '零' : c);
            int u = UNITS.indexOf(c);
            if (d >= 0) {
                if (digit > 0) {
                    return -1;
                }
                digit = d;
            } else if (u >= 0) {
                int unit = (int) Math.pow(10, u + 1);
                if (unit >= lastUnit || digit == 0) {
                    return -1;
                }
                total += (digit < 0 ? 1 : digit) * unit;
                lastUnit = unit;
                digit = -1;
            } else {
                return -1;
            }
        }
        if (digit > 0) {
            total += digit;
        }
        return total > 0 && total < 10_000 ? total : -1;
    }

    /** The numeral of 1 to 9,999 as laws write it: 十四 (not 一十四), 一百零五, 一千二百五十九. */
    public static String format(int n) {
        if (n < 1 || n > 9_999) {
            throw new IllegalArgumentException("only 1 to 9999: " + n);
        }
        StringBuilder out = new StringBuilder();
        int[] places = {1000, 100, 10, 1};
        boolean zero = false;
        for (int i = 0; i < places.length; i++) {
            int d = n / places[i] % 10;
            if (d == 0) {
                zero = out.length() > 0;
                continue;
            }
            if (zero) {
                out.append('零');
                zero = false;
            }
            if (!(d == 1 && places[i] == 10 && out.length() == 0)) {
                out.append(DIGITS.charAt(d));
            }
            if (i < 3) {
                out.append(UNITS.charAt(2 - i));
            }
        }
        return out.toString();
    }

    /** 第十四条 for 14. */
    public static String articleLabel(int n) {
        return "第" + format(n) + "条";
    }
}
