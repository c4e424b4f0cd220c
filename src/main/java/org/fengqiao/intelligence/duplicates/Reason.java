package org.fengqiao.intelligence.duplicates;

import java.util.Locale;

/**
 * One signal behind a {@link DuplicateMatch}, with its measure and what it added to the score.
 *
 * @param code         which signal
 * @param detail       its measure, whose unit depends on the code (see {@link Code})
 * @param contribution what it added to the score (negative for a penalty; 0 for a signal that only allowed the
 *                     match, such as a time window without recency bonus)
 */
public record Reason(Code code, double detail, double contribution) {

    /** The signals, each with the meaning of {@link Reason#detail()}. */
    public enum Code {
        /** Text similarity in [0, 1]. */
        TEXT_SIMILAR,
        /** Both name the same grid; detail 1. */
        SAME_GRID,
        /** Both located within the radius; detail the distance in metres. */
        NEARBY,
        /** Parties in common; detail the number of shared party keys. */
        SAME_PARTY,
        /** Both times known and within the window; detail the days between them. */
        WITHIN_WINDOW,
        /** Different grids and not nearby; detail the distance in metres, or NaN when not both are located. */
        DIFFERENT_PLACE
    }

    /**
     * A short Chinese explanation for logs and the command line, e.g. {@code 正文相似度 0.82} or {@code 相距 120 米}.
     * Pages should render {@link #code()} and {@link #detail()} through their message bundles instead.
     */
    public String describe() {
        return switch (code) {
            case TEXT_SIMILAR -> String.format(Locale.ROOT, "正文相似度 %.2f", detail);
            case SAME_GRID -> "同一网格";
            case NEARBY -> String.format(Locale.ROOT, "相距 %.0f 米", detail);
            case SAME_PARTY -> detail > 1 ? String.format(Locale.ROOT, "同一当事人（%d 项相同）", (long) detail) : "同一当事人";
            case WITHIN_WINDOW -> detail < 1 ? "同日反映" : String.format(Locale.ROOT, "相隔 %.0f 天", detail);
            case DIFFERENT_PLACE -> Double.isNaN(detail) ? "不同网格"
                    : String.format(Locale.ROOT, "不同网格，相距 %.0f 米", detail);
        };
    }
}
