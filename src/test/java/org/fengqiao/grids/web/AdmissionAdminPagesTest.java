package org.fengqiao.grids.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

import org.fengqiao.organisation.UnitKind;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.routing.Router;
import org.fengqiao.routing.RoutingQuery;
import org.fengqiao.routing.RoutingRule;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;

/**
 * 网格事项准入 on the administration pages: the list with its criteria and basis, adding an entry (audited),
 * removing it after a confirmation — and routing follows each change at once. Bad entries are refused next to the
 * field, nothing written.
 */
@IntegrationTest
class AdmissionAdminPagesTest {

    static final String FENGYUAN = "330681109290";

    @Autowired
    WebApplicationContext context;

    @Autowired
    Router router;

    @Autowired
    JdbcClient jdbc;

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(context);
    }

    @Test
    void listsTheAdmittedMattersWithCriteriaBasisAndConfirmedRemoval() throws Exception {
        String html = html("/admin/admission");
        assertThat(html).contains("网格事项准入").contains("NEIGHBOUR").contains("邻里纠纷")
                .contains("纠纷类型：邻里纠纷").contains("小事不出村").contains("href=\"/admin/admission\"")
                .contains("/admin/admission/NEIGHBOUR/remove")
                .contains("data-confirm=\"确定把“邻里纠纷”移出准入清单吗？");
        assertThat(html("/admin/admission?lang=en")).contains("Matters admitted to grids and villages")
                .contains("Remove from list");
        assertThat(pages.mvc.perform(get("/admin/admission").with(pages.as("fq.dispatcher"))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void routingFollowsAMatterAddedAndRemovedOnThePage() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000L);
        RoutingRule rule = router.create(new RoutingRule(0, "TEST-ADMIT-V" + suffix, "消费纠纷由村调委会调解（测试）", null,
                null, "CONSUMER", null, RegionLevel.VILLAGE, UnitKind.MEDIATION_COMMITTEE, 1, true));
        String code = "TEST-CONSUMER-" + suffix;
        RoutingQuery consumer = new RoutingQuery("DISPUTE", null, "CONSUMER", DivisionCode.of(FENGYUAN));
        try {
            assertThat(router.route(consumer).orElseThrow().ruleCode()).isNotEqualTo(rule.code());

            MvcResult added = pages.mvc.perform(post("/admin/admission").param("code", code)
                    .param("name", "消费纠纷（测试）").param("kind", "DISPUTE").param("disputeType", "CONSUMER")
                    .param("basis", "村内小额消费纠纷就地调解").with(pages.as("admin")).with(csrf())).andReturn();
            assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/admin/admission");
            assertThat(added.getFlashMap().get("success")).isEqualTo("已将“消费纠纷（测试）”加入准入清单。");
            assertThat(router.route(consumer).orElseThrow().ruleCode()).isEqualTo(rule.code());
            assertThat(jdbc.sql("select count(*) from audit_log where subject = ?").param("admission:" + code)
                    .query(Long.class).single()).isEqualTo(1);

            MvcResult removed = pages.mvc.perform(post("/admin/admission/" + code + "/remove")
                    .with(pages.as("admin")).with(csrf())).andReturn();
            assertThat(removed.getFlashMap().get("success")).isEqualTo("已将“消费纠纷（测试）”移出准入清单。");
            assertThat(router.admission().find(code)).isEmpty();
            assertThat(router.route(consumer).orElseThrow().ruleCode()).isNotEqualTo(rule.code());
            assertThat(html("/admin/admission")).doesNotContain(code);
        } finally {
            router.setActive(rule.code(), false);
            router.admission().find(code).ifPresent(e -> router.admission().remove(code));
        }
    }

    @Test
    void refusesBadEntriesNextToTheFieldAndWritesNothing() throws Exception {
        assertThat(create("bad code", "名称", "DISPUTE", "CONSUMER"))
                .containsPattern(Pages.invalid("code", "请填写代码"));
        assertThat(create("NEIGHBOUR", "名称", "DISPUTE", "NEIGHBOUR")).contains("代码 NEIGHBOUR 已在准入清单中");
        assertThat(create("TEST-NO-CRITERIA", "名称", "", "")).contains("请至少选择一个条件");
        assertThat(create("TEST-BAD-DISPUTE", "名称", "", "NOPE")).containsPattern(Pages.invalid("disputeType", "纠纷类型不存在。"));
        assertThat(router.admission().find("TEST-NO-CRITERIA")).isEmpty();
        assertThat(router.admission().find("TEST-BAD-DISPUTE")).isEmpty();
    }

    private String create(String code, String name, String kind, String disputeType) throws Exception {
        return pages.mvc.perform(post("/admin/admission").param("code", code).param("name", name).param("kind", kind)
                        .param("disputeType", disputeType).with(pages.as("admin")).with(csrf())).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String html(String url) throws Exception {
        return pages.mvc.perform(get(url).with(pages.as("admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
