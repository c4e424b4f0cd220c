package org.fengqiao.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.aCase;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import org.fengqiao.platform.ChinaTime;
import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.TestClock;

/**
 * The documents (文书) of a case like the demo's, read back from the .docx with POI; the 409s for what a case
 * lacks; signatures; masking; the audit of every download; and the archived case file's PDF, its text and hash.
 */
@IntegrationTest
class CaseDocumentsTest {

    static final String MEDIATOR = "fengyuan.mediator";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clock.reset();
    }

    @Test
    void theAgreementNamesThePartiesTheirResponsibilityTheTermsAndTheArticleItFollows() throws IOException {
        long id = mediatedCase(true);
        String text = docx(MEDIATOR, id, "agreement");
        assertThat(text).contains("人民调解协议书", "申请人：张三", "被申请人：李四", "13812341234",
                "一、当事人的基本情况", "二、纠纷的主要事实、争议事项", "排水沟堵塞",
                "三、各方当事人的责任", "李四负主要责任", "四、经调解，当事人自愿达成如下协议", "李四疏通排水沟并赔偿张三八百元",
                "五、履行的方式、期限", "现金当面支付", "上述协议于" + chinese(performBy()) + "前履行完毕",
                "第二十九条", "申请人（签名）：张三", "被申请人（签名）：李四", "人民调解员（签名）",
                "枫源村人民调解委员会（印章）", chinese(today()));
    }

    @Test
    void everyDocumentOfAMediatedCaseIsMadeWithItsOwnContent() throws IOException {
        long supervised = register();
        api.post(MEDIATOR, "/api/cases/" + supervised + "/accept", Map.of("note", "已签收"));
        Api.Response notice = api.post("fq.supervisor", "/api/cases/" + supervised + "/supervision-notices",
                Map.of("message", "请于三日内反馈调解情况"));
        assertThat(notice.status()).as(notice.text()).isEqualTo(200);
        assertThat(docx("fq.supervisor", supervised, "supervision-notice")).contains("督办通知单", "请于三日内反馈调解情况",
                "被督办单位", "枫源村人民调解委员会", "督办意见", "尚未反馈");
        long id = mediatedCase(true);
        assertThat(docx(MEDIATOR, id, "application")).contains("人民调解申请书", "申请人", "张三", "事实和理由",
                "排水沟堵塞", "枫源村人民调解委员会");
        assertThat(docx(MEDIATOR, id, "rights-notice")).contains("权利义务告知书", "第二十三条", "第二十四条",
                "如实陈述纠纷事实", "选择或者接受人民调解员");
        String record = docx(MEDIATOR, id, "session-record");
        assertThat(record).contains("调解笔录", "枫源村调解室", "双方同意疏通排水沟", "达成协议",
                chinese(ChinaTime.dateOf(clock.instant().minus(Duration.ofHours(3)))));
        String confirmation = docx(MEDIATOR, id, "confirmation-application");
        assertThat(confirmation).contains("司法确认申请书", "共同申请", "第三十三条", "三十日内", "张三", "李四",
                "李四疏通排水沟并赔偿张三八百元");
        api.post("fq.intake", "/api/cases/" + id + "/revisits", Map.of("method", "PHONE", "result", "STILL_RESOLVED",
                "notes", "当事人表示排水沟已通"));
        assertThat(docx("fq.intake", id, "revisit-record")).contains("回访记录", "电话", "问题已解决", "当事人表示排水沟已通");
    }

    @Test
    void theListSaysWhatCanBeMadeAndWhatTheOthersLack() {
        long id = mediatedCase(false);
        Api.Response list = api.get(MEDIATOR, "/api/cases/" + id + "/documents");
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        Map<String, JsonNode> bySlug = new HashMap<>();
        list.json().forEach(d -> bySlug.put(d.get("slug").asString(), d));
        assertThat(bySlug.get("application").get("ready").asBoolean()).isTrue();
        assertThat(bySlug.get("session-record").get("ready").asBoolean()).isTrue();
        assertThat(bySlug.get("agreement").get("ready").asBoolean()).isFalse();
        assertThat(bySlug.get("agreement").get("missing")).extracting(JsonNode::asString)
                .containsExactly("responsibilities", "performance", "performBy");
        assertThat(bySlug.get("revisit-record").get("missing")).extracting(JsonNode::asString).containsExactly("revisit");
    }

    @Test
    void anAgreementWithoutTheWayAndTimeItIsCarriedOutAnswers409NamingThem() {
        long id = mediatedCase(false);
        Api.Response refused = api.get(MEDIATOR, "/api/cases/" + id + "/documents/agreement");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).contains("人民调解协议书", "各方当事人的责任", "协议的履行方式", "协议的履行期限");
        assertThat(refused.get("missing")).extracting(JsonNode::asString)
                .containsExactly("responsibilities", "performance", "performBy");
        long fresh = register();
        Api.Response noSession = api.get(MEDIATOR, "/api/cases/" + fresh + "/documents/session-record");
        assertThat(noSession.status()).isEqualTo(409);
        assertThat(noSession.detail()).contains("调解记录");
        assertThat(api.get(MEDIATOR, "/api/cases/" + fresh + "/documents/no-such-kind").status()).isEqualTo(404);
    }

    @Test
    void downloadsAreAuditedAndPersonalDataIsMaskedForThoseWhoMayNotRevealIt() throws IOException {
        long id = mediatedCase(true);
        long before = audited(id, "DOWNLOAD_DOCUMENT");
        docx(MEDIATOR, id, "agreement");
        assertThat(audited(id, "DOWNLOAD_DOCUMENT")).isEqualTo(before + 1);
        assertThat(audited(id, "REVEAL_PARTY")).isPositive();

        String masked = docx("admin", id, "agreement");
        assertThat(masked).contains("申请人：张*，联系电话：138****1234", "被申请人（签名）：李*")
                .doesNotContain("申请人：张三", "13812341234");
        assertThat(audited(id, "DOWNLOAD_DOCUMENT")).isEqualTo(before + 2);
    }

    @Test
    void aCaseOutsideTheJurisdictionAnswers404ForItsDocuments() {
        long id = mediatedCase(true);
        assertThat(api.get("leshan.grid", "/api/cases/" + id + "/documents").status()).isEqualTo(404);
        assertThat(api.get("leshan.grid", "/api/cases/" + id + "/documents/agreement").status()).isEqualTo(404);
        assertThat(api.get("leshan.grid", "/api/cases/" + id + "/file.pdf").status()).isEqualTo(404);
    }

    @Test
    void aSignatureGivenOnScreenAppearsInTheDocumentWithItsTimeAndTheHashOfTheText() throws IOException {
        long id = mediatedCase(true);
        long partyId = api.get(MEDIATOR, "/api/cases/" + id).get("parties").get(0).get("id").asLong();
        Api.Response signed = sign(id, "agreement", "APPLICANT", partyId, png(300, 120));
        assertThat(signed.status()).as(signed.text()).isEqualTo(201);
        assertThat(signed.get("documentSm3").asString()).hasSize(64);

        byte[] bytes = api.get(MEDIATOR, "/api/cases/" + id + "/documents/agreement").raw().body();
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            assertThat(word.getAllPictures()).hasSize(1);
            assertThat(new XWPFWordExtractor(word).getText()).contains("当场签名", signed.get("documentSm3").asString()
                    .substring(0, 16));
        }
    }

    @Test
    void aSignatureThatIsNotAnImageOrTooLargeIsRefusedAndNothingIsStored() throws IOException {
        long id = mediatedCase(true);
        long partyId = api.get(MEDIATOR, "/api/cases/" + id).get("parties").get(0).get("id").asLong();
        long before = signatures(id);
        Api.Response text = sign(id, "agreement", "APPLICANT", partyId, "不是图片".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.detail()).contains("PNG");
        Api.Response huge = sign(id, "agreement", "APPLICANT", partyId, new byte[300 * 1024]);
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.detail()).contains("KB");
        Api.Response noLine = sign(id, "application", "RESPONDENT", null, png(300, 120));
        assertThat(noLine.status()).isEqualTo(400);
        assertThat(signatures(id)).isEqualTo(before);
    }

    @Test
    void theArchivedCaseFileIsAPdfWithItsTextAndStaysTheSameAfterArchiving() throws IOException {
        long id = mediatedCase(true);
        assertThat(api.get(MEDIATOR, "/api/cases/" + id + "/file.pdf").status()).isEqualTo(409);
        clock.advance(Duration.ofDays(1));
        api.post("fq.intake", "/api/cases/" + id + "/evaluation", Map.of("rating", "SATISFIED", "source", "PHONE"));
        api.post("fq.intake", "/api/cases/" + id + "/revisits", Map.of("method", "PHONE", "result", "STILL_RESOLVED"));
        Api.Response archived = api.post("fq.intake", "/api/cases/" + id + "/archive", null);
        assertThat(archived.get("status").asString()).isEqualTo("ARCHIVED");

        Api.Response first = api.get("fq.intake", "/api/cases/" + id + "/file.pdf");
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.raw().headers().firstValue("Content-Type")).hasValue("application/pdf");
        byte[] pdf = first.raw().body();
        String sm3 = first.raw().headers().firstValue("X-Content-SM3").orElseThrow();
        assertThat(sm3).isEqualTo(HexFormat.of().formatHex(Signatures.sm3(pdf)));
        java.nio.file.Files.createDirectories(org.fengqiao.support.Browser.SCREENSHOTS);
        java.nio.file.Files.write(org.fengqiao.support.Browser.SCREENSHOTS.resolve("case-file.pdf"), pdf); // to look at
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("卷宗", "目录", "人民调解协议书", "第二十九条", "调解笔录", "办理过程",
                    "附件清单", "张*", "归档");
            assertThat(text).contains("申请人：张*，联系电话：138****1234", "枫桥镇 > 枫源村")
                    .doesNotContain("申请人：张三", "13812341234");
            assertThat(doc.getNumberOfPages()).isGreaterThan(5);
        }

        clock.advance(Duration.ofDays(2));
        Api.Response later = api.post("fq.intake", "/api/cases/" + id + "/revisits",
                Map.of("method", "VISIT", "result", "STILL_RESOLVED", "notes", "归档后再次回访"));
        assertThat(later.status()).as(later.text()).isEqualTo(200);
        Api.Response again = api.get("fq.supervisor", "/api/cases/" + id + "/file.pdf");
        assertThat(again.raw().body()).isEqualTo(pdf);
        assertThat(again.raw().headers().firstValue("X-Content-SM3")).hasValue(sm3);
        assertThat(audited(id, "DOWNLOAD_CASE_FILE")).isEqualTo(2);
        assertThat(jdbc.sql("select pdf_sm3 from case_file where case_id = ?").param(id).query(byte[].class).single())
                .isEqualTo(HexFormat.of().parseHex(sm3));
    }

    @Test
    void theCaseRecordsShowWhenASessionWasHeldAndWhenItWasTypedIn() {
        long id = mediatedCase(true);
        JsonNode records = api.get(MEDIATOR, "/api/cases/" + id + "/records").json();
        JsonNode session = records.get("sessions").get(0);
        assertThat(session.get("place").asString()).isEqualTo("枫源村调解室");
        assertThat(session.get("heldAt").asString()).isNotEqualTo(session.get("recordedAt").asString());
        JsonNode agreement = records.get("agreements").get(0);
        assertThat(agreement.get("responsibilities").asString()).contains("李四负主要责任");
        JsonNode timeline = api.get(MEDIATOR, "/api/cases/" + id + "/timeline").json();
        JsonNode recorded = null;
        for (JsonNode e : timeline) {
            if (e.get("type").asString().equals("MediationSessionRecorded")) {
                recorded = e;
            }
        }
        assertThat(recorded).isNotNull();
        assertThat(recorded.get("happenedAt").asString()).isEqualTo(session.get("heldAt").asString());
        assertThat(recorded.get("occurredAt").asString()).isNotEqualTo(recorded.get("happenedAt").asString());
    }

    // --- fixtures -----------------------------------------------------------------------------------------------

    private long register() {
        Api.Response registered = api.post("fq.intake", "/api/cases", aCase().dispute("NEIGHBOUR").inVillage(FENGYUAN)
                .titled("两户因排水沟堵塞发生争执").describedAs("张三家门前排水沟被李四家堆放的杂物堵塞，雨天积水进屋，双方多次争吵。")
                .party("APPLICANT", "张三", "13812341234", null).party("RESPONDENT", "李四", null, null).body());
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        return registered.get("id").asLong();
    }

    /** A neighbours' dispute mediated and closed with an agreement, which is complete when {@code full}. */
    private long mediatedCase(boolean full) {
        long id = register();
        clock.advance(Duration.ofHours(2));
        api.post(MEDIATOR, "/api/cases/" + id + "/accept", Map.of("note", "已签收"));
        clock.advance(Duration.ofHours(5));
        Api.Response session = api.post(MEDIATOR, "/api/cases/" + id + "/mediation-sessions", Map.of(
                "heldAt", clock.instant().minus(Duration.ofHours(3)).toString(), "place", "枫源村调解室",
                "mediators", "枫源村调解员", "participants", "张三、李四", "result", "AGREED",
                "notes", "双方同意疏通排水沟"));
        assertThat(session.status()).as(session.text()).isEqualTo(200);
        api.post(MEDIATOR, "/api/cases/" + id + "/close", Map.of("outcome", "RESOLVED", "summary", "经调解达成协议",
                "reply", "经调解，双方已达成协议。"));
        Map<String, Object> agreement = new HashMap<>(Map.of("signedOn", today().toString(),
                "terms", "李四疏通排水沟并赔偿张三八百元"));
        if (full) {
            agreement.putAll(Map.of("responsibilities", "李四堆放杂物堵塞排水沟，李四负主要责任。",
                    "performance", "现金当面支付", "performBy", performBy().toString()));
        }
        Api.Response recorded = api.post(MEDIATOR, "/api/cases/" + id + "/agreements", agreement);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
        return id;
    }

    private LocalDate today() {
        return ChinaTime.dateOf(clock.instant());
    }

    private LocalDate performBy() {
        return today().plusDays(10);
    }

    private static String chinese(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    private String docx(String user, long id, String kind) throws IOException {
        Api.Response r = api.get(user, "/api/cases/" + id + "/documents/" + kind);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(r.raw().body()));
             XWPFWordExtractor extractor = new XWPFWordExtractor(word)) {
            return extractor.getText();
        }
    }

    private long audited(long caseId, String action) {
        return jdbc.sql("select count(*) from audit_log where case_id = ? and action = ?").params(caseId, action)
                .query(Long.class).single();
    }

    private long signatures(long caseId) {
        return jdbc.sql("select count(*) from document_signature where case_id = ?").param(caseId)
                .query(Long.class).single();
    }

    private Api.Response sign(long id, String kind, String role, Long partyId, byte[] image) {
        String boundary = "----fengqiao" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<String[]> fields = partyId == null ? List.<String[]>of(new String[] {"role", role})
                : List.<String[]>of(new String[] {"role", role}, new String[] {"partyId", String.valueOf(partyId)});
        for (String[] f : fields) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f[0] + "\"\r\n\r\n"
                    + f[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"s.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(image);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.postRaw(MEDIATOR, "/api/cases/" + id + "/documents/" + kind + "/signatures", body.toByteArray(),
                "multipart/form-data; boundary=" + boundary);
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(3));
        g.drawLine(10, height - 20, width - 10, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
