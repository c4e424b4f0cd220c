package org.fengqiao.precedents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.LESHAN;
import static org.fengqiao.support.Cases.aCase;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;

/**
 * 类案: a mediator opening a case sees the closed cases most like it, how they ended and who handled them —
 * only cases of their own jurisdiction, and only while those cases stay closed.
 */
@IntegrationTest
class PrecedentsTest {

    static final String EAVES = "两户因老屋滴水檐越过宅基地界址发生争执";
    static final String EAVES_TEXT = "村民反映，邻居翻建老屋时屋檐伸出，滴水檐的雨水落到自家宅基地上，双方对宅基地界址各执一词，"
            + "多次争吵，要求村调委会依据宅基地使用证确认界址并调解。";

    @LocalServerPort
    int port;

    @Autowired
    Pages pages;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    long closedInFengyuan(String summary) {
        long id = api.post("fq.intake", "/api/cases", aCase().dispute("NEIGHBOUR").inVillage(FENGYUAN).titled(EAVES)
                .describedAs(EAVES_TEXT).body()).get("id").asLong();
        assertThat(api.post("fengyuan.mediator", "/api/cases/" + id + "/accept", null).status()).isEqualTo(200);
        assertThat(api.post("fengyuan.mediator", "/api/cases/" + id + "/mediation-sessions", Map.of(
                "heldAt", "2026-11-19T02:00:00Z", "place", "枫源村调解室", "mediators", "枫源村老娘舅",
                "result", "AGREED")).status()).isEqualTo(200);
        Api.Response closed = api.post("fengyuan.mediator", "/api/cases/" + id + "/close",
                Map.of("outcome", "RESOLVED", "summary", summary, "reply", "您好，已办理，特此答复。"));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        return id;
    }

    long openIn(String village, String user) {
        Api.Response r = api.post(user, "/api/cases", aCase().dispute("NEIGHBOUR").inVillage(village)
                .titled("邻居屋檐滴水落到我家宅基地上引发界址争执").describedAs("邻居老屋的滴水檐伸到我家宅基地上方，"
                        + "雨水都落在我家院子，双方对宅基地界址说法不一，请求调解确认界址。").body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.get("id").asLong();
    }

    @Test
    void aMediatorSeesTheClosestClosedCaseWithItsOutcomeAndWhoHandledIt() {
        long precedent = closedInFengyuan("依据宅基地使用证现场确认界址，邻居改装檐沟，双方握手言和");
        long fresh = openIn(FENGYUAN, "fq.intake");

        JsonNode found = api.get("fengyuan.mediator", "/api/cases/" + fresh + "/similar").json().get("precedents");
        JsonNode first = found.get(0);
        assertThat(first.get("caseId").asLong()).isEqualTo(precedent);
        assertThat(first.get("outcome").asString()).isEqualTo("RESOLVED");
        assertThat(first.get("resolved").asBoolean()).isTrue();
        assertThat(first.get("similarity").asDouble()).isBetween(0.3, 1.0);
        assertThat(first.get("mediators").asString()).isEqualTo("枫源村老娘舅");
        assertThat(first.get("closedBy").asString()).contains("枫源村人民调解委员会");
        assertThat(first.get("summary").asString()).contains("握手言和");
        assertThat(first.get("sharedTerms").toString()).contains("宅基地").contains("滴水檐");
        assertThat(ids(found)).doesNotContain(fresh);
        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i).get("similarity").asDouble()).isLessThanOrEqualTo(
                    found.get(i - 1).get("similarity").asDouble());
        }
    }

    @Test
    void aCaseOutsideTheJurisdictionIsNeverOfferedNorFound() {
        long precedent = closedInFengyuan("界址确认后双方和解");
        long inLeshan = openIn(LESHAN, "leshan.grid");

        assertThat(ids(api.get("leshan.grid", "/api/cases/" + inLeshan + "/similar?limit=20").json()
                .get("precedents"))).doesNotContain(precedent);
        String q = URLEncoder.encode("滴水檐 宅基地 界址", StandardCharsets.UTF_8);
        assertThat(ids(api.get("leshan.grid", "/api/precedents?limit=20&q=" + q).json().get("precedents")))
                .doesNotContain(precedent);
        assertThat(ids(api.get("fengyuan.mediator", "/api/precedents?limit=20&q=" + q).json().get("precedents")))
                .contains(precedent);
        assertThat(api.get("leshan.grid", "/api/cases/" + precedent + "/similar").status()).isEqualTo(404);
    }

    @Test
    void aReopenedCaseIsNoLongerOfferedAsAPrecedent() {
        long precedent = closedInFengyuan("已调解");
        long fresh = openIn(FENGYUAN, "fq.intake");
        assertThat(ids(api.get("fengyuan.mediator", "/api/cases/" + fresh + "/similar?limit=20").json()
                .get("precedents"))).contains(precedent);

        api.post("fq.intake", "/api/cases/" + precedent + "/evaluation", Map.of("rating", "DISSATISFIED",
                "comment", "檐沟还是漏水"));
        assertThat(api.post("fq.supervisor", "/api/cases/" + precedent + "/review", Map.of("reopen", true,
                "reason", "重新办理")).status()).isEqualTo(200);

        assertThat(ids(api.get("fengyuan.mediator", "/api/cases/" + fresh + "/similar?limit=20").json()
                .get("precedents"))).doesNotContain(precedent);
    }

    @Test
    void anEmptyOrOverlongSearchIsRefusedWithAReason() {
        Api.Response empty = api.get("fengyuan.mediator", "/api/precedents?q=");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text()).contains("请输入检索内容");
        Api.Response tooLong = api.get("fengyuan.mediator", "/api/precedents?q=" + "纠".repeat(201));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text()).contains("200");
    }

    @Test
    void theCasePageLoadsThePanelAndTheSearchPageListsMatches() throws Exception {
        long precedent = closedInFengyuan("界址确认，双方和解");
        long fresh = openIn(FENGYUAN, "fq.intake");
        String detail = pages.mvc.perform(get("/cases/" + fresh).with(pages.as("fengyuan.mediator"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(detail).contains("类案参考").contains("/cases/" + fresh + "/similar");
        String panel = pages.mvc.perform(get("/cases/" + fresh + "/similar").with(pages.as("fengyuan.mediator")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(panel).contains("data-case=\"" + precedent + "\"").contains("化解成功").contains("相似度")
                .contains("枫源村老娘舅");
        String search = pages.mvc.perform(get("/precedents").param("q", "滴水檐 界址")
                .with(pages.as("fengyuan.mediator"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(search).contains("data-case=\"" + precedent + "\"");
        String refused = pages.mvc.perform(get("/precedents").param("q", "纠".repeat(201))
                .with(pages.as("fengyuan.mediator"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("不能超过 200 个字");
    }

    static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(p -> ids.add(p.get("caseId").asLong()));
        return ids;
    }
}
