package org.fengqiao.deadlines.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

import org.fengqiao.deadlines.DeadlinePolicy;
import org.fengqiao.deadlines.DeadlinePolicy.DurationUnit;
import org.fengqiao.deadlines.DeadlineStep;
import org.fengqiao.deadlines.DeadlineSubject;
import org.fengqiao.deadlines.Deadlines;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;

/**
 * Administrators see the deadline policies of every step, add a narrower one and change its duration,
 * description and activity; bad values are refused next to the field and a step's default stays on.
 */
@IntegrationTest
class DeadlineAdminPagesTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Deadlines deadlines;

    Pages pages;
    String code;

    @BeforeEach
    void setUp() {
        pages = new Pages(context);
        code = "TEST_LETTER_SUGGESTION_" + (System.nanoTime() % 1_000_000L);
    }

    @Test
    void listsThePoliciesOfEveryStep() throws Exception {
        String html = html(get("/admin/deadlines"));
        assertThat(html).contains("签收").contains("办结").contains("延期上限").contains("HANDLE_DEFAULT")
                .contains("13 个工作日").contains("事项类型：咨询").contains("默认（其他所有事项）")
                .contains("投诉、举报等13个工作日内办结");
        assertThat(html.indexOf("step-ACCEPT")).isLessThan(html.indexOf("step-HANDLE"));
    }

    @Test
    void addsANarrowerPolicyThatDecidesAndChangesIt() throws Exception {
        DeadlineSubject letterSuggestion = new DeadlineSubject("LETTER_EMAIL", "SUGGESTION", null, false);
        assertThat(html(get("/admin/deadlines/new").param("from", "HANDLE_DEFAULT")))
                .contains("value=\"13\"").contains("<option value=\"HANDLE\" selected=\"selected\"");
        try {
            MvcResult created = pages.mvc.perform(post("/admin/deadlines/new").param("code", code).param("step", "HANDLE")
                    .param("channel", "LETTER_EMAIL").param("kind", "SUGGESTION").param("amount", "20")
                    .param("unit", "WORKING_DAYS").param("description", "来信提出的建议20个工作日内答复")
                    .with(pages.as("admin")).with(csrf())).andReturn();
            assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/deadlines");
            assertThat(deadlines.policyFor(DeadlineStep.HANDLE, letterSuggestion).code()).isEqualTo(code);

            pages.mvc.perform(post("/admin/deadlines/" + code).param("amount", "10").param("unit", "CALENDAR_DAYS")
                    .param("description", "来信建议10日内答复").param("active", "true").with(pages.as("admin")).with(csrf()));
            DeadlinePolicy changed = deadlines.find(code).orElseThrow();
            assertThat(changed.amount()).isEqualTo(10);
            assertThat(changed.unit()).isEqualTo(DurationUnit.CALENDAR_DAYS);
            assertThat(changed.description()).isEqualTo("来信建议10日内答复");
            assertThat(html(get("/admin/deadlines"))).contains(code).contains("10 日");

            pages.mvc.perform(post("/admin/deadlines/" + code).param("amount", "10").param("unit", "CALENDAR_DAYS")
                    .param("description", "来信建议10日内答复").with(pages.as("admin")).with(csrf()));
            assertThat(deadlines.find(code).orElseThrow().active()).isFalse();
            assertThat(deadlines.policyFor(DeadlineStep.HANDLE, letterSuggestion).code()).isEqualTo("HANDLE_DEFAULT");
        } finally {
            deadlines.find(code).filter(DeadlinePolicy::active).ifPresent(p -> deadlines.update(code, p.amount(),
                    p.unit(), p.limitCount(), p.description(), false));
        }
    }

    @Test
    void refusesBadValuesNextToTheFieldAndKeepsTheDefaultOn() throws Exception {
        assertThat(body(post("/admin/deadlines/HANDLE_DEFAULT").param("amount", "abc").param("unit", "WORKING_DAYS")
                .param("description", "x").param("active", "true")))
                .containsPattern(Pages.invalid("amount", "请填写0至3650之间的整数。"));
        assertThat(body(post("/admin/deadlines/HANDLE_DEFAULT").param("amount", "-1").param("unit", "WORKING_DAYS")
                .param("description", "x").param("active", "true"))).contains("时限须在0至3650之间。");
        assertThat(body(post("/admin/deadlines/HANDLE_DEFAULT").param("amount", "13").param("unit", "WORKING_DAYS")
                .param("description", " ").param("active", "true"))).contains("说明不能为空");
        assertThat(body(post("/admin/deadlines/HANDLE_DEFAULT").param("amount", "13").param("unit", "WORKING_DAYS")
                .param("description", "投诉、举报等13个工作日内办结"))).contains("各环节的默认时限规则不能停用。");
        assertThat(body(post("/admin/deadlines/new").param("code", code).param("step", "HANDLE").param("amount", "5")
                .param("unit", "WORKING_DAYS").param("description", "没有限定条件")))
                .contains("新增的时限规则须至少限定渠道、类别、分类或紧急程度之一。");
        assertThat(body(post("/admin/deadlines/new").param("code", "bad code").param("step", "HANDLE")
                .param("kind", "HELP").param("amount", "5").param("unit", "WORKING_DAYS").param("description", "说明")))
                .containsPattern(Pages.invalid("code", "规则代码须为2至60位大写字母"));
        DeadlinePolicy handleDefault = deadlines.find("HANDLE_DEFAULT").orElseThrow();
        assertThat(handleDefault.amount()).isEqualTo(13);
        assertThat(handleDefault.active()).isTrue();
        assertThat(deadlines.find(code)).isEmpty();
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return pages.mvc.perform(request.with(pages.as("admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return html(request.with(csrf()));
    }
}
