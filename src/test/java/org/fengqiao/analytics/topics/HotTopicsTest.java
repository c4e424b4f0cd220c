package org.fengqiao.analytics.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.LESHAN;
import static org.fengqiao.support.Cases.aCase;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import org.fengqiao.support.Api;
import org.fengqiao.support.Cases;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.SessionClient;
import org.fengqiao.support.TestClock;

/**
 * Cases about one matter in one village become that village's hot topic for everyone who may see them, and for
 * no one else. Each test registers its cases on days of May 2027 no other test uses and asks for the daily
 * agenda (that day and the day before), so nothing else falls into the window.
 */
@IntegrationTest
class HotTopicsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @AfterEach
    void tidy() {
        clock.reset();
        Api.forgetTokens();
    }

    @Test
    void casesAboutOneMatterInOneVillageAreTheTopTopicForTheCountyAndForTheVillage() {
        at(2027, 5, 17, 9, 0);
        long yesterday = register(pigFarm("养猪场臭味太大", "养猪场的臭味一直没人管。").inVillage(FENGYUAN));
        at(2027, 5, 18, 9, 0);
        List<Long> today = fourAboutThePigFarm(FENGYUAN);

        for (String user : List.of("county.leader", "fengyuan.grid")) {
            JsonNode top = hotTopics(user, "day").get("topics").get(0);
            List<Long> expected = new ArrayList<>(today);
            expected.add(yesterday);
            assertThat(caseIds(top)).as(user).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(top.get("rank").asInt()).isEqualTo(1);
            assertThat(top.get("name").asString()).as(user).contains("养猪场");
            assertThat(top.get("area").get("code").asString()).isEqualTo(FENGYUAN);
            assertThat(top.get("area").get("name").asString()).isEqualTo("枫源村");
            assertThat(top.get("size").asInt()).as(user).isEqualTo(4);
            assertThat(top.get("previous").asInt()).as(user).isEqualTo(1);
            assertThat(top.get("growth").asInt()).as(user).isEqualTo(3);
            // one case brought by eleven people: ten beyond the first requester
            assertThat(top.get("votes").asLong()).as(user).isEqualTo(10);
            JsonNode score = top.get("score");
            assertThat(score.get("total").asDouble()).isCloseTo(score.get("size").asDouble()
                    + score.get("growth").asDouble() + score.get("votes").asDouble()
                    + score.get("recency").asDouble(), org.assertj.core.data.Offset.offset(0.01));
            assertThat(top.get("cases")).hasSize(5);
            for (JsonNode c : top.get("cases")) {
                assertThat(c.get("trackingCode").asString()).isNotBlank();
                assertThat(c.get("title").asString()).contains("养猪场");
            }
        }
    }

    @Test
    void aNewCaseCountsAtOnceDespiteTheCache() {
        at(2027, 5, 26, 9, 0);
        fourAboutThePigFarm(FENGYUAN);
        assertThat(hotTopics("fengyuan.grid", "day").get("topics").get(0).get("size").asInt()).isEqualTo(4);
        assertThat(hotTopics("fengyuan.grid", "day").get("topics").get(0).get("size").asInt()).isEqualTo(4);

        long another = register(pigFarm("养猪场臭味还是没解决", "反映过的养猪场臭味依旧，晚上更严重。").inVillage(FENGYUAN));

        JsonNode top = hotTopics("fengyuan.grid", "day").get("topics").get(0);
        assertThat(top.get("size").asInt()).isEqualTo(5);
        assertThat(caseIds(top)).contains(another);
    }

    @Test
    void aUserOfAnotherVillageSeesNeitherTheTopicNorItsCases() {
        at(2027, 5, 20, 9, 0);
        List<Long> fengyuan = fourAboutThePigFarm(FENGYUAN);
        List<Long> leshan = List.of(
                register(aCase().titled("村口路灯不亮").describedAs("乐山村村口的路灯坏了一个多月，晚上一片漆黑。")
                        .inVillage(LESHAN)),
                register(aCase().titled("村口路灯坏了没人修").describedAs("村口路灯全部不亮，晚上走路不安全。")
                        .inVillage(LESHAN)));

        JsonNode seenInLeshan = hotTopics("leshan.grid", "day").get("topics");
        Set<Long> all = new HashSet<>();
        seenInLeshan.forEach(t -> all.addAll(caseIds(t)));
        assertThat(all).doesNotContainAnyElementsOf(fengyuan);
        assertThat(seenInLeshan).noneMatch(t -> t.get("name").asString().contains("养猪场"));
        assertThat(seenInLeshan.get(0).get("area").get("code").asString()).isEqualTo(LESHAN);
        assertThat(caseIds(seenInLeshan.get(0))).containsExactlyInAnyOrderElementsOf(leshan);

        // the county sees both villages' topics
        JsonNode county = hotTopics("county.leader", "day").get("topics");
        assertThat(caseIds(county.get(0))).containsExactlyInAnyOrderElementsOf(fengyuan);
        assertThat(caseIds(county.get(1))).containsExactlyInAnyOrderElementsOf(leshan);
    }

    @Test
    void anUnknownPeriodOrACountOutOfRangeIsRefusedWithAReadableMessage() {
        Api.Response year = api.get("county.leader", "/api/analytics/hot-topics?period=year");
        assertThat(year.status()).isEqualTo(400);
        assertThat(year.detail()).doesNotContain("year").contains("day").contains("week").contains("month");

        for (String top : List.of("0", "51")) {
            Api.Response r = api.get("county.leader", "/api/analytics/hot-topics?period=week&top=" + top);
            assertThat(r.status()).as(top).isEqualTo(400);
            assertThat(r.detail()).as(top).contains("50").contains(top);
        }
        assertThat(api.get("county.leader", "/api/analytics/hot-topics?period=month&top=50").status()).isEqualTo(200);
    }

    @Test
    void thePageRanksTheTopicsAndLinksToTheirCases() {
        at(2027, 5, 24, 9, 0);
        List<Long> ids = fourAboutThePigFarm(FENGYUAN);
        String name = hotTopics("fengyuan.grid", "day").get("topics").get(0).get("name").asString();

        SessionClient browser = SessionClient.signedInAs(port, "fengyuan.grid");
        SessionClient.Page page = browser.get("/analytics/hot-topics?period=day");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("<span class=\"fw-semibold topic-name\">" + name + "</span>")
                .contains("href=\"/cases/" + ids.get(0) + "\"")
                .contains("href=\"/analytics/hot-topics?period=month\"")
                .contains("id=\"chart-topics\"");

        SessionClient.Page wrong = browser.get("/analytics/hot-topics?period=year");
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.html()).contains("alert-danger").contains("day（日）");
    }

    // four cases about a pig farm's smell in one village, one of them brought by eleven people
    private List<Long> fourAboutThePigFarm(String village) {
        List<Long> ids = new ArrayList<>();
        ids.add(register(pigFarm("养猪场臭味扰民", "村东头新建的养猪场臭味很大，附近住户夏天不敢开窗。").inVillage(village)));
        ids.add(register(pigFarm("养猪场臭味严重影响生活", "养猪场每天散发臭味，村民生活受到影响，要求整改。")
                .inVillage(village).with("peopleInvolved", 11)));
        ids.add(register(pigFarm("投诉养猪场臭味和污水", "养猪场臭味刺鼻，粪水直接排进水沟。").inVillage(village)));
        ids.add(register(pigFarm("养猪场臭味影响孩子休息", "家住养猪场旁边，臭味让孩子晚上睡不好。").inVillage(village)));
        return ids;
    }

    private static Cases pigFarm(String title, String description) {
        return aCase().titled(title).describedAs(description);
    }

    private JsonNode hotTopics(String user, String period) {
        Api.Response r = api.get(user, "/api/analytics/hot-topics?period=" + period + "&top=10");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private static List<Long> caseIds(JsonNode topic) {
        List<Long> ids = new ArrayList<>();
        topic.get("cases").forEach(c -> ids.add(c.get("id").asLong()));
        return ids;
    }

    private long register(Cases c) {
        Api.Response r = api.post("fq.intake", "/api/cases", c.body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(1));
        return r.get("id").asLong();
    }

    private void at(int year, int month, int day, int hour, int minute) {
        clock.set(LocalDateTime.of(year, month, day, hour, minute));
        Api.forgetTokens();
    }
}
