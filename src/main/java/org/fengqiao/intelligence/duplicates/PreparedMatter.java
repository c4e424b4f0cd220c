package org.fengqiao.intelligence.duplicates;

/**
 * A matter with its words already split and weighted by {@link DuplicateScorer#prepare(Matter)}: splitting is
 * most of the cost of a comparison, so the platform prepares each open case once and reuses it.
 *
 * @param matter the matter
 * @param title  the words of its title
 * @param all    the words of its title and body together
 */
public record PreparedMatter(Matter matter, TermSet title, TermSet all) {
}
