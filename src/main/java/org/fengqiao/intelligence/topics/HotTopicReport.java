package org.fengqiao.intelligence.topics;

import java.util.List;

/**
 * The hot topics of one agenda (or any other window).
 *
 * @param window   the current and previous periods
 * @param items    requests in the window (both periods)
 * @param current  requests in the current period
 * @param topics   the topics, best first; each has at least one request in the current period
 */
public record HotTopicReport(TopicWindow window, int items, int current, List<HotTopic> topics) {

    public HotTopicReport {
        topics = List.copyOf(topics);
    }

    /** The first {@code n} topics. */
    public List<HotTopic> top(int n) {
        return topics.subList(0, Math.min(n, topics.size()));
    }
}
