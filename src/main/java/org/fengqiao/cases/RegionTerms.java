package org.fengqiao.cases;

import java.util.List;

/**
 * The region terms a case's search terms carry beside its words: its county, township and village as
 * {@code @330681}, {@code @330681101}, {@code @330681101201}. A search within a county, township or village then asks
 * the term index for the words and the region together, and PostgreSQL intersects the two in the one index: a common
 * word ("纠纷", in one case of seventy) is no longer looked up in every case of the province and then checked against
 * the region one by one (1.4 s at a million cases for a township's 101 matches; the cost grows with the history).
 * The search words are Chinese characters only, so no word a person types can match a region term; and the cases'
 * own similarity index leaves them out ({@link #isRegionTerm}).
 */
public final class RegionTerms {

    private static final String MARK = "@";
    /** The lengths of the prefixes that get a term: a county's, a township's and a village's code. */
    private static final int[] LENGTHS = {6, 9, 12};

    private RegionTerms() {
    }

    /** The region terms of a case in the region with this code (a village's or a township's 12-digit code). */
    public static List<String> of(String regionCode) {
        List<String> terms = new java.util.ArrayList<>(LENGTHS.length);
        for (int length : LENGTHS) {
            if (regionCode.length() >= length) {
                terms.add(MARK + regionCode.substring(0, length));
            }
        }
        return terms;
    }

    /**
     * The term a search within this region prefix can ask for, or null where there is none (a province's or a city's
     * prefix: most cases lie in it, the words alone narrow better).
     */
    static String forPrefix(String prefix) {
        if (prefix == null) {
            return null;
        }
        for (int length : LENGTHS) {
            if (prefix.length() == length && prefix.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return MARK + prefix;
            }
        }
        return null;
    }

    /** Whether a search term is a region term (not a word of the case's text). */
    public static boolean isRegionTerm(String term) {
        return term.startsWith(MARK);
    }
}
