package org.fengqiao.intelligence.topics;

import java.time.Instant;
import java.util.List;

/**
 * One hot topic: requests about the same matter in the same area.
 *
 * @param rank        1 for the first
 * @param name        its key terms joined with "·", e.g. {@code 伊景园·滨河苑·车位·捆绑}
 * @param terms       the key terms, in the order the name shows them
 * @param area        the area of its requests, or {@code null} when none of them names one
 * @param size        requests in the current period
 * @param previous    requests in the period before
 * @param votes       the votes of the requests in the current period
 * @param first       the earliest request (either period)
 * @param last        the latest request
 * @param ids         the current period's requests, newest first
 * @param earlierIds  the previous period's requests, newest first
 * @param typicalIds  the requests closest to the topic's centre, most typical first
 * @param score       the ranking score and its parts
 */
public record HotTopic(int rank, String name, List<String> terms, String area, int size, int previous, long votes,
                       Instant first, Instant last, List<String> ids, List<String> earlierIds, List<String> typicalIds,
                       Score score) {

    public HotTopic {
        terms = List.copyOf(terms);
        ids = List.copyOf(ids);
        earlierIds = List.copyOf(earlierIds);
        typicalIds = List.copyOf(typicalIds);
    }

    /** Requests in the current period minus those in the previous one. */
    public int growth() {
        return size - previous;
    }

    /**
     * A topic's ranking score, {@code total = size + growth + votes + recency}, each part already weighted
     * (see {@link TopicOptions.RankingWeights}), so a page can say why a topic ranks where it does.
     */
    public record Score(double total, double size, double growth, double votes, double recency) {
    }
}
