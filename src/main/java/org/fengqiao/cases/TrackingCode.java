package org.fengqiao.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.RegionLevel;

/**
 * The tracking code (一案一码) a citizen uses to follow a case: county code, registration date, case number
 * and a check character (ISO 7064 MOD 11-2, as on resident ID cards), e.g. {@code 330681-20261121-001050-7}.
 * The check character catches a mistyped digit before any lookup.
 */
public final class TrackingCode {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern FORMAT = Pattern.compile("(\\d{6})-?(\\d{8})-?(\\d{6,12})-?([0-9X])");

    private TrackingCode() {
    }

    public static String of(DivisionCode region, LocalDate registeredOn, long caseId) {
        String county = region.level().isAbove(RegionLevel.COUNTY) ? region.prefix() + "0".repeat(6 - region.prefix().length())
                : region.truncate(RegionLevel.COUNTY).prefix();
        String number = String.format(Locale.ROOT, "%06d", caseId);
        String digits = county + registeredOn.format(DAY) + number;
        return county + "-" + registeredOn.format(DAY) + "-" + number + "-" + checkChar(digits);
    }

    /**
     * The canonical form of a code as typed by a person (spaces, missing hyphens and lower-case x allowed),
     * or empty when it is malformed or its check character is wrong.
     */
    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(typed.strip().replace(" ", "").toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        String digits = m.group(1) + m.group(2) + m.group(3);
        if (checkChar(digits) != m.group(4).charAt(0)) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "-" + m.group(4));
    }

    /** ISO 7064 MOD 11-2 check character over a string of digits. */
    static char checkChar(String digits) {
        int p = 0;
        for (int i = 0; i < digits.length(); i++) {
            p = ((p + (digits.charAt(i) - '0')) * 2) % 11;
        }
        int check = (12 - p) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }
}
