package org.fengqiao.openboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fengqiao.support.Cases.aCase;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.fengqiao.analytics.topics.HotTopicBoard;
import org.fengqiao.analytics.topics.HotTopicList;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;
import org.fengqiao.support.TestClock;

/**
 * The public response board end to end: a supervisor's proposal is de-identified and stays private until a person
 * approves it; the board then shows it escaped, with the reply and rating and without personal data or staff
 * names; "我也遇到" counts once per visitor, is limited per address and adds to the hot topics; the statistics
 * show every township with definitions and hide rates over too few cases.
 */
@IntegrationTest
class PublicBoardTest {

    @LocalServerPort
    int port;

    @Autowired
    Pages pages;

    @Autowired
    TestClock clock;

    @Autowired
    BoardItems items;

    @Autowired
    HotTopicBoard hotTopics;

    @Autowired
    org.fengqiao.regions.Regions regions;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clock.reset();
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    long register(String title, String description) {
        Api.Response r = api.post("fq.intake", "/api/cases", aCase().dispute("NEIGHBOUR").channel("WALK_IN")
                .titled(title).describedAs(description).party("APPLICANT", "李四海", "13911112222", null).body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.get("id").asLong();
    }

    long closedAndRated(String title, String description, String reply) {
        long id = register(title, description);
        assertThat(api.post("fengyuan.mediator", "/api/cases/" + id + "/accept", Map.of()).status()).isEqualTo(200);
        Api.Response closed = api.post("fengyuan.mediator", "/api/cases/" + id + "/close",
                Map.of("outcome", "RESOLVED", "summary", "内部小结：调解员王芳处理", "reply", reply));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(api.post("fq.intake", "/api/cases/" + id + "/evaluation",
                Map.of("rating", "SATISFIED", "source", "PHONE")).status()).isEqualTo(200);
        return id;
    }

    String board(String query) throws Exception {
        MockHttpServletResponse r = pages.mvc.perform(get("/public/board" + query)).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        return r.getContentAsString();
    }

    @Test
    void aProposalIsDeidentifiedAndAppearsOnlyOnceAPersonApprovesIt() throws Exception {
        String marker = "楼上漏水第" + System.nanoTime() + "号";
        long caseId = closedAndRated("<script>alert(1)</script>" + marker,
                "李四海反映楼上住户张大伟家漏水，电话13911112222，住枫源村3组12号。",
                "李四海您好：经调解，张大伟已同意维修，费用由其承担。");
        var actor = pages.actor("fq.supervisor");
        long item = items.propose(actor, caseId);
        BoardItems.Proposal p = items.proposal(actor, item);
        assertThat(p.summary()).contains("李某").doesNotContain("李四海", "13911112222", "3组12号");
        assertThat(p.reply()).contains("李某").doesNotContain("李四海");
        assertThat(board("")).doesNotContain(marker);

        items.edit(actor, item, p.title(), p.summary().replace("张大伟", "张某"), p.reply().replace("张大伟", "张某"));
        items.approve(actor, item);
        String html = board("?wall=RESPONSES");
        assertThat(html).contains(marker).contains("&lt;script&gt;").doesNotContain("<script>alert")
                .contains("满意").contains("经调解")
                .doesNotContain("李四海", "13911112222", "张大伟", "王芳", "枫源村调解员", "内部小结");
        assertThat(board("?wall=RESPONSES&township=330681109000")).contains(marker);
        // (the demo county may hold 枫桥镇 only; then there is no other township to filter by)
        for (var other : regions.within(org.fengqiao.regions.DivisionCode.of("330681000000"),
                org.fengqiao.regions.RegionLevel.TOWNSHIP)) {
            if (!other.code().value().equals("330681109000")) {
                assertThat(board("?wall=RESPONSES&township=" + other.code().value())).doesNotContain(marker);
            }
        }
    }

    @Test
    void onlySupervisorsProposeAndOnlyCasesTheyMaySee() {
        long caseId = register("路灯不亮", "村口路灯坏了");
        assertThatThrownBy(() -> items.propose(pages.actor("fq.intake"), caseId))
                .isInstanceOf(ProblemException.Forbidden.class);
        assertThatThrownBy(() -> items.propose(pages.actor("county.leader"), Long.MAX_VALUE))
                .isInstanceOf(ProblemException.NotFound.class);
    }

    @Test
    void meTooCountsOncePerVisitorIsLimitedPerAddressAndFeedsTheHotTopics() throws Exception {
        long a = register("枫源村垃圾清运不及时", "枫源村垃圾桶满了没人清运，垃圾清运不及时，臭味很大");
        register("枫源村垃圾清运太慢", "枫源村的垃圾清运太慢，垃圾桶满了好几天");
        register("垃圾清运不及时", "枫源村垃圾清运不及时，垃圾桶满溢");
        var actor = pages.actor("fq.supervisor");
        long item = items.propose(actor, a);
        items.approve(actor, item);
        assertThat(board("?wall=PROBLEMS")).contains("枫源村垃圾清运不及时").contains("我也遇到（0）");

        for (String address : new String[] {"10.0.0.1", "10.0.0.1", "10.0.0.2"}) {
            MockHttpServletResponse r = pages.mvc.perform(post("/public/board/" + item + "/metoo").with(csrf())
                    .with(from(address))).andReturn().getResponse();
            assertThat(r.getStatus()).isEqualTo(302);
            assertThat(r.getCookie("SESSION")).isNull();
        }
        assertThat(board("?wall=PROBLEMS")).contains("我也遇到（2）");

        HotTopicList topics = hotTopics.find(pages.actor("fq.supervisor"), HotTopicBoard.period("day"), 20);
        assertThat(topics.topics()).anySatisfy(t -> {
            assertThat(t.cases()).anySatisfy(c -> assertThat(c.id()).isEqualTo(a));
            assertThat(t.votes()).isGreaterThanOrEqualTo(2);
        });

        int status = 0;
        for (int i = 0; i < 25 && status != 429; i++) {
            status = pages.mvc.perform(post("/public/board/" + item + "/metoo").with(csrf()).with(from("10.0.0.3")))
                    .andReturn().getResponse().getStatus();
        }
        assertThat(status).isEqualTo(429);
        assertThat(pages.mvc.perform(post("/public/board/" + item + "/metoo").with(from("10.0.0.4")))
                .andReturn().getResponse().getStatus()).as("without the CSRF token").isEqualTo(403);
    }

    @Test
    void statisticsShowEveryTownshipWithDefinitionsAndHideRatesOverTooFewCases() throws Exception {
        MockHttpServletResponse r = pages.mvc.perform(get("/public/stats")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getHeader("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe");
        String html = r.getContentAsString();
        assertThat(html).contains("枫桥镇").contains("受理量").contains("按期办结率").contains("满意率")
                .contains("指标定义").contains("样本不足");
        String en = pages.mvc.perform(get("/public/stats").param("lang", "en")).andReturn().getResponse()
                .getContentAsString();
        assertThat(en).contains("On-time closure rate").contains("Definitions");
    }
}
