package org.fengqiao.laws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.aCase;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;

import tools.jackson.databind.JsonNode;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;
import org.fengqiao.support.SharedData;

/**
 * 智库: law texts imported from {@code ../shared/data/laws}, searched by article, suggested for a dispute and on the
 * case page; a law re-imported replaces its earlier version; a file in a wrong form imports nothing.
 */
@IntegrationTest
class LawLibraryTest {

    static final String MEDIATION_LAW = "人民调解法(2010-08-28).md";

    @LocalServerPort
    int port;

    @Autowired
    Pages pages;

    @Autowired
    LawLibrary library;

    Api api;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(port);
        Path dir = SharedData.file("laws/" + MEDIATION_LAW).getParent();
        library.importLaws(LawFiles.readDirectory(dir), null);
    }

    @Test
    void searchFindsArticlesWithLawTitleNumberTextAndScore() {
        JsonNode articles = api.get("fengyuan.mediator", "/api/laws?q=拖欠农民工工资%20施工总承包单位").json().get("articles");
        assertThat(articles.size()).isPositive();
        JsonNode first = articles.get(0);
        assertThat(first.get("law").asString()).isEqualTo("保障农民工工资支付条例");
        assertThat(first.get("article").asString()).matches("第[一二三四五六七八九十百]+条");
        assertThat(first.get("text").asString()).contains("施工总承包单位");
        assertThat(first.get("score").asDouble()).isPositive();
        assertThat(first.get("versionDate").asString()).isEqualTo("2019-12-30");
    }

    @Test
    void aCitationFindsItsArticleFirst() {
        JsonNode first = api.get("fq.intake", "/api/laws?q=劳动争议调解仲裁法第十四条").json().get("articles").get(0);
        assertThat(first.get("law").asString()).isEqualTo("劳动争议调解仲裁法");
        assertThat(first.get("article").asString()).isEqualTo("第十四条");
        assertThat(first.get("text").asString()).contains("十五日内未达成调解协议");
    }

    @Test
    void badSearchesAreRefusedWithTheField() {
        Api.Response missing = api.get("fq.intake", "/api/laws");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.detail()).contains("q");
        assertThat(api.get("fq.intake", "/api/laws?q=" + "纠".repeat(201)).status()).isEqualTo(400);
    }

    @Test
    void suggestionsForAWageDisputeComeFromTheWageLawsWithWhy() {
        Api.Response r = api.post("fq.labour", "/api/laws/suggestions", Map.of("text",
                "二十多名农民工在工地干了半年，包工头跑了，工资没有发，工人找施工总承包单位讨薪。", "disputeType", "LABOUR_WAGES"));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode articles = r.get("articles");
        assertThat(articles.size()).isEqualTo(5);
        assertThat(articles.get(0).get("law").asString()).isEqualTo("保障农民工工资支付条例");
        assertThat(articles.get(0).get("why").get(0).asString()).contains("劳动争议·欠薪");
        List<String> cited = articles.valueStream().map(a -> a.get("law").asString() + a.get("article").asString())
                .toList();
        assertThat(cited).contains("保障农民工工资支付条例第三十条");
    }

    @Test
    void badSuggestionRequestsAreRefused() {
        Api.Response noText = api.post("fq.labour", "/api/laws/suggestions", Map.of("disputeType", "LABOUR_WAGES"));
        assertThat(noText.status()).isEqualTo(400);
        assertThat(noText.detail()).contains("text");
        Api.Response badType = api.post("fq.labour", "/api/laws/suggestions", Map.of("text", "欠薪", "disputeType", "NOPE"));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.text()).doesNotContain("NOPE\"");
    }

    @Test
    void aReimportedLawReplacesItsEarlierVersion() throws Exception {
        Path file = SharedData.file("laws/" + MEDIATION_LAW);
        String text = Files.readString(file).replace("第四条 人民调解委员会调解民间纠纷，不收取任何费用。",
                "第四条 人民调解委员会调解民间纠纷，不收取任何费用，也不接受礼品。");
        library.importLaws(List.of(LawFiles.parse(MEDIATION_LAW, text)), null);
        assertThat(library.laws().stream().filter(l -> l.shortTitle().equals("人民调解法")).count()).isEqualTo(1);
        assertThat(library.article("人民调解法", "第四条").orElseThrow().text()).endsWith("也不接受礼品。");
        library.importLaws(List.of(LawFiles.parse(MEDIATION_LAW, Files.readAllBytes(file))), null);
        assertThat(library.article("人民调解法", "第四条").orElseThrow().text()).endsWith("不收取任何费用。");
    }

    @Test
    void anUploadWithOneBadFileImportsNothingAndNamesTheFileAndLine() throws Exception {
        MockMultipartFile good = new MockMultipartFile("files", "测试条例.md", "text/markdown",
                "# 测试条例\n\n<!-- INFO END -->\n\n第一条 测试。\n".getBytes(StandardCharsets.UTF_8));
        MockMultipartFile bad = new MockMultipartFile("files", "坏文件.md", "text/markdown",
                "# 坏文件\n\n<!-- INFO END -->\n\n第一条 一。\n\n第三条 三。\n\n第二条 二。\n".getBytes(StandardCharsets.UTF_8));
        var flash = pages.mvc.perform(multipart("/admin/laws/import").file(good).file(bad).with(pages.as("admin"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getFlashMap();
        assertThat((String) flash.get("error")).contains("坏文件.md").contains("第 9 行").contains("第二条");
        assertThat(library.laws()).noneMatch(l -> l.title().equals("测试条例"));
    }

    static byte[] multipartBody(String boundary, String fileName, String content) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/markdown\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theApiImportIsForAdministratorsAndNamesTheBadFileAndLine() {
        String boundary = "law-boundary";
        byte[] bad = multipartBody(boundary, "乱序.md", "# 乱序条例\n\n<!-- INFO END -->\n\n第二条 二。\n\n第一条 一。\n");
        Api.Response refused = api.postRaw("admin", "/api/laws/library", bad, "multipart/form-data; boundary=" + boundary);
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.get("file").asString()).isEqualTo("乱序.md");
        assertThat(refused.get("line").asInt()).isEqualTo(7);
        assertThat(refused.detail()).contains("第一条");
        byte[] good = multipartBody(boundary, "接口条例.md", "# 接口条例\n\n<!-- INFO END -->\n\n第一条 由接口导入。\n");
        assertThat(api.postRaw("fq.intake", "/api/laws/library", good, "multipart/form-data; boundary=" + boundary)
                .status()).isEqualTo(403);
        Api.Response imported = api.postRaw("admin", "/api/laws/library", good, "multipart/form-data; boundary=" + boundary);
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(api.get("fq.intake", "/api/laws?q=由接口导入").json().get("articles").get(0).get("law").asString())
                .isEqualTo("接口条例");
    }

    @Test
    void aFileWithoutTheInfoLineIsRefused() {
        assertThatThrownBy(() -> LawFiles.parse("x.md", "# 某法\n\n第一条 内容。\n"))
                .isInstanceOfSatisfying(LawFormatException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("laws.format.noInfoEnd"));
        assertThatThrownBy(() -> LawFiles.parse("x.md", "某法\n<!-- INFO END -->\n第一条 内容。\n"))
                .isInstanceOfSatisfying(LawFormatException.class, e -> assertThat(e.line()).isEqualTo(1));
    }

    @Test
    void theCasePanelShowsRelevantArticlesWithinJurisdictionOnly() throws Exception {
        Api.Response r = api.post("fq.intake", "/api/cases", aCase().dispute("NEIGHBOUR").inVillage(FENGYUAN)
                .titled("邻居加盖楼房挡住采光").describedAs("王某在房屋东侧加盖三层，挡住邻居南面窗户的采光和日照，双方多次争吵。")
                .body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        long id = r.get("id").asLong();
        String panel = pages.mvc.perform(get("/cases/" + id + "/laws").with(pages.as("fengyuan.mediator")))
                .andReturn().getResponse().getContentAsString();
        assertThat(panel).contains("《民法典物权编》第二百九十三条").contains("邻里纠纷");
        String detail = pages.mvc.perform(get("/cases/" + id).with(pages.as("fengyuan.mediator"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(detail).contains("/cases/" + id + "/laws");
        assertThat(pages.mvc.perform(get("/cases/" + id + "/laws").with(pages.as("leshan.grid"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(api.get("leshan.grid", "/api/cases/" + id + "/laws").status()).isEqualTo(404);
    }
}
