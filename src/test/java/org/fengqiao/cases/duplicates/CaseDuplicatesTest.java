package org.fengqiao.cases.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.LESHAN;
import static org.fengqiao.support.Cases.aCase;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

import tools.jackson.databind.JsonNode;


import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;

/**
 * 重复件: a second report of an open matter is flagged at intake with the reasons, only among the cases the
 * officer may see, and a dispatcher merges it from the case page.
 */
@IntegrationTest
class CaseDuplicatesTest {

    static final AtomicInteger PHONE = new AtomicInteger((int) (System.nanoTime() % 90_000_000));

    @LocalServerPort
    int port;

    @Autowired
    Pages pages;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    /** A matter no demo case speaks of, with a phone number of its own per test. */
    Api.Response report(String user, String village, String title, String phone) {
        Api.Response r = api.post(user, "/api/cases", aCase().kind("COMPLAINT").inVillage(village).titled(title)
                .describedAs("村口祠堂门前那棵古樟树的枝干已经断裂，悬在村道上方，随时可能砸到过往行人和车辆，"
                        + "请尽快派人修剪古樟树并设置警示。")
                .party("APPLICANT", "王五", phone, null).body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r;
    }

    static String phone() {
        return "139" + String.format("%08d", PHONE.incrementAndGet() % 100_000_000);
    }

    @Test
    void aSecondReportOfAnOpenMatterIsFlaggedAtIntakeWithTheReasons() {
        String phone = phone();
        long first = report("fq.intake", FENGYUAN, "祠堂门前古樟树枝干断裂悬在村道上方", phone).get("id").asLong();
        Api.Response second = report("fq.intake", FENGYUAN, "古樟树断枝悬在村道上方有安全隐患", phone);

        JsonNode dup = second.get("possibleDuplicates").get(0);
        assertThat(dup.get("caseId").asLong()).isEqualTo(first);
        assertThat(dup.get("score").asDouble()).isBetween(0.35, 1.0);
        assertThat(codes(dup)).contains("TEXT_SIMILAR", "SAME_PARTY", "WITHIN_WINDOW");
        assertThat(dup.get("reasons").get(0).get("text").asString()).isNotBlank();
        assertThat(dup.get("sharedWords").toString()).contains("樟树").contains("祠堂");
        assertThat(ids(api.get("fq.dispatcher", "/api/cases/" + first + "/duplicates").json()))
                .contains(second.get("id").asLong());
    }

    @Test
    void aRepeatedReportFromAnotherCitizenIsFoundByItsWordsAloneUntilTheFirstIsClosed() {
        String description = "镇东头新建的烧烤摊每晚油烟直排进楼道，住户窗户不敢开，油烟还熏黑了外墙，请城管处理烧烤油烟。";
        long first = api.post("fq.intake", "/api/cases", aCase().kind("COMPLAINT").inVillage(FENGYUAN).manualDispatch()
                .titled("烧烤摊油烟直排楼道熏黑外墙").describedAs(description)
                .party("APPLICANT", "赵六", phone(), null).body()).get("id").asLong();
        Api.Response second = api.post("fq.intake", "/api/cases", aCase().kind("COMPLAINT").inVillage(FENGYUAN)
                .manualDispatch().titled("楼下烧烤摊油烟直排熏黑外墙").describedAs(description)
                .party("APPLICANT", "钱七", phone(), null).body());
        assertThat(codes(second.get("possibleDuplicates").get(0))).contains("TEXT_SIMILAR")
                .doesNotContain("SAME_PARTY");
        assertThat(ids(second.get("possibleDuplicates"))).contains(first);

        assertThat(api.post("fq.intake", "/api/cases/" + first + "/close",
                java.util.Map.of("outcome", "REJECTED", "summary", "已转城管执法处理", "reply", "您好，已办理，特此答复。")).status()).isEqualTo(200);
        long secondId = second.get("id").asLong();
        assertThat(ids(api.get("fq.intake", "/api/cases/" + secondId + "/duplicates").json())).doesNotContain(first);
    }

    @Test
    void theCasePagesPanelShowsTheDuplicateWithItsReasonsAndAMergeFormOnlyToThoseWhoMayMerge() {
        String phone = phone();
        long first = report("fq.intake", FENGYUAN, "村口水塘护栏倒塌孩子放学经过很危险", phone).get("id").asLong();
        long second = report("fq.intake", FENGYUAN, "水塘护栏倒塌孩子经过有落水危险", phone).get("id").asLong();

        org.fengqiao.support.SessionClient.Page panel = org.fengqiao.support.SessionClient
                .signedInAs(port, "fq.dispatcher").get("/cases/" + second + "/duplicates");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.html()).contains("data-case=\"" + first + "\"", "护栏", "/cases/" + second + "/actions/MERGE");
        org.fengqiao.support.SessionClient.Page gridWorker = org.fengqiao.support.SessionClient
                .signedInAs(port, "fengyuan.grid").get("/cases/" + second + "/duplicates");
        assertThat(gridWorker.html()).as("the village's grid worker sees it but does not merge")
                .contains("data-case=\"" + first + "\"").doesNotContain("/actions/MERGE");

        org.fengqiao.support.SessionClient.Page elsewhere = org.fengqiao.support.SessionClient
                .signedInAs(port, "leshan.grid").get("/cases/" + second + "/duplicates");
        assertThat(elsewhere.status()).as("another village learns nothing of the case").isEqualTo(404);
        assertThat(elsewhere.html()).doesNotContain("护栏");
    }

