package org.fengqiao.analytics.topics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.fengqiao.intelligence.topics.AgendaPeriod;

/**
 * The hot topics of one agenda for one user: the cases they may reach, registered in the current period and the
 * period of equal length before it (for growth), best topic first.
 *
 * @param period        day, week or month
 * @param current       the current period (China time, both days included)
 * @param previous      the period before it
 * @param casesRead     cases read from both periods (at most {@link HotTopicBoard#MAX_CASES}, newest first)
 * @param casesInPeriod of them, cases registered in the current period
 * @param truncated     whether there were more cases than were read (the oldest were left out)
 * @param topics        the topics, best first
 */
public record HotTopicList(AgendaPeriod period, Days current, Days previous, int casesRead, int casesInPeriod,
                           boolean truncated, List<Topic> topics) {

    public HotTopicList {
        topics = List.copyOf(topics);
    }

    /** The same list cut to its first {@code n} topics. */
    public HotTopicList top(int n) {
        return n >= topics.size() ? this : new HotTopicList(period, current, previous, casesRead, casesInPeriod,
                truncated, topics.subList(0, n));
    }

    /** A span of days, both included. */
    public record Days(LocalDate from, LocalDate to) {
    }

    /**
     * One topic: cases about the same matter in the same area.
     *
     * @param area     where its cases are (village level), or {@code null} when none of them names one
     * @param size     cases in the current period
     * @param previous cases in the period before
     * @param growth   {@code size - previous}
     * @param votes    people involved beyond the first requester, summed over the current period's cases
     * @param first    the earliest case of the topic (either period)
     * @param last     the latest case
     * @param cases    up to {@link HotTopicBoard#SAMPLE_CASES} cases: the most typical first, then the newest
     */
    public record Topic(int rank, String name, List<String> terms, Area area, int size, int previous, int growth,
                        long votes, Score score, Instant first, Instant last, List<SampleCase> cases) {

        public Topic {
            terms = List.copyOf(terms);
            cases = List.copyOf(cases);
        }

        /**
         * The topic named with its place ("枫源村 · 渠道 淤塞"): two villages' topics may share the same words, and
         * a label without the place (a chart's axis) would not tell them apart.
         */
        @com.fasterxml.jackson.annotation.JsonProperty("label")
        public String label() {
            return area == null ? name : area.name() + " · " + name;
        }
    }

    /** A region by code and name. */
    public record Area(String code, String name) {
    }

    /**
     * Why a topic ranks where it does: {@code total = size + growth + votes + recency}, each part weighted (see
     * docs/HOT-TOPICS.md, "Ranking").
     */
    public record Score(double total, double size, double growth, double votes, double recency) {
    }

    /** A case of a topic, as much as a list needs to link to it. */
    public record SampleCase(long id, String trackingCode, String title, Instant registeredAt) {
    }
}
