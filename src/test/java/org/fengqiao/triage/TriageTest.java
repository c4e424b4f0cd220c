package org.fengqiao.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.aCase;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

import tools.jackson.databind.JsonNode;

import org.fengqiao.intelligence.classification.LabeledText;
import org.fengqiao.intelligence.classification.TextClassifier;
import org.fengqiao.intelligence.classification.TrainingOptions;
import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;

/**
 * Smart triage at intake: the demo's cases train a model, a confident suggestion categorises and routes a new
 * case without a person, a doubtful one waits for a dispatcher with the suggestion shown, and what
 * dispatchers finally choose is measured against what was suggested.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TriageTest {

    static final String DRAIN = "邻居翻修院子时把两家之间的排水沟填平，下雨后雨水倒灌进我家厨房，双方多次争吵，希望村里出面调解，恢复排水沟。";

    @LocalServerPort
    int port;

    @Autowired
    Pages pages;

    @Autowired
    TriageTraining training;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void theDemoCasesTrainTheModelThatIntakeUses() {
        JsonNode model = api.get("fq.intake", "/api/triage/model").json().get("model");
        assertThat(model.get("source").asString()).isEqualTo("CASES");
        assertThat(model.get("examples").asInt()).isGreaterThan(200);
        assertThat(model.get("labels").size()).isGreaterThan(5);
    }

    @Test
    @Order(1) // before the tests that retrain on the shared test database's cases
    void aSuggestionNamesTheBestCategoriesWithTheirConfidence() {
        Api.Response r = api.post("fq.intake", "/api/triage/suggestions", Map.of("title", "两户因排水沟堵塞发生争执",
                "description", DRAIN));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode s = r.get("suggestion");
        assertThat(s.get("categoryPath").asString()).endsWith("邻里冲突");
        assertThat(s.get("top").size()).isBetween(2, 3);
        double first = s.get("top").get(0).get("confidence").asDouble();
        assertThat(first).isEqualTo(s.get("confidence").asDouble()).isGreaterThan(s.get("top").get(1).get("confidence").asDouble());
        assertThat(r.get("threshold").asDouble()).isEqualTo(0.8);
    }

    @Test
    @Order(1) // before the tests that retrain on the shared test database's cases
    void aConfidentSuggestionCategorisesAndRoutesTheCaseWithoutAPerson() {
        Api.Response r = api.post("fq.intake", "/api/cases", aCase().kind("DISPUTE").titled("两户因排水沟堵塞发生争执")
                .describedAs(DRAIN).inVillage(FENGYUAN).body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode s = r.get("suggestion");
        assertThat(s.get("applied").asBoolean()).as(s.toString()).isTrue();
        assertThat(s.get("confidence").asDouble()).isGreaterThanOrEqualTo(0.8);
        assertThat(r.get("category").get("name").asString()).endsWith("邻里冲突");
        assertThat(r.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(r.get("routing").get("reason").asString()).contains("智能分类").contains("邻里冲突");
        assertThat(s.get("unit").get("id").asLong()).isEqualTo(r.get("handlingUnit").get("id").asLong());
    }

    @Test
    void aDoubtfulSuggestionLeavesTheCaseToADispatcherWithTheSuggestionShown() {
        Api.Response r = api.post("fq.intake", "/api/cases", aCase().titled("来电咨询").describedAs("群众来电，想问点事情。")
                .body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode s = r.get("suggestion");
        assertThat(s.get("applied").asBoolean()).isFalse();
        assertThat(s.get("confidence").asDouble()).isLessThan(0.8);
        assertThat(r.get("category").isNull()).isTrue();
        assertThat(r.get("status").asString()).isEqualTo("REGISTERED");
        assertThat(api.get("fq.intake", "/api/cases/" + r.get("id").asLong()).get("suggestion").get("category")
                .get("code").asString()).isEqualTo(s.get("category").get("code").asString());
    }

    @Test
    void aCaseRegisteredWithACategoryGetsNoSuggestion() {
        Api.Response r = api.post("fq.intake", "/api/cases", aCase().with("categoryCode", "0101001").describedAs(DRAIN)
                .body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.get("suggestion").isNull()).isTrue();
    }

    @Test
    void aDispatchersCorrectionIsMeasuredAndBecomesATrainingExample() {
        JsonNode before = accuracy();
        long id = api.post("fq.intake", "/api/cases", aCase().titled("来电咨询").describedAs("群众来电，想问点事情。")
                .body()).get("id").asLong();
        String suggested = api.get("fq.dispatcher", "/api/cases/" + id).get("suggestion").get("category").get("code")
                .asString();
        String other = suggested.startsWith("01") ? "0201001" : "0101001";
        assertThat(api.post("fq.dispatcher", "/api/cases/" + id + "/triage", Map.of("kind", "CONSULTATION",
                "categoryCode", other)).status()).isEqualTo(200);
        assertThat(api.post("fq.dispatcher", "/api/cases/" + id + "/assign", Map.of()).status()).isIn(200, 409);

        JsonNode after = accuracy();
        assertThat(after.get("denominator").asLong()).isEqualTo(before.get("denominator").asLong() + 1);
        assertThat(after.get("numerator").asLong()).isEqualTo(before.get("numerator").asLong());
        assertThat(after.get("definition").get("numerator").asString()).contains("智能分类建议");

        TriageTraining.Report report = training.trainOnCases("test");
        assertThat(report.trained()).isTrue();
        assertThat(report.corrections()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aModelTrainedOnFilesCanBeUploadedAndNamesCategoriesByTheirNames() throws Exception {
        try {
            TextClassifier files = TextClassifier.train(List.of(
                    new LabeledText("城乡建设", "路灯 不亮 道路 破损 井盖"), new LabeledText("城乡建设", "小区 物业 维修 电梯"),
                    new LabeledText("交通运输", "公交 线路 站点 班次"), new LabeledText("交通运输", "出租车 拒载 公交车"),
                    new LabeledText("星际旅行", "飞船 火星 太空 舱")), TrainingOptions.defaults().withCalibrationFolds(0)
                    .withMinDocumentFrequency(1));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            files.save(bytes);
            MockHttpServletResponse uploaded = upload("admin", bytes.toByteArray());
            assertThat(uploaded.getStatus()).as(uploaded.getContentAsString()).isEqualTo(200);
            JsonNode info = Api.JSON.readTree(uploaded.getContentAsString(StandardCharsets.UTF_8));
            assertThat(info.get("source").asString()).isEqualTo("UPLOAD");
            assertThat(info.get("unmapped").toString()).contains("星际旅行");

            JsonNode s = api.post("fq.intake", "/api/triage/suggestions", Map.of("description", "公交站点 班次 太少"))
                    .get("suggestion");
            assertThat(s.get("categoryPath").asString()).isEqualTo("交通运输");
        } finally {
            training.trainOnCases("test");
        }
    }

    @Test
    @Order(1) // before the tests that retrain on the shared test database's cases
    void theIntakeFormShowsTheSuggestionWhileTheOfficerTypesAndTheCasePageShowsWhatWasSuggested() throws Exception {
        String panel = pages.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/cases/new/suggestion").param("title", "两户因排水沟堵塞发生争执").param("description", DRAIN)
                .with(pages.as("fq.intake")).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(panel).contains("邻里冲突").contains("置信度").contains("data-pick-category=\"1001001\"")
                .contains("保存后将自动分类并交办");
        String tooShort = pages.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/cases/new/suggestion").param("title", "问").with(pages.as("fq.intake"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(tooShort).contains("暂无建议");

        long id = api.post("fq.intake", "/api/cases", aCase().titled("来电咨询").describedAs("群众来电，想问点事情。")
                .body()).get("id").asLong();
        String page = pages.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/cases/" + id).with(pages.as("fq.dispatcher"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Pages.find(page, "(?s)id=\"triage-suggestion\"(.*?)</dd>")).contains("置信度").contains("待人工确认");
    }

    @Test
    void anUploadThatIsNotAModelIsRefusedAndOnlyAdministratorsMayUpload() throws Exception {
        MockHttpServletResponse garbage = upload("admin", "not a model".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.getStatus()).isEqualTo(400);
        assertThat(garbage.getContentAsString(StandardCharsets.UTF_8)).contains("不是可用的分类模型");
        assertThat(upload("fq.dispatcher", new byte[] {1, 2, 3}).getStatus()).isEqualTo(403);
        assertThat(api.post("fq.intake", "/api/triage/model/training", null).status()).isEqualTo(403);
    }

    private MockHttpServletResponse upload(String user, byte[] model) throws Exception {
        return pages.mvc.perform(multipart(HttpMethod.PUT, "/api/triage/model")
                .file(new MockMultipartFile("model", "model.bin", "application/octet-stream", model))
                .with(pages.as(user))).andReturn().getResponse();
    }

    private JsonNode accuracy() {
        for (JsonNode m : api.get("county.leader", "/api/analytics/summary").get("measures")) {
            if (m.get("name").asString().equals("suggestionAccuracy")) {
                return m;
            }
        }
        throw new AssertionError("no suggestionAccuracy measure");
    }
}
