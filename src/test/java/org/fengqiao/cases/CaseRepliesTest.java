package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.aCase;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.TestClock;

/**
 * The reply to the citizen (答复): required when closing a case a citizen brought, kept apart from the summary,
 * interim replies while it is handled, read by other modules through {@link CaseReplies}.
 */
@IntegrationTest
class CaseRepliesTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    CaseReplies replies;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Autowired
    org.fengqiao.support.Pages pages;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clock.reset();
    }

    private long inProgress(String channel) {
        Api.Response r = api.post("fq.intake", "/api/cases", aCase().dispute("NEIGHBOUR").channel(channel).body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        long id = r.get("id").asLong();
        assertThat(api.post("fengyuan.mediator", "/api/cases/" + id + "/accept", Map.of()).status()).isEqualTo(200);
        return id;
    }

    @Test
    void closingACaseACitizenBroughtWithoutAReplyIsRefusedOnTheReplyFieldAndChangesNothing() {
        long id = inProgress("WALK_IN");
        Api.Response refused = api.post("fengyuan.mediator", "/api/cases/" + id + "/close",
                Map.of("outcome", "RESOLVED", "summary", "双方和解"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.get("errors").toString()).as(refused.text()).contains("reply");
        assertThat(api.get("fengyuan.mediator", "/api/cases/" + id).get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(replies.of(id)).isEmpty();
    }

    @Test
    void theFinalReplyIsStoredApartFromTheInternalSummary() {
        long id = inProgress("ONLINE");
        Api.Response closed = api.post("fengyuan.mediator", "/api/cases/" + id + "/close",
                Map.of("outcome", "RESOLVED", "summary", "内部：调解员多次上门", "reply", "您好，排水沟已疏通。"));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(replies.latestFinal(id)).hasValueSatisfying(r -> {
            assertThat(r.text()).isEqualTo("您好，排水沟已疏通。");
            assertThat(r.interim()).isFalse();
            assertThat(r.repliedAt()).isEqualTo(clock.instant());
        });
        assertThat(replies.of(id)).extracting(CaseReply::text).doesNotContain("内部：调解员多次上门");
    }

    @Test
    void interimRepliesComeBeforeTheFinalOneAndAreNotFinal() {
        long id = inProgress("HOTLINE_12345");
        Api.Response interim = api.post("fengyuan.mediator", "/api/cases/" + id + "/replies",
                Map.of("text", "您好，已约双方下周调解。"));
        assertThat(interim.status()).as(interim.text()).isEqualTo(200);
        assertThat(replies.latestFinal(id)).isEmpty();
        clock.advance(java.time.Duration.ofHours(1));
        api.post("fengyuan.mediator", "/api/cases/" + id + "/close",
                Map.of("outcome", "RESOLVED", "summary", "已调解", "reply", "您好，已调解成功。"));
        assertThat(replies.of(id)).extracting(CaseReply::text, CaseReply::interim)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("您好，已约双方下周调解。", true),
                        org.assertj.core.groups.Tuple.tuple("您好，已调解成功。", false));
        assertThat(api.get("fengyuan.mediator", "/api/cases/" + id + "/timeline").text()).contains("CaseReplied");
    }

    @Test
    void anEmptyInterimReplyIsRefusedOnItsField() {
        long id = inProgress("WALK_IN");
        Api.Response refused = api.post("fengyuan.mediator", "/api/cases/" + id + "/replies", Map.of("text", " "));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.get("errors").toString()).contains("text");
        assertThat(replies.of(id)).isEmpty();
    }

    @Test
    void aGridWorkersOwnFindingClosesWithoutAReplyAndTakesNoInterimOne() {
        long id = inProgress("GRID_PATROL");
        assertThat(api.post("fengyuan.mediator", "/api/cases/" + id + "/replies", Map.of("text", "您好")).status())
                .isEqualTo(403);
        Api.Response closed = api.post("fengyuan.mediator", "/api/cases/" + id + "/close",
                Map.of("outcome", "RESOLVED", "summary", "已处理"));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(replies.latestFinal(id)).isEmpty();
    }

    @Test
    void theCloseFormStartsFromTheOutcomesTemplateAndAsksForTheReply() throws Exception {
        long id = inProgress("WALK_IN");
        String html = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/cases/" + id + "?open=CLOSE").with(pages.as("fengyuan.mediator")))
                .andReturn().getResponse().getContentAsString();
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        org.jsoup.nodes.Element reply = page.selectFirst("#form-CLOSE textarea#c-reply[name=reply]");
        assertThat(reply).isNotNull();
        assertThat(reply.hasAttr("required")).isTrue();
        assertThat(page.select("label[for=c-reply]").text()).contains("答复");
        assertThat(reply.text()).isEqualTo(replies.template(Outcome.values()[0], java.util.Locale.SIMPLIFIED_CHINESE));
        assertThat(page.select("#c-outcome option[value=UNFOUNDED]").attr("data-template")).contains("核查");
    }
}
