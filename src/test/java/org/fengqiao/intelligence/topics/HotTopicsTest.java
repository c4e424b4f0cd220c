package org.fengqiao.intelligence.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class HotTopicsTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The weekly agenda covering 8–14 May 2024, compared with 1–7 May. */
    static final Instant END = LocalDate.of(2024, 5, 15).atStartOfDay(CHINA).toInstant();

    static final HotTopics HOT_TOPICS = new HotTopics();

    @Test
    void repeatedComplaintsAboutOneRoadFormOneTopic() {
        List<TopicItem> items = background();
        items.addAll(streetLights("lights", "枫桥镇", 4, 0));

        HotTopicReport report = HOT_TOPICS.find(items, AgendaPeriod.WEEK, END);

        HotTopic top = report.topics().getFirst();
        assertThat(top.ids()).containsExactlyInAnyOrder("lights-1", "lights-2", "lights-3", "lights-4");
        assertThat(report.topics()).filteredOn(t -> t != top)
                .allSatisfy(t -> assertThat(t.ids()).noneMatch(id -> id.startsWith("lights")));
    }

    @Test
    void aMatterMostOfASmallWindowIsAboutIsStillATopic() {
        // a village's day: four requests about one pig farm and one other, no background to tell the matter's
        // words from boilerplate
        String[][] texts = {
                {"养猪场臭味扰民", "村东头新建的养猪场臭味很大，附近住户夏天不敢开窗。"},
                {"养猪场臭味严重影响生活", "养猪场每天散发臭味，村民生活受到影响，要求整改。"},
                {"投诉养猪场臭味和污水", "养猪场臭味刺鼻，粪水直接排进水沟。"},
                {"养猪场臭味影响孩子休息", "家住养猪场旁边，臭味让孩子晚上睡不好。"},
        };
        List<TopicItem> items = series("pigs", "枫源村", texts, 4, 0, 14);
        items.add(item("other", "邻居装修噪音扰民", "楼上邻居每天早上七点开始装修，电钻声音很大", day(13), "枫源村", 0));

        assertThat(HOT_TOPICS.find(items, AgendaPeriod.WEEK, END).topics()).singleElement()
                .satisfies(t -> assertThat(t.ids()).containsExactlyInAnyOrder("pigs-1", "pigs-2", "pigs-3", "pigs-4"));
        // the IDF of these five requests alone weighs the words the four share down to almost nothing
        assertThat(new HotTopics(TopicOptions.defaults().withMinIdfDocuments(0)).find(items, AgendaPeriod.WEEK, END)
                .topics()).noneMatch(t -> t.ids().size() == 4);
    }

    @Test
    void topicsAreNamedByTheirKeyTerms() {
        List<TopicItem> items = background();
        items.addAll(streetLights("lights", "枫桥镇", 4, 0));

        HotTopic top = HOT_TOPICS.find(items, AgendaPeriod.WEEK, END).topics().getFirst();

        assertThat(top.terms()).contains("环城南路", "路灯").hasSizeLessThanOrEqualTo(4);
        assertThat(top.name()).isEqualTo(String.join("·", top.terms()));
        assertThat(top.terms()).doesNotContain("反映", "问题", "希望");
    }

    @Test
    void aGrowingTopicOutranksAStaleOneOfEqualSize() {
        List<TopicItem> items = background();
        items.addAll(streetLights("lights", "枫桥镇", 3, 0));
        items.addAll(marketNoise("noise", "枫桥镇", 3, 3));

        List<HotTopic> topics = HOT_TOPICS.find(items, AgendaPeriod.WEEK, END).topics();

        HotTopic growing = topicWith(topics, "lights-1");
        HotTopic stale = topicWith(topics, "noise-1");
        assertThat(growing.size()).isEqualTo(stale.size()).isEqualTo(3);
        assertThat(stale.previous()).isEqualTo(3);
        assertThat(growing.growth()).isGreaterThan(stale.growth());
        assertThat(growing.rank()).isLessThan(stale.rank());
    }

    @Test
    void publicVotesRankATopicHigherAllElseEqual() {
        List<TopicItem> items = background();
        items.addAll(streetLights("lights", "枫桥镇", 3, 0));
        items.addAll(marketNoise("noise", "枫桥镇", 3, 0).stream().map(i -> withVotes(i, 20)).toList());

        List<HotTopic> topics = HOT_TOPICS.find(items, AgendaPeriod.WEEK, END).topics();

        HotTopic supported = topicWith(topics, "noise-1");
        assertThat(supported.votes()).isEqualTo(60);
        assertThat(supported.rank()).isLessThan(topicWith(topics, "lights-1").rank());
    }

    @Test
    void topicsDoNotMixAreas() {
        List<TopicItem> items = background();
        items.addAll(streetLights("fq", "枫桥镇", 3, 0));
        items.addAll(streetLights("dt", "店口镇", 3, 0));

        List<HotTopic> topics = HOT_TOPICS.find(items, AgendaPeriod.WEEK, END).topics();

        HotTopic fengqiao = topicWith(topics, "fq-1");
        HotTopic diankou = topicWith(topics, "dt-1");
        assertThat(fengqiao).isNotSameAs(diankou);
        assertThat(fengqiao.area()).isEqualTo("枫桥镇");
        assertThat(fengqiao.ids()).allMatch(id -> id.startsWith("fq"));
        assertThat(diankou.area()).isEqualTo("店口镇");
        assertThat(diankou.ids()).allMatch(id -> id.startsWith("dt"));
    }

    @Test
    void aRequestOfUnknownAreaJoinsTheTopicOfItsMatter() {
        List<TopicItem> items = background();
        items.addAll(streetLights("lights", "枫桥镇", 3, 0));
        items.add(item("nowhere", "环城南路路灯不亮", "环城南路的路灯坏了，晚上一片漆黑", day(12), null, 0));

        HotTopic lights = topicWith(HOT_TOPICS.find(items, AgendaPeriod.WEEK, END).topics(), "lights-1");

        assertThat(lights.ids()).contains("nowhere");
        assertThat(lights.area()).isEqualTo("枫桥镇");
    }

    @Test
    void aTopicOnlyOfThePreviousPeriodIsNotOnTheAgenda() {
        List<TopicItem> items = background();
        items.addAll(marketNoise("noise", "枫桥镇", 0, 4));

        List<HotTopic> topics = HOT_TOPICS.find(items, AgendaPeriod.WEEK, END).topics();

        assertThat(topics).noneMatch(t -> t.earlierIds().contains("noise-p1"));
    }

    @Test
    void requestsOutsideTheWindowAreIgnored() {
        List<TopicItem> items = background();
        items.addAll(streetLights("lights", "枫桥镇", 3, 0));
        items.add(item("old", "环城南路路灯不亮", "环城南路的路灯坏了，晚上一片漆黑", day(-20), "枫桥镇", 0));
        items.add(item("future", "环城南路路灯不亮", "环城南路的路灯坏了，晚上一片漆黑", day(15), "枫桥镇", 0));

        HotTopicReport report = HOT_TOPICS.find(items, AgendaPeriod.WEEK, END);

        assertThat(report.topics()).flatMap(t -> all(t)).doesNotContain("old", "future");
        assertThat(report.items()).isEqualTo(items.size() - 2);
    }

    @Test
    void theScoreIsTheSumOfItsExplainedParts() {
        List<TopicItem> items = background();
        items.addAll(streetLights("lights", "枫桥镇", 4, 2));

        HotTopic top = HOT_TOPICS.find(items, AgendaPeriod.WEEK, END).topics().getFirst();

        HotTopic.Score s = top.score();
        assertThat(s.total()).isCloseTo(s.size() + s.growth() + s.votes() + s.recency(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.size()).isCloseTo(Math.log(5), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.growth()).isCloseTo(0.5 * Math.log(5.0 / 3.0), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(top.typicalIds()).isNotEmpty().allMatch(id -> id.startsWith("lights"));
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfTheRequests() {
        List<TopicItem> items = background();
        items.addAll(streetLights("lights", "枫桥镇", 4, 1));
        items.addAll(marketNoise("noise", "枫桥镇", 3, 2));
        List<TopicItem> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(7));

        assertThat(HOT_TOPICS.find(shuffled, AgendaPeriod.WEEK, END))
                .isEqualTo(HOT_TOPICS.find(items, AgendaPeriod.WEEK, END));
    }

    @Test
    void twoRequestsWithOneIdAreRefused() {
        List<TopicItem> items = background();
        items.add(item("b-1", "重复", "重复", day(10), null, 0));

        assertThatThrownBy(() -> HOT_TOPICS.find(items, AgendaPeriod.WEEK, END))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b-1");
    }

    @Test
    void agendasAreNamedAsTheReviewCadences() {
        assertThat(AgendaPeriod.parse("daily")).isEqualTo(AgendaPeriod.DAY);
        assertThat(AgendaPeriod.parse(" Week ")).isEqualTo(AgendaPeriod.WEEK);
        assertThat(AgendaPeriod.parse("month").endingAt(END).previousStart()).isEqualTo(END.minus(AgendaPeriod.MONTH.length().multipliedBy(2)));
        assertThatThrownBy(() -> AgendaPeriod.parse("year")).hasMessageContaining("day, week or month");
    }

    // --- fixtures

    /** Unrelated requests, one each, so that the words every request uses weigh little. */
    static List<TopicItem> background() {
        String[][] texts = {
                {"邻居装修噪音扰民", "楼上邻居每天早上七点开始装修，电钻声音很大，影响老人休息"},
                {"小区物业不作为", "物业公司收了物业费却不打扫楼道，垃圾堆在门口没人管"},
                {"工资拖欠三个月", "在工地干活三个月，老板一直拖欠工资不发，请帮忙讨薪"},
                {"学校门口交通拥堵", "每天放学时段学校门口车辆乱停，孩子过马路很危险"},
                {"宅基地边界纠纷", "与邻居因为宅基地边界发生争执，对方砌墙占了我家地"},
                {"养狗扰民", "邻居养的大狗晚上一直叫，还不拴绳，吓到小孩"},
                {"医保报销咨询", "异地住院的费用怎么办理医保报销，需要哪些材料"},
                {"河道垃圾漂浮", "村口小河里漂着很多塑料垃圾，夏天发臭"},
        };
        List<TopicItem> items = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            items.add(item("b-" + (i + 1), texts[i][0], texts[i][1], day(1 + i % 14), i % 2 == 0 ? "枫桥镇" : "店口镇", 0));
        }
        return items;
    }

    /** Complaints about the street lights of one road: {@code current} in this week, {@code previous} the week before. */
    static List<TopicItem> streetLights(String prefix, String area, int current, int previous) {
        String[][] texts = {
                {"环城南路路灯不亮", "环城南路的路灯坏了一个多月，晚上一片漆黑，行人走路不安全"},
                {"环城南路路灯坏了没人修", "晚上环城南路路灯全部不亮，已经有老人摔倒"},
                {"反映环城南路路灯问题", "环城南路路灯长期不亮，希望尽快维修"},
                {"环城南路晚上路灯不亮很危险", "环城南路路灯坏了，电动车晚上看不清路"},
        };
        return series(prefix, area, texts, current, previous, 14);
    }

    /** Complaints about the noise of one market. */
    static List<TopicItem> marketNoise(String prefix, String area, int current, int previous) {
        String[][] texts = {
                {"农贸市场凌晨卸货噪音", "农贸市场每天凌晨三点卸货，叫卖声和货车声吵得睡不着"},
                {"农贸市场噪音扰民", "农贸市场凌晨卸货噪音太大，附近居民无法休息"},
                {"投诉农贸市场凌晨噪音", "农贸市场半夜卸货，噪音严重影响睡眠"},
                {"农贸市场卸货吵闹", "凌晨农贸市场卸货吵闹不堪，希望规定卸货时间"},
        };
        return series(prefix, area, texts, current, previous, 14);
    }

    private static List<TopicItem> series(String prefix, String area, String[][] texts, int current, int previous,
                                          int latestDay) {
        List<TopicItem> items = new ArrayList<>();
        for (int i = 0; i < current; i++) {
            items.add(item(prefix + "-" + (i + 1), texts[i % texts.length][0], texts[i % texts.length][1],
                    day(latestDay - i), area, 0));
        }
        for (int i = 0; i < previous; i++) {
            items.add(item(prefix + "-p" + (i + 1), texts[(i + 1) % texts.length][0], texts[(i + 1) % texts.length][1],
                    day(7 - i), area, 0));
        }
        return items;
    }

    static TopicItem item(String id, String title, String text, Instant time, String area, int votes) {
        return new TopicItem(id, title, text, time, area, votes);
    }

    static TopicItem withVotes(TopicItem i, int votes) {
        return new TopicItem(i.id(), i.title(), i.text(), i.time(), i.area(), votes);
    }

    /** Noon on the given day of May 2024. */
    static Instant day(int dayOfMonth) {
        return LocalDate.of(2024, 5, 1).plusDays(dayOfMonth - 1L).atTime(12, 0).atZone(CHINA).toInstant();
    }

    static HotTopic topicWith(List<HotTopic> topics, String id) {
        return topics.stream().filter(t -> all(t).contains(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no topic holds " + id + ": " + topics));
    }

    static List<String> all(HotTopic t) {
        List<String> ids = new ArrayList<>(t.ids());
        ids.addAll(t.earlierIds());
        return ids;
    }
}
