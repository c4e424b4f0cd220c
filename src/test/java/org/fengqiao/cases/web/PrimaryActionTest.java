package org.fengqiao.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.aCase;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import org.fengqiao.cases.CaseAction;
import org.fengqiao.cases.CaseStatus;
import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;

/**
 * The highlighted action is what this user most likely does next: never a re-assignment of a case already with a
 * unit; the handling unit's accept; and the workbench opens on the new cases to accept before the overdue ones.
 */
@IntegrationTest
class PrimaryActionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Pages pages;

    @LocalServerPort
    int port;

    Document page(String user, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(pages.as(user))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void aCaseAlreadyWithAUnitHighlightsAcceptForTheUnitAndNotReassignmentForTheIntakeOfficer() throws Exception {
        long id = new Api(port).post("fq.intake", "/api/cases", aCase().dispute("NEIGHBOUR").titled("主操作测试").body())
                .get("id").asLong();
        Document intake = page("fq.intake", "/cases/" + id);
        assertThat(intake.select("[data-action=ASSIGN]")).as("re-assignment is offered").isNotEmpty();
        assertThat(intake.select("a.btn-primary[data-action]").eachAttr("data-action")).doesNotContain("ASSIGN");
        Document mediator = page("fengyuan.mediator", "/cases/" + id);
        assertThat(mediator.select("a.btn-primary[data-action]").eachAttr("data-action")).containsExactly("ACCEPT");
    }

    @Test
    void assigningIsPrimaryOnlyWhileTheCaseWaitsForAUnit() {
        List<CaseAction> offered = List.of(CaseAction.ASSIGN, CaseAction.ADD_NOTE, CaseAction.CLOSE);
        assertThat(CaseDetailPages.primaryAction(CaseStatus.REGISTERED, offered)).isEqualTo(CaseAction.ASSIGN);
        assertThat(CaseDetailPages.primaryAction(CaseStatus.ASSIGNED, List.of(CaseAction.ASSIGN, CaseAction.ADD_NOTE)))
                .isNull();
        assertThat(CaseDetailPages.primaryAction(CaseStatus.IN_PROGRESS, offered)).isEqualTo(CaseAction.CLOSE);
    }

    @Test
    void theHandlersWorkbenchOpensOnTheCasesToAccept() throws Exception {
        new Api(port).post("fq.intake", "/api/cases", aCase().dispute("NEIGHBOUR").titled("待签收测试").body());
        Document workbench = page("fengyuan.mediator", "/workbench");
        assertThat(workbench.select("#first-title").text()).isEqualTo("待签收");
    }
}
