package org.fengqiao.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.aCase;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;
import org.fengqiao.support.TestClock;

/** The case page's 卷宗记录 and 文书 sections, and signing on the page. */
@IntegrationTest
class CaseDocumentPagesTest {

    static final String MEDIATOR = "fengyuan.mediator";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Pages pages;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clock.reset();
    }

    @Test
    void theCasePageShowsEverySessionWithWhenItWasHeldAndWhenItWasTypedIn() throws Exception {
        long id = mediated();
        String detail = page("/cases/" + id);
        assertThat(detail).contains("id=\"records\"", "/cases/" + id + "/records", "id=\"documents\"",
                "/cases/" + id + "/documents", "录入于");
        String records = page("/cases/" + id + "/records");
        assertThat(records).contains("枫源村调解室", "调解员：枫源村调解员", "参加人员：张三、李四", "双方同意疏通排水沟",
                "录入于", "李四疏通排水沟", "可于");
        assertThat(pages.mvc.perform(get("/cases/" + id + "/records").with(pages.as("leshan.grid"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theDocumentsPanelOffersTheFilesThatCanBeMadeAndSaysWhatTheOthersLack() throws Exception {
        long id = mediated();
        String panel = page("/cases/" + id + "/documents");
        assertThat(panel).contains("人民调解申请书", "/cases/" + id + "/documents/session-record/download",
                "/cases/" + id + "/documents/session-record/sign", "缺少：各方当事人的责任、协议的履行方式、协议的履行期限");
        var download = pages.mvc.perform(get("/cases/" + id + "/documents/application/download")
                .with(pages.as(MEDIATOR))).andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getHeader("Content-Disposition")).contains("attachment", ".docx");
    }

    @Test
    void partiesSignTheSessionRecordOnThePage() throws Exception {
        long id = mediated();
        String sign = page("/cases/" + id + "/documents/session-record/sign");
        assertThat(sign).contains("signature-canvas", "申请人（签名）：张三", "data-role=\"APPLICANT\"",
                "/assets/js/signature");
        long partyId = api.get(MEDIATOR, "/api/cases/" + id).get("parties").get(0).get("id").asLong();
        var stored = pages.mvc.perform(multipart("/cases/" + id + "/documents/session-record/signatures")
                .file(new MockMultipartFile("image", "s.png", "image/png", CaseDocumentsTest.png(300, 100)))
                .param("role", "APPLICANT").param("partyId", String.valueOf(partyId))
                .with(pages.as(MEDIATOR)).with(csrf())).andReturn().getResponse();
        assertThat(stored.getStatus()).as(stored.getContentAsString()).isEqualTo(201);
        assertThat(page("/cases/" + id + "/documents/session-record/sign")).contains("已签名", "当场签名");
        var refused = pages.mvc.perform(multipart("/cases/" + id + "/documents/session-record/signatures")
                .file(new MockMultipartFile("image", "s.png", "image/png", "<svg/>".getBytes()))
                .param("role", "APPLICANT").param("partyId", String.valueOf(partyId))
                .with(pages.as(MEDIATOR)).with(csrf())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("PNG");
    }

    private String page(String path) throws Exception {
        var response = pages.mvc.perform(get(path).with(pages.as(MEDIATOR))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    /** A mediated neighbours' dispute, closed with an agreement that lacks how and by when it is carried out. */
    private long mediated() {
        long id = api.post("fq.intake", "/api/cases", aCase().dispute("NEIGHBOUR").inVillage(FENGYUAN)
                .titled("两户因排水沟堵塞发生争执").party("APPLICANT", "张三", "13812341234", null)
                .party("RESPONDENT", "李四", null, null).body()).get("id").asLong();
        api.post(MEDIATOR, "/api/cases/" + id + "/accept", Map.of("note", "已签收"));
        clock.advance(Duration.ofHours(5));
        api.post(MEDIATOR, "/api/cases/" + id + "/mediation-sessions", Map.of(
                "heldAt", clock.instant().minus(Duration.ofHours(3)).toString(), "place", "枫源村调解室",
                "mediators", "枫源村调解员", "participants", "张三、李四", "result", "AGREED", "notes", "双方同意疏通排水沟"));
        api.post(MEDIATOR, "/api/cases/" + id + "/close", Map.of("outcome", "RESOLVED", "summary", "经调解达成协议",
                "reply", "经调解，双方已达成协议。"));
        api.post(MEDIATOR, "/api/cases/" + id + "/agreements", Map.of("signedOn",
                org.fengqiao.platform.ChinaTime.dateOf(clock.instant()).toString(), "terms", "李四疏通排水沟"));
        return id;
    }
}
