package org.fengqiao.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.aCase;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.WebApplicationContext;

import org.fengqiao.access.Actor;
import org.fengqiao.audit.AuditLog;
import org.fengqiao.cases.CaseFilter;
import org.fengqiao.cases.CaseLists;
import org.fengqiao.cases.CaseViews.CaseSummary;
import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;
import org.fengqiao.support.TestClock;

/**
 * The ledger export (台账): the workbook holds exactly the list's rows for the same filter, within the user's
 * jurisdiction, without parties' personal data, and every export is audited.
 */
@IntegrationTest
class LedgerExportTest {

    static final String PARTY_NAME = "欧阳导出";
    static final String PARTY_PHONE = "13977776666";

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    CaseLists queries;

    @Autowired
    AuditLog audit;

    @Autowired
    TestClock clock;

    @Autowired
    LedgerJobs jobs;

    Pages pages;
    String code;

    @BeforeEach
    void aCaseWithAPartyInFengyuan() {
        clock.reset();
        pages = new Pages(context);
        Api.Response r = new Api(port).post("fengyuan.grid", "/api/cases", aCase().dispute("NEIGHBOUR")
                .inVillage(FENGYUAN).titled("台账导出测试 " + System.nanoTime())
                .describedAs("申请人" + PARTY_NAME + "反映邻居占用通道，联系电话" + PARTY_PHONE)
                .with("address", "枫源村导出路8号")
                .party("APPLICANT", PARTY_NAME, PARTY_PHONE, null).body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        code = r.get("trackingCode").asString();
    }

    @Test
    void theWorkbookHoldsTheListsRowsForTheSameFilterWithoutPersonalDataAndTheExportIsAudited() throws Exception {
        String query = "region=" + FENGYUAN + "&sort=REGISTERED_ASC";
        String started = pages.mvc.perform(post("/cases/export").param("query", query).header("HX-Request", "true")
                        .with(pages.as("fengyuan.grid")).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(started).contains("every 500ms").contains("progress");
        String id = Jobs.idIn(started);
        String finished = Jobs.awaitEnd(pages, pages.as("fengyuan.grid"), id);
        assertThat(finished).contains("/jobs/" + id + "/download");

        XSSFWorkbook workbook = download(id, "fengyuan.grid");
        Sheet sheet = workbook.getSheetAt(0);
        assertThat(text(sheet.getRow(0).getCell(0))).contains("案件台账");
        assertThat(text(sheet.getRow(1).getCell(0))).contains("枫源村").contains("2026-11-20 10:00");
        assertThat(cells(sheet.getRow(2))).startsWith("案件编号", "登记时间", "来源渠道")
                .contains("诉求分类", "纠纷类型", "标题", "所在区域", "网格", "承办单位", "状态", "办理期限", "是否超期",
                        "风险等级", "办结时间", "办结结果", "群众评价")
                .noneMatch(h -> h.contains("当事人") || h.contains("电话") || h.contains("地址"));
        assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 3);

        Actor actor = pages.actor("fengyuan.grid");
        List<String> listed = queries.listAll(actor, new CaseFilter(List.of(), null, null, null, null, FENGYUAN, null,
                        null, null, null, null, null, null, null, null), CaseFilter.Sort.REGISTERED_ASC, 50_000)
                .stream().map(CaseSummary::trackingCode).toList();
        assertThat(codes(sheet)).isEqualTo(listed).contains(code);

        assertThat(allText(workbook)).doesNotContain(PARTY_NAME).doesNotContain(PARTY_PHONE)
                .doesNotContain("枫源村导出路8号").doesNotContain("反映邻居占用通道");

        AuditLog.Entry entry = audit.recent(null, actor.userId(), 5).stream()
                .filter(e -> e.action() == AuditLog.Action.EXPORT_CASES).findFirst().orElseThrow();
        assertThat(entry.detail()).containsEntry("query", query);
        assertThat(((Number) entry.detail().get("rows")).intValue()).isEqualTo(listed.size());
        assertThat((String) entry.detail().get("filter")).contains("枫源村");
    }

    @Test
    void aNeighbouringVillageExportsOnlyItsOwnCases() throws Exception {
        String id = Jobs.idIn(pages.mvc.perform(post("/cases/export").param("query", "")
                        .header("HX-Request", "true").with(pages.as("leshan.grid")).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        Jobs.awaitEnd(pages, pages.as("leshan.grid"), id);
        List<String> exported = codes(download(id, "leshan.grid").getSheetAt(0));
        List<String> listed = queries.listAll(pages.actor("leshan.grid"), CaseFilter.none(),
                CaseFilter.Sort.REGISTERED_DESC, 50_000).stream().map(CaseSummary::trackingCode).toList();
        assertThat(exported).isEqualTo(listed).doesNotContain(code);
    }

    @Test
    void onlyTheUserWhoStartedAnExportMayFollowOrDownloadIt() throws Exception {
        String id = Jobs.idIn(pages.mvc.perform(post("/cases/export").param("query", "q=" + code)
                        .header("HX-Request", "true").with(pages.as("fengyuan.grid")).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        Jobs.awaitEnd(pages, pages.as("fengyuan.grid"), id);
        assertThat(pages.mvc.perform(get("/jobs/" + id + "/download").with(pages.as("fengyuan.mediator")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(pages.mvc.perform(get("/jobs/" + id).with(pages.as("fengyuan.mediator")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(codes(download(id, "fengyuan.grid").getSheetAt(0))).containsExactly(code);
    }

    @Test
    void withoutHtmxTheFileComesAtOnceWithEnglishHeadersForAnEnglishUser() throws Exception {
        MockHttpServletResponse response = pages.mvc.perform(post("/cases/export").param("query", "q=" + code)
                        .cookie(new Cookie("fq-lang", "en")).with(pages.as("fengyuan.grid")).with(csrf()))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).contains("spreadsheetml");
        assertThat(response.getHeader("Content-Disposition")).contains("case-ledger-").contains(".xlsx");
        Sheet sheet = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray())).getSheetAt(0);
        assertThat(cells(sheet.getRow(2))).startsWith("Tracking code", "Registered at");
        assertThat(codes(sheet)).containsExactly(code);
        assertThat(sheet.getRow(3).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm");
        assertThat(sheet.getRow(3).getCell(1).getLocalDateTimeCellValue())
                .isEqualTo(java.time.LocalDateTime.of(2026, 11, 20, 10, 0));
    }

    @Test
    void whileAJobRunsItsFragmentShowsThePhaseAndProgressAndAsksAgainEveryHalfSecond() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        LedgerJob job = jobs.submit(pages.actor("fengyuan.grid"), LedgerJob.Kind.IMPORT, j -> {
            j.phase("ledger.job.checking", 8);
            j.advance();
            j.advance();
            release.await(30, java.util.concurrent.TimeUnit.SECONDS);
        });
        try {
            String html = "";
            for (int i = 0; i < 100 && !html.contains("正在校验"); i++) {
                Thread.sleep(50);
                html = pages.mvc.perform(get("/jobs/" + job.id()).header("HX-Request", "true")
                        .with(pages.as("fengyuan.grid"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            }
            assertThat(html).contains("正在校验：2 / 8 行").contains("25%").contains("aria-valuenow=\"25\"")
                    .contains("hx-get=\"/jobs/" + job.id() + "\"").contains("hx-trigger=\"every 500ms\"");
        } finally {
            release.countDown();
        }
    }

    @Test
    void theListKeepsTheExportFormInStepWhenHtmxSwapsInNewResults() throws Exception {
        String html = pages.mvc.perform(get("/cases?q=" + code).header("HX-Request", "true")
                        .with(pages.as("fengyuan.grid")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"export-query\"").contains("hx-swap-oob=\"true\"").contains("value=\"q=" + code);
    }

    private XSSFWorkbook download(String id, String user) throws Exception {
        MockHttpServletResponse response = pages.mvc.perform(get("/jobs/" + id + "/download").with(pages.as(user)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Disposition")).contains(".xlsx");
        return new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()));
    }

    static List<String> codes(Sheet sheet) {
        List<String> codes = new ArrayList<>();
        for (int r = 3; r <= sheet.getLastRowNum(); r++) {
            codes.add(sheet.getRow(r).getCell(0).getStringCellValue());
        }
        return codes;
    }

    static List<String> cells(Row row) {
        List<String> values = new ArrayList<>();
        row.forEach(c -> values.add(text(c)));
        return values;
    }

    static String text(Cell cell) {
        return new DataFormatter().formatCellValue(cell);
    }

    static String allText(XSSFWorkbook workbook) {
        StringBuilder all = new StringBuilder();
        workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(c -> all.append(text(c)).append('\n'))));
        return all.toString();
    }

}
