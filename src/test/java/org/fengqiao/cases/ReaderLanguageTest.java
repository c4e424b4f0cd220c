package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.aCase;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;

/**
 * The sentences the lifecycle stores in Chinese (routing reasons, risk reasons, the sweep's notices) reach each
 * reader in the reader's language: on the case page, in the API by Accept-Language; a sentence typed by a person
 * is shown as typed.
 */
@IntegrationTest
class ReaderLanguageTest {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    Pages pages;

    @Autowired
    StoredSentences sentences;

    @Autowired
    MessageSource messages;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private long aLargeNeighbourDispute() {
        Api.Response r = api.post("fq.intake", "/api/cases", aCase().dispute("NEIGHBOUR").with("peopleInvolved", 60).body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.get("id").asLong();
    }

    private JsonNode read(long id, String language) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases/" + id))
                .header("Authorization", "Bearer " + api.token("fq.intake")).header("Accept-Language", language).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.JSON.readTree(response.body());
    }

    @Test
    void anEnglishReaderOfTheApiReadsTheRoutingAndRiskReasonsInEnglish() throws Exception {
        JsonNode c = read(aLargeNeighbourDispute(), "en");
        assertThat(c.get("routing").get("reason").asString()).startsWith("Rule NEIGHBOUR-V \"").contains("handled by");
        assertThat(c.get("risk").get("reasons").toString())
                .contains("Group matter: 60 people involved: a large group matter").doesNotContain("涉及")
                .as("the rule's name, not its code").doesNotContain("GROUP:");
    }

    @Test
    void aChineseReaderOfTheApiReadsThemInChinese() throws Exception {
        JsonNode c = read(aLargeNeighbourDispute(), "zh-CN");
        assertThat(c.get("routing").get("reason").asString()).startsWith("规则 NEIGHBOUR-V「").contains("承办");
        assertThat(c.get("risk").get("reasons").toString()).contains("群体性事项：涉及60人，属较大规模群体性事项")
                .doesNotContain("GROUP：");
    }

    @Test
    void theCasePageFollowsThePageLanguage() throws Exception {
        long id = aLargeNeighbourDispute();
        String english = mvc.perform(get("/cases/" + id + "?lang=en").with(pages.as("fq.intake"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(english).contains("60 people involved: a large group matter").contains("handled by")
                .doesNotContain("属较大规模群体性事项");
        String chinese = mvc.perform(get("/cases/" + id + "?lang=zh-CN").with(pages.as("fq.intake"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(chinese).contains("涉及60人，属较大规模群体性事项").doesNotContain("a large group matter");
    }

    @Test
    void theSweepsNoticesAndARoutingReasonWithTheTriageNoteReadInEnglish() {
        String chase = messages.getMessage("sweep.notice.chase", new Object[] {"2026-03-02"}, Locale.SIMPLIFIED_CHINESE);
        assertThat(sentences.in(chase, Locale.ENGLISH))
                .isEqualTo("The deadline passed on 2026-03-02: please handle the case now and report back (automatic chase)");
        assertThat(sentences.in(messages.getMessage("sweep.notice.report", null, Locale.SIMPLIFIED_CHINESE),
                Locale.ENGLISH)).isEqualTo("Still not closed after the chase: reported");
        assertThat(sentences.in("没有适用的分派规则，由枫桥镇矛调中心兜底受理（事项类别由智能分类判定为「民事纠纷/邻里纠纷」，置信度87%）",
                Locale.ENGLISH)).isEqualTo("No routing rule applies; 枫桥镇矛调中心 takes the matter"
                + " (category 民事纠纷/邻里纠纷 chosen by automatic classification, confidence 87%)");
        assertThat(sentences.in("OVERDUE：已超过办理期限；DISSATISFIED：群众评价不满意", Locale.ENGLISH))
                .isEqualTo("Overdue: Past the handling deadline; Dissatisfied citizen: The citizen was dissatisfied");
    }

    @Test
    void aSentenceNoBundleWroteIsShownAsStored() {
        assertThat(sentences.in("当事人情绪激动，需要再次回访", Locale.ENGLISH)).isEqualTo("当事人情绪激动，需要再次回访");
        assertThat(sentences.in("已超过办理期限；当事人另有说法", Locale.ENGLISH)).isEqualTo("已超过办理期限；当事人另有说法");
        assertThat(sentences.in("已超过办理期限", Locale.SIMPLIFIED_CHINESE)).isEqualTo("已超过办理期限");
    }
}
