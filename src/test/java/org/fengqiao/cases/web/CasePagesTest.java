package org.fengqiao.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.aCase;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;

/**
 * The workbench pages and their forms: what they show, what they accept and what they refuse, with the
 * messages a user sees.
 */
@IntegrationTest
class CasePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Pages pages;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    Document page(String user, String path) throws Exception {
        MvcResult r = mvc.perform(get(path).with(pages.as(user))).andExpect(status().isOk()).andReturn();
        return Jsoup.parse(r.getResponse().getContentAsString());
    }

    long register(String user, java.util.Map<String, Object> body) {
        Api.Response r = api.post(user, "/api/cases", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.get("id").asLong();
    }

    long cases() {
        return jdbc.sql("select count(*) from cases").query(Long.class).single();
    }

    @Test
    void theLoginPageAsksForCredentialsAndSaysWhenTheyAreWrong() throws Exception {
        Document login = Jsoup.parse(mvc.perform(get("/login")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(login.select("input#username")).hasSize(1);
        assertThat(login.select("input[name=_csrf]")).hasSize(1);
        Document failed = Jsoup.parse(mvc.perform(get("/login?error")).andReturn().getResponse().getContentAsString());
        assertThat(failed.select(".alert-danger").text()).contains("用户名或密码不正确");
    }

    @Test
    void pagesNeedALogin() throws Exception {
        mvc.perform(get("/workbench")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aPanelFetchedAfterTheSessionEndedSendsTheWholePageToTheLogin() throws Exception {
        MvcResult r = mvc.perform(get("/cases/1/duplicates").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("HX-Redirect", "/login")).andReturn();
        jakarta.servlet.http.HttpSession session = r.getRequest().getSession(false);
        assertThat(session == null ? null : session.getAttribute("SPRING_SECURITY_SAVED_REQUEST"))
                .as("after logging in the user is not sent to the panel's fragment").isNull();
    }

    @Test
    void theWorkbenchCountsWhatWaitsForTheUser() throws Exception {
        long id = register("fq.intake", aCase().kind("COMPLAINT").titled("工作台测试：待分派").manualDispatch().body());
        Document wb = page("fq.dispatcher", "/workbench");
        long toDispatch = Long.parseLong(wb.select("[data-tray=TO_DISPATCH] .count").text());
        assertThat(toDispatch).isEqualTo(jdbc.sql("select count(*) from cases c join unit u on u.id = c.owner_unit "
                + "where c.status = 'REGISTERED' and u.code = 'FQ-ZZZX'").query(Long.class).single());
        Document tray = page("fq.dispatcher", "/cases?tray=TO_DISPATCH");
        assertThat(tray.select("a[href=/cases/" + id + "]")).isNotEmpty();
    }

    @Test
    void theListFiltersAndAnswersHtmxWithTheTableAlone() throws Exception {
        String title = "列表测试" + System.nanoTime();
        long dispute = register("fq.intake", aCase().dispute("NEIGHBOUR").titled(title + "纠纷").body());
        long consultation = register("fq.intake", aCase().kind("CONSULTATION").titled(title + "咨询").body());
        Document disputes = page("fq.intake", "/cases?kind=DISPUTE&q=" + title);
        assertThat(disputes.select("a[href=/cases/" + dispute + "]")).isNotEmpty();
        assertThat(disputes.select("a[href=/cases/" + consultation + "]")).isEmpty();
        String fragment = mvc.perform(get("/cases?q=" + title).header("HX-Request", "true").with(pages.as("fq.intake")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("id=\"results\"").doesNotContain("<nav");
        assertThat(Jsoup.parse(fragment).select("#results a[href=/cases/" + consultation + "]")).isNotEmpty();
    }

    @Test
    void aListViewCanBeSavedAndOpenedAgain() throws Exception {
        mvc.perform(post("/cases/views").param("name", "本镇超期").param("query", "overdue=true&sort=DUE_ASC")
                        .with(pages.as("fq.dispatcher")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("success"));
        Document list = page("fq.dispatcher", "/cases");
        assertThat(list.select("a:containsOwn(本镇超期)").attr("href")).isEqualTo("/cases?overdue=true&sort=DUE_ASC");
        mvc.perform(post("/cases/views").param("name", " ").param("query", "x=1").with(pages.as("fq.dispatcher"))
                .with(csrf())).andExpect(flash().attribute("error", "视图名称不能为空，且不超过40个字。"));
    }

    @Test
    void theIntakeFormRegistersACaseAndShowsItsTrackingCode() throws Exception {
        long before = cases();
        MvcResult r = mvc.perform(post("/cases/new").with(pages.as("fq.intake")).with(csrf())
                        .param("channel", "WALK_IN").param("kind", "DISPUTE").param("disputeType", "NEIGHBOUR")
                        .param("title", "表单登记测试").param("description", "两户因晾衣杆越界发生争执")
                        .param("regionCode", "330681109290").param("parties[0].role", "APPLICANT")
                        .param("parties[0].name", "周八").param("parties[0].phone", "13600001111"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(cases()).isEqualTo(before + 1);
        String registered = r.getResponse().getRedirectedUrl();
        Document done = page("fq.intake", registered);
        assertThat(done.select("#tracking-code").text()).matches("330681-\\d{8}-\\d{6,}-[0-9X]");
        assertThat(done.text()).contains("枫源村人民调解委员会");
    }

    @Test
    void theIntakeFormKeepsWhatWasTypedAndSaysWhatIsWrong() throws Exception {
        long before = cases();
        String html = mvc.perform(post("/cases/new").with(pages.as("fq.intake")).with(csrf())
                        .param("channel", "WALK_IN").param("kind", "COMPLAINT").param("title", "")
                        .param("description", "内容已填写").param("regionCode", "330681109290"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document form = Jsoup.parse(html);
        assertThat(form.select("#form-error").text()).contains("标题");
        assertThat(form.select("textarea#description").text()).isEqualTo("内容已填写");
        String badRegion = mvc.perform(post("/cases/new").with(pages.as("fq.intake")).with(csrf())
                        .param("channel", "WALK_IN").param("kind", "COMPLAINT").param("title", "标题")
                        .param("description", "内容").param("regionCode", "330681109999"))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(badRegion).select("#form-error").text()).contains("区划代码不存在");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        long before = cases();
        mvc.perform(post("/cases/new").with(pages.as("fq.intake")).param("channel", "WALK_IN").param("kind", "HELP")
                .param("title", "t").param("description", "d").param("regionCode", "330681109290"))
                .andExpect(status().isForbidden());
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void theCasePageOffersOnlyTheActionsTheUserMayTake() throws Exception {
        long id = register("fq.intake", aCase().dispute("NEIGHBOUR").body());
        Document mediator = page("fengyuan.mediator", "/cases/" + id);
        assertThat(mediator.select("[data-action]").eachAttr("data-action")).contains("ACCEPT", "RETURN")
                .doesNotContain("ASSIGN", "SUPERVISE");
        Document supervisor = page("fq.supervisor", "/cases/" + id);
        assertThat(supervisor.select("[data-action]").eachAttr("data-action")).contains("SUPERVISE")
                .doesNotContain("ACCEPT");
    }

    @Test
    void anActionFormDoesWhatItSaysOrExplainsWhyNot() throws Exception {
        long id = register("fq.intake", aCase().dispute("NEIGHBOUR").body());
        mvc.perform(post("/cases/" + id + "/actions/RETURN").with(pages.as("fengyuan.mediator")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "「退回」未完成：理由 不能为空"));
        mvc.perform(post("/cases/" + id + "/actions/ACCEPT").with(pages.as("fengyuan.mediator")).with(csrf())
                        .param("note", "收到"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "已签收。"));
        mvc.perform(post("/cases/" + id + "/actions/ACCEPT").with(pages.as("fengyuan.mediator")).with(csrf()))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("办理中")));
        assertThat(api.get("fq.intake", "/api/cases/" + id).get("status").asString()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void anActionFormIsFetchedWhenPickedAndRefusedOnceTheCaseHasMovedOn() throws Exception {
        long id = register("fq.intake", aCase().dispute("NEIGHBOUR").body());
        Document detail = page("fengyuan.mediator", "/cases/" + id);
        assertThat(detail.select("form[id^=form-]")).as("forms are fetched on demand").isEmpty();
        assertThat(detail.select("[data-action=ACCEPT]").attr("hx-get")).isEqualTo("/cases/" + id + "/forms/ACCEPT");

        Document form = Jsoup.parse(mvc.perform(get("/cases/" + id + "/forms/RETURN").with(pages.as("fengyuan.mediator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(form.select("form#form-RETURN").attr("action")).isEqualTo("/cases/" + id + "/actions/RETURN");
        assertThat(form.select("form#form-RETURN textarea[name=reason][required]")).hasSize(1);

        mvc.perform(post("/cases/" + id + "/actions/ACCEPT").with(pages.as("fengyuan.mediator")).with(csrf()))
                .andExpect(flash().attribute("success", "已签收。"));
        String refused = mvc.perform(get("/cases/" + id + "/forms/ACCEPT").with(pages.as("fengyuan.mediator")))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(refused).text()).contains("办理中").contains("签收").contains("刷新页面");
        assertThat(Jsoup.parse(refused).select("form")).isEmpty();

        mvc.perform(get("/cases/" + id + "/forms/CLOSE").with(pages.as("leshan.grid"))).andExpect(status().isNotFound());
        mvc.perform(get("/cases/" + id + "/forms/NOT_AN_ACTION").with(pages.as("fengyuan.mediator")))
                .andExpect(status().is4xxClientError());
    }

    /** Every action button on the page, for this user, fetches a form that posts that action. */
    java.util.Set<String> formsOffered(String user, long id) throws Exception {
        java.util.Set<String> actions = new java.util.TreeSet<>(page(user, "/cases/" + id).select("[data-action]")
                .eachAttr("data-action"));
        for (String action : actions) {
            String html = mvc.perform(get("/cases/" + id + "/forms/" + action).with(pages.as(user)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            Document form = Jsoup.parse(html);
            assertThat(form.select("form#form-" + action).attr("action")).as(user + " " + action)
                    .isEqualTo("/cases/" + id + "/actions/" + action);
            assertThat(form.select("form#form-" + action + " button[type=submit]")).as(action).hasSize(1);
        }
        return actions;
    }

    @Test
    void everyActionOfferedAlongTheLoopHasAForm() throws Exception {
        java.util.Set<String> seen = new java.util.TreeSet<>();
        long waiting = register("fq.intake", aCase().kind("COMPLAINT").body());
        seen.addAll(formsOffered("fq.dispatcher", waiting));
        assertThat(seen).contains("TRIAGE", "ASSIGN", "MERGE", "ESCALATE");

        long id = register("fq.intake", aCase().dispute("CONTRACT_DEBT").body());
        seen.addAll(formsOffered("fq.justice", id));
        seen.addAll(formsOffered("fq.supervisor", id));
        api.post("fq.justice", "/api/cases/" + id + "/accept", null);
        seen.addAll(formsOffered("fq.justice", id));
        String until = org.fengqiao.deadlines.Deadlines.lastDayOf(java.time.Instant.parse(api.get("fq.justice",
                "/api/cases/" + id).get("deadlines").get("handleDueAt").asString())).plusDays(5).toString();
        assertThat(api.post("fq.justice", "/api/cases/" + id + "/extension-requests",
                java.util.Map.of("until", until, "reason", "需等待鉴定")).status()).isEqualTo(200);
        seen.addAll(formsOffered("fq.supervisor", id));
        api.post("fq.justice", "/api/cases/" + id + "/close", java.util.Map.of("outcome", "RESOLVED", "summary", "已调解", "reply", "您好，已办理，特此答复。"));
        seen.addAll(formsOffered("fq.intake", id));
        seen.addAll(formsOffered("fq.justice", id));
        api.post("fq.intake", "/api/cases/" + id + "/evaluation", java.util.Map.of("rating", "DISSATISFIED"));
        seen.addAll(formsOffered("fq.supervisor", id));

        assertThat(seen).contains("ACCEPT", "RETURN", "TRANSFER", "RECORD_MEDIATION", "ADD_JOINT_UNIT",
                "REQUEST_EXTENSION", "DECIDE_EXTENSION", "SUPERVISE", "CLOSE", "EVALUATE", "ARCHIVE", "REVISIT",
                "RECORD_AGREEMENT", "CONCLUDE_REVIEW", "ADD_NOTE");
    }

    @Test
    void thePageOpensTheFormAskedForOrTheOneJustRefused() throws Exception {
        long id = register("fq.intake", aCase().dispute("NEIGHBOUR").body());
        org.jsoup.select.Elements returnForm = page("fengyuan.mediator", "/cases/" + id + "?open=RETURN")
                .select("#action-form form#form-RETURN");
        assertThat(returnForm).hasSize(1);
        org.jsoup.nodes.Element reason = returnForm.select("textarea#r-reason[name=reason]").first();
        assertThat(reason).as("the reason for returning is asked for").isNotNull();
        assertThat(reason.hasAttr("required")).isTrue();
        assertThat(reason.attr("maxlength")).isEqualTo("2000");
        assertThat(returnForm.select("label[for=r-reason]").text()).isNotBlank();
        org.jsoup.nodes.Element note = page("fengyuan.mediator", "/cases/" + id + "?open=ACCEPT")
                .select("form#form-ACCEPT textarea#ac-note").first();
        assertThat(note).as("accepting takes an optional note").isNotNull();
        assertThat(note.hasAttr("required")).isFalse();
        assertThat(page("fengyuan.mediator", "/cases/" + id + "?open=ASSIGN").select("#action-form form"))
                .as("an action the user may not take is not offered").isEmpty();
        // (pages.mvc: MockMvc's flash attributes go into its mock session, which the database session filter of
        // the autoconfigured MockMvc would hide)
        String html = pages.mvc.perform(get("/cases/" + id).with(pages.as("fengyuan.mediator"))
                        .flashAttr("openAction", org.fengqiao.cases.CaseAction.RETURN).flashAttr("error", "理由 不能为空"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select("#action-form form#form-RETURN")).hasSize(1);
    }

    @Test
    void revealingAPartyOnThePageShowsItAndIsAudited() throws Exception {
        long id = register("fq.intake", aCase().dispute("NEIGHBOUR").party("APPLICANT", "吴九", "13512345678", null).body());
        Document detail = page("fq.intake", "/cases/" + id);
        assertThat(detail.text()).contains("吴*").contains("135****5678").doesNotContain("13512345678");
        long party = jdbc.sql("select id from case_party where case_id = ?").param(id).query(Long.class).single();
        mvc.perform(post("/cases/" + id + "/parties/" + party + "/reveal").with(pages.as("fq.intake")).with(csrf())
                .param("purpose", " ")).andExpect(status().isBadRequest());
        String row = mvc.perform(post("/cases/" + id + "/parties/" + party + "/reveal").with(pages.as("fq.intake"))
                .with(csrf()).param("purpose", "电话回访当事人")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(row).contains("吴九").contains("13512345678");
        assertThat(jdbc.sql("select detail::text from audit_log where case_id = ? and action = 'REVEAL_PARTY'").param(id)
                .query(String.class).single()).contains("电话回访当事人");
    }

    @Test
    void aCaseOutsideTheJurisdictionIsNotFound() throws Exception {
        long id = register("fengyuan.grid", aCase().dispute("NEIGHBOUR").body());
        String html = mvc.perform(get("/cases/" + id).with(pages.as("leshan.grid"))).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select("main").text()).contains("未找到");
    }

    @Test
    void theReceiptCarriesTheTrackingCode() throws Exception {
        long id = register("fq.intake", aCase().kind("HELP").titled("回执测试").body());
        String code = api.get("fq.intake", "/api/cases/" + id).get("trackingCode").asString();
        Document receipt = page("fq.intake", "/cases/" + id + "/receipt");
        assertThat(receipt.select(".receipt").text()).contains(code).contains("回执测试").contains("受理回执");
    }

    @Test
    void changingThePasswordChecksTheCurrentOne() throws Exception {
        String html = mvc.perform(post("/account/password").with(pages.as("tianzhu.grid")).with(csrf())
                        .param("currentPassword", "wrong-password").param("newPassword", "Another@2026")
                        .param("repeatPassword", "Another@2026"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select(".alert-danger").text()).contains("当前密码不正确");
        mvc.perform(post("/account/password").with(pages.as("tianzhu.grid")).with(csrf())
                        .param("currentPassword", Api.PASSWORD).param("newPassword", "Another@2026")
                        .param("repeatPassword", "Different@2026"))
                .andExpect(status().isOk());
    }

    @Test
    void pagesSpeakEnglishOnRequest() throws Exception {
        String html = mvc.perform(get("/workbench?lang=en").with(pages.as("fq.intake"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(html).select("nav").text()).contains("Workbench").doesNotContain("工作台");
    }
}
