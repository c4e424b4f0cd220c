package org.fengqiao.routing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

import org.fengqiao.routing.Router;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;

/**
 * Administrators see the routing rules with their criteria, try them out on a matter, add a rule and switch
 * rules off and on; bad rules are refused next to the field.
 */
@IntegrationTest
class RoutingAdminPagesTest {

    static final String FENGYUAN = "330681109290";

    @Autowired
    WebApplicationContext context;

    @Autowired
    Router router;

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(context);
    }

    @Test
    void listsTheRulesWithTheirCriteriaAndTriesThemOnAMatter() throws Exception {
        String html = html("/admin/routing?kind=DISPUTE&disputeType=NEIGHBOUR&region=" + FENGYUAN);
        assertThat(html).contains("NEIGHBOUR-V").contains("邻里纠纷由村（社区）调委会就地调解").contains("纠纷类型：邻里纠纷")
                .contains("村（社区） · 人民调解委员会");
        assertThat(decision(html)).contains("由 枫源村人民调解委员会 承办").contains("NEIGHBOUR-V");
        assertThat(decision(html("/admin/routing?kind=SUGGESTION&region=" + FENGYUAN)))
                .contains("CENTRE-FALLBACK").contains("兜底");
    }

    @Test
    void aNewRuleDecidesUntilItIsSwitchedOff() throws Exception {
        String code = "TEST-SUGGESTION-" + (System.nanoTime() % 1_000_000L);
        try {
            MvcResult created = pages.mvc.perform(post("/admin/routing/new").param("code", code)
                    .param("name", "枫源村的建议由村调委会汇总").param("kind", "SUGGESTION").param("regionPrefix", FENGYUAN)
                    .param("level", "VILLAGE").param("unitKind", "MEDIATION_COMMITTEE").param("priority", "50")
                    .with(pages.as("admin")).with(csrf())).andReturn();
            assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/routing");
            assertThat(created.getFlashMap().get("success")).isEqualTo("已创建分派规则 " + code + "。");
            assertThat(decision(html("/admin/routing?kind=SUGGESTION&region=" + FENGYUAN)))
                    .contains("枫源村人民调解委员会").contains(code);

            pages.mvc.perform(post("/admin/routing/" + code + "/active").param("active", "false")
                    .with(pages.as("admin")).with(csrf()));
            assertThat(router.find(code).orElseThrow().active()).isFalse();
            assertThat(decision(html("/admin/routing?kind=SUGGESTION&region=" + FENGYUAN))).contains("CENTRE-FALLBACK");
        } finally {
            router.find(code).filter(r -> r.active()).ifPresent(r -> router.setActive(code, false));
        }
    }

    @Test
    void refusesBadRulesNextToTheField() throws Exception {
        assertThat(create("bad code", "名称", "DISPUTE", null)).containsPattern(Pages.invalid("code", "规则代码须为"));
        assertThat(create("NEIGHBOUR-V", "名称", "DISPUTE", null)).contains("分派规则代码 NEIGHBOUR-V 已存在。");
        assertThat(create("TEST-NO-CRITERIA", "名称", "", null)).contains("分派规则须至少限定事项类别、分类或纠纷类型之一。");
        assertThat(create("TEST-BAD-DISPUTE", "名称", "", "NOPE"))
                .containsPattern(Pages.invalid("disputeType", "纠纷类型不存在。"));
        assertThat(router.find("TEST-NO-CRITERIA")).isEmpty();
        assertThat(html("/admin/routing?kind=DISPUTE&region=330681109999")).contains("区划代码不存在。").doesNotContain("330681109999 不存在");
    }

    private String create(String code, String name, String kind, String disputeType) throws Exception {
        var request = post("/admin/routing/new").param("code", code).param("name", name).param("kind", kind)
                .param("level", "VILLAGE").param("unitKind", "MEDIATION_COMMITTEE");
        if (disputeType != null) {
            request.param("disputeType", disputeType);
        }
        return pages.mvc.perform(request.with(pages.as("admin")).with(csrf())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String html(String url) throws Exception {
        return pages.mvc.perform(get(url).with(pages.as("admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String decision(String html) {
        int start = html.indexOf("id=\"decision\"");
        assertThat(start).as("a decision in the page").isPositive();
        return html.substring(start, html.indexOf("</form>", start));
    }
}
