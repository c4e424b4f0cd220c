package org.fengqiao.intelligence.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.fengqiao.intelligence.text.TextNormalizer;
import org.fengqiao.support.SharedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hot topics on the real message-board data (../shared/data/messages-unlabeled.tsv; skipped when it is absent).
 * docs/HOT-TOPICS.md shows the topics these runs find.
 */
class HotTopicsOnMessageBoardTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The monthly review of December 2019 (the file runs from January 2019 to January 2020). */
    static final Instant DECEMBER_REVIEW = LocalDate.of(2020, 1, 1).atStartOfDay(CHINA).toInstant();

    static MessageBoardFile.Result data;
    static Map<String, TopicItem> byId;
    static final HotTopics HOT_TOPICS = new HotTopics();

    /** Per test rather than @BeforeAll, so that without the data every test reports itself skipped and why. */
    @BeforeEach
    void read() throws IOException {
        var file = SharedData.file("messages-unlabeled.tsv");
        if (data == null) {
            data = MessageBoardFile.read(file, CHINA);
            byId = new HashMap<>();
            data.items().forEach(i -> byId.put(i.id(), i));
        }
    }

    @Test
    void everyRowOfTheFileIsRead() {
        assertThat(data.problems()).isEmpty();
        assertThat(data.items().size()).isEqualTo(4326);
        // about 60% name their district (A1区 … A9市) in the title or body
        assertThat(data.items().stream().filter(i -> i.area() != null).count()).isBetween(2500L, 3000L);
    }

    @Test
    void theTopTopicsOfAMonthAreRealRepeatedMattersNamedByWordsTheirRequestsUse() {
        HotTopicReport december = HOT_TOPICS.find(data.items(), AgendaPeriod.MONTH, DECEMBER_REVIEW);

        assertThat(december.topics()).hasSizeBetween(20, 200);
        for (HotTopic t : december.top(5)) {
            List<String> members = all(t);
            assertThat(members).as(t.name()).hasSizeGreaterThanOrEqualTo(3);
            for (String term : t.terms()) {
                long using = members.stream().filter(id -> text(id).contains(term)).count();
                assertThat(using).as("requests of %s using %s", t.name(), term).isGreaterThanOrEqualTo(2);
            }
            assertThat(t.terms().getFirst()).as(t.name()).satisfies(first ->
                    assertThat(members.stream().filter(id -> text(id).contains(first)).count() * 2)
                            .isGreaterThanOrEqualTo(members.size()));
        }
    }

    @Test
    void theConcretePlantNearLifaXinchengIsDecembersLeadingTopicAndHoldsItsComplaints() {
        HotTopicReport december = HOT_TOPICS.find(data.items(), AgendaPeriod.MONTH, DECEMBER_REVIEW);

        HotTopic top = december.topics().getFirst();
        assertThat(top.name()).contains("丽发新城");
        assertThat(top.area()).isEqualTo("A2区");
        long aboutIt = december.topics().stream().flatMap(t -> all(t).stream())
                .filter(id -> byId.get(id).title().contains("丽发新城") && byId.get(id).title().contains("搅拌")).count();
        long inTop = all(top).stream()
                .filter(id -> byId.get(id).title().contains("丽发新城") && byId.get(id).title().contains("搅拌")).count();
        assertThat(inTop).isGreaterThanOrEqualTo(20).isGreaterThanOrEqualTo(aboutIt * 8 / 10);
    }

    @Test
    void noTopicMixesDistricts() {
        HotTopicReport december = HOT_TOPICS.find(data.items(), AgendaPeriod.MONTH, DECEMBER_REVIEW);

        for (HotTopic t : december.topics()) {
            assertThat(all(t)).as(t.name()).allSatisfy(id -> assertThat(byId.get(id).area()).isIn(t.area(), null));
        }
    }

    @Test
    void theWholeFileClustersInSecondsAndTheSameWayInAnyOrder() {
        TopicWindow wholeFile = new TopicWindow(LocalDate.of(2017, 1, 1).atStartOfDay(CHINA).toInstant(),
                LocalDate.of(2019, 1, 1).atStartOfDay(CHINA).toInstant(), LocalDate.of(2020, 2, 1).atStartOfDay(CHINA).toInstant());
        HOT_TOPICS.find(data.items().subList(0, 200), wholeFile); // warm up

        long start = System.nanoTime();
        HotTopicReport all = HOT_TOPICS.find(data.items(), wholeFile);
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("whole file: %d requests, %d topics holding %d requests, %.2f s%n", all.items(),
                all.topics().size(), all.topics().stream().mapToInt(t -> t.size() + t.previous()).sum(), seconds);
        assertThat(all.items()).isEqualTo(data.items().size());
        assertThat(seconds).isLessThan(15.0); // about 1 s on one shared core; the margin is for a busy machine
        List<TopicItem> shuffled = new ArrayList<>(data.items());
        Collections.shuffle(shuffled, new Random(42));
        assertThat(HOT_TOPICS.find(shuffled, wholeFile)).isEqualTo(all);
    }

    static String text(String id) {
        TopicItem i = byId.get(id);
        return TextNormalizer.normalize(i.title() + " " + i.text());
    }

    static List<String> all(HotTopic t) {
        List<String> ids = new ArrayList<>(t.ids());
        ids.addAll(t.earlierIds());
        return ids;
    }
}
