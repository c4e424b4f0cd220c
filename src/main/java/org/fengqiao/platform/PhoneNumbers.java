package org.fengqiao.platform;

import java.util.regex.Pattern;

/**
 * Chinese phone numbers as people write them: a mobile (11 digits, 13x–19x, optionally +86), a landline with its
 * area code (0 and 2–3 digits, then 7–8 digits; brackets, spaces and hyphens allowed), a local landline without
 * it (7–8 digits not starting with 0 or 1), or a 400/800 service number. One rule for a party's phone at intake
 * and a unit's public telephone.
 */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s()（）\\-]");
    private static final Pattern VALID = Pattern.compile(
            "1[3-9]\\d{9}"              // mobile
                    + "|0(?:10|2\\d|[3-9]\\d{2})[2-9]\\d{6,7}" // landline with area code
                    + "|[2-9]\\d{6,7}"          // local landline
                    + "|[48]00\\d{7}");         // service numbers

    private PhoneNumbers() {
    }

    /** Whether the text is a Chinese phone number in one of the forms above; null and blank count as valid. */
    public static boolean isValid(String phone) {
        if (phone == null || phone.isBlank()) {
            return true;
        }
        String digits = SEPARATORS.matcher(phone.strip()).replaceAll("");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return VALID.matcher(digits).matches();
    }
}
