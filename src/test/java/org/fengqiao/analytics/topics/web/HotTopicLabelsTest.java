package org.fengqiao.analytics.topics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.fengqiao.analytics.topics.HotTopicList;
import org.fengqiao.analytics.topics.HotTopicList.Area;
import org.fengqiao.analytics.topics.HotTopicList.Score;
import org.fengqiao.analytics.topics.HotTopicList.Topic;

/** Two villages' topics with the same words are told apart by their place wherever only the label is shown. */
class HotTopicLabelsTest {

    static Topic topic(int rank, String village) {
        return new Topic(rank, "渠道 淤塞", List.of("渠道", "淤塞"), new Area("33068110929" + rank, village), 3, 1, 2, 0,
                new Score(1, 1, 1, 0, 1), Instant.EPOCH, Instant.EPOCH, List.of());
    }

    @Test
    void theChartNamesEachTopicWithItsPlace() {
        HotTopicList list = new HotTopicList(org.fengqiao.analytics.topics.web.HotTopicLabelsTest.period(),
                new HotTopicList.Days(LocalDate.EPOCH, LocalDate.EPOCH), new HotTopicList.Days(LocalDate.EPOCH, LocalDate.EPOCH),
                6, 6, false, List.of(topic(1, "枫源村"), topic(2, "乐山村")));
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) HotTopicsPages.chartData(list).get("names");
        assertThat(names).containsExactly("1. 枫源村 · 渠道 淤塞", "2. 乐山村 · 渠道 淤塞");
        assertThat(Map.of("label", topic(1, "枫源村").label())).containsEntry("label", "枫源村 · 渠道 淤塞");
    }

    static org.fengqiao.intelligence.topics.AgendaPeriod period() {
        return org.fengqiao.intelligence.topics.AgendaPeriod.parse("week");
    }
}
