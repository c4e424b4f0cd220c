package org.fengqiao.analytics;

/**
 * One figure with how it was obtained: its value is {@code numerator ÷ denominator} for rates and means, the
 * numerator itself for counts (no denominator). The definition says exactly what was counted, and is shown
 * beside the figure wherever it appears.
 *
 * @param name        stable name, e.g. {@code resolutionRate}
 * @param label       the measure's name in the caller's language, e.g. 化解率
 * @param value       the figure (a ratio between 0 and 1 for rates, days for means); {@code null} when the
 *                    denominator is zero
 * @param numerator   what was counted (a count, or total days for a mean)
 * @param denominator what it was divided by, or {@code null} for a count
 * @param display     the value as shown, e.g. {@code 95.4%}, {@code 3.2 天} or {@code —}
 */
public record Measure(String name, String label, Double value, Number numerator, Long denominator, Format format,
                      String display, Definition definition) {

    /** How the value reads. */
    public enum Format {
        COUNT, PERCENT, DAYS
    }

    /**
     * The definition of a measure (DOMAIN.md §6): which cases, over which period, what is counted and what it
     * is divided by.
     */
    public record Definition(String cohort, String period, String numerator, String denominator) {
    }
}