    @Test
    void anUnrelatedRequestIsNotFlagged() {
        long first = report("fq.intake", FENGYUAN, "祠堂门前古樟树枝干断裂悬在村道上方", phone()).get("id").asLong();
        Api.Response other = api.post("fq.intake", "/api/cases", aCase().kind("CONSULTATION").inVillage(FENGYUAN)
                .titled("咨询新农合医保缴费时间").describedAs("想问今年城乡居民医保什么时候开始缴费，缴费标准是多少。").body());
        assertThat(ids(other.get("possibleDuplicates"))).doesNotContain(first);
    }

    @Test
    void aDuplicateInAnotherVillageIsNeverShownToItsNeighbours() {
        long inFengyuan = report("fq.intake", FENGYUAN, "祠堂门前古樟树枝干断裂悬在村道上方", phone()).get("id").asLong();
        Api.Response inLeshan = report("leshan.grid", LESHAN, "祠堂门前古樟树枝干断裂悬在村道上方", phone());

        assertThat(ids(inLeshan.get("possibleDuplicates"))).doesNotContain(inFengyuan);
        long leshanCase = inLeshan.get("id").asLong();
        assertThat(ids(api.get("leshan.grid", "/api/cases/" + leshanCase + "/duplicates").json()))
                .doesNotContain(inFengyuan);
        assertThat(ids(api.get("fq.intake", "/api/cases/" + leshanCase + "/duplicates").json())).contains(inFengyuan);
        assertThat(api.get("leshan.grid", "/api/cases/" + inFengyuan + "/duplicates").status()).isEqualTo(404);
    }

    @Test
    void aDispatcherMergesFromTheCasePageAndAMergedCaseIsNoLongerACandidate() throws Exception {
        String phone = phone();
        Api.Response first = report("fq.intake", FENGYUAN, "祠堂门前古樟树枝干断裂悬在村道上方", phone);
        long second = report("fq.intake", FENGYUAN, "古樟树断枝悬在村道上方有安全隐患", phone).get("id").asLong();

        String panel = pages.mvc.perform(get("/cases/" + second + "/duplicates").with(pages.as("fq.dispatcher")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(panel).contains("data-case=\"" + first.get("id").asLong() + "\"").contains("并入此件")
                .contains("内容相似度").contains("同一当事人");
        pages.mvc.perform(post("/cases/" + second + "/actions/MERGE").with(pages.as("fq.dispatcher"))
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("masterCode", first.get("trackingCode").asString())
                .param("reason", "智能查重提示为同一事项，经人工确认合并"));
        assertThat(api.get("fq.dispatcher", "/api/cases/" + second).get("status").asString()).isEqualTo("MERGED");

        Api.Response third = report("fq.intake", FENGYUAN, "古樟树枝干断裂砸人隐患", phone);
        assertThat(ids(third.get("possibleDuplicates"))).contains(first.get("id").asLong()).doesNotContain(second);
    }

    static List<String> codes(JsonNode duplicate) {
        List<String> codes = new ArrayList<>();
        duplicate.get("reasons").forEach(r -> codes.add(r.get("code").asString()));
        return codes;
    }

    static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(d -> ids.add(d.get("caseId").asLong()));
        return ids;
    }
}
