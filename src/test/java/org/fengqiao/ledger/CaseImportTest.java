package org.fengqiao.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.LESHAN;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.context.WebApplicationContext;

import org.fengqiao.access.Actor;
import org.fengqiao.audit.AuditLog;
import org.fengqiao.cases.CaseQueries;
import org.fengqiao.cases.CaseViews.CaseView;
import org.fengqiao.cases.Channel;
import org.fengqiao.deadlines.DeadlineStep;
import org.fengqiao.deadlines.DeadlineSubject;
import org.fengqiao.deadlines.Deadlines;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;
import org.fengqiao.support.TestClock;

/**
 * Importing work orders from Excel: all rows or none, each at its original time, every bad row reported with
 * its reason, and files that are not a readable .xlsx refused with a message.
 */
@IntegrationTest
class CaseImportTest {

    static final String[] HEADER = {"来源编号", "登记时间", "来源渠道", "事项类型", "诉求分类", "纠纷类型", "标题", "内容",
            "区划代码", "详细地址", "当事人姓名", "当事人电话", "涉及人数", "涉及金额"};

    @Autowired
    WebApplicationContext context;

    @Autowired
    CaseQueries queries;

    @Autowired
    Deadlines deadlines;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    Pages pages;
    String batch;

    @BeforeEach
    void setUp() {
        clock.reset();
        pages = new Pages(context);
        batch = "T" + System.nanoTime();
    }

    @Test
    void aValidFileRegistersEveryRowAtItsOriginalTimeWithDeadlinesCountedFromThen() throws Exception {
        LocalDateTime first = LocalDateTime.of(2026, 11, 2, 9, 30);
        LocalDateTime second = LocalDateTime.of(2026, 11, 3, 14, 0);
        byte[] file = workbook(
                row(batch + "-1", "2026-11-02 09:30", "", "矛盾纠纷", "", "邻里纠纷", "邻居搭建违章棚屋", "来电人反映邻居搭建棚屋占用通道。",
                        FENGYUAN, "枫源村5组", "王五", "13812345678", "2", ""),
                row(batch + "-2", second, "12345热线", "咨询", "", "", "咨询低保申请条件", "来电人咨询低保申请需要哪些材料。",
                        LESHAN, "", "", "", "", "1200.50"));

        String report = importFile("fq.intake", "12345工单.xlsx", file);

        assertThat(report).contains("已从 12345工单.xlsx 登记 2 件案件");
        List<String> codes = Arrays.stream(report.split("[<>]")).filter(s -> s.matches("330681-\\d{8}-\\d+-[0-9X]"))
                .toList();
        assertThat(codes).hasSize(2);
        Actor intake = pages.actor("fq.intake");
        CaseView dispute = queries.findByTrackingCode(intake, codes.get(0)).orElseThrow();
        CaseView consultation = queries.findByTrackingCode(intake, codes.get(1)).orElseThrow();

        assertThat(dispute.trackingCode()).contains("-20261102-");
        assertThat(dispute.intake().registeredAt()).isEqualTo(china(first));
        assertThat(dispute.intake().channel()).isEqualTo(Channel.HOTLINE_12345);
        assertThat(dispute.intake().sourceRef()).isEqualTo(batch + "-1");
        assertThat(dispute.parties()).hasSize(1);
        assertThat(dispute.handling().deadlines().assignedAt()).isEqualTo(china(first));
        assertThat(dispute.handling().deadlines().handleDueAt()).isEqualTo(deadlines.due(DeadlineStep.HANDLE,
                new DeadlineSubject("HOTLINE_12345", "DISPUTE", null, false), china(first)).due());
        assertThat(consultation.intake().registeredAt()).isEqualTo(china(second));
        assertThat(consultation.trackingCode()).contains("-20261103-");
        assertThat(consultation.matter().amountInvolved()).isEqualByComparingTo("1200.50");

        AuditLog.Entry entry = audit.recent(null, intake.userId(), 5).stream()
                .filter(e -> e.action() == AuditLog.Action.IMPORT_CASES).findFirst().orElseThrow();
        assertThat(entry.detail()).containsEntry("file", "12345工单.xlsx").containsEntry("created", 2);
    }

    @Test
    void aFileWithOneBadRowWritesNothingAndReportsThatRowWithItsReason() throws Exception {
        byte[] file = workbook(
                row(batch + "-1", "2026-11-02 09:30", "", "咨询", "", "", "咨询事项一", "内容一", FENGYUAN, "", "", "", "", ""),
                row(batch + "-2", "2026-11-02 10:30", "", "咨询", "", "", "咨询事项二", "内容二", "330681109999", "", "", "",
                        "", ""),
                row(batch + "-3", "2026-11-02 11:30", "", "咨询", "", "", "咨询事项三", "内容三", LESHAN, "", "", "", "", ""));

        String report = importFile("fq.intake", "bad.xlsx", file);

        assertThat(report).contains("未登记任何案件").contains("第3行").contains("区划代码")
                .contains("330681109999 不存在").doesNotContain("第2行").doesNotContain("第4行");
        assertThat(jdbc.sql("select count(*) from cases where source_ref like ?").param(batch + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void everyBadRowIsReportedWithAReasonAPersonCanActOn() throws Exception {
        byte[] file = workbook(
                row(batch + "-1", "明天上午", "", "咨询", "", "", "标题", "内容", FENGYUAN, "", "", "", "", ""),
                row(batch + "-2", "2027-01-05 09:00", "传真", "咨询", "", "", "标题", "内容", FENGYUAN, "", "", "", "", ""),
                row(batch + "-3", "", "", "闲聊", "99", "", "", "内容", FENGYUAN, "", "", "13800000000", "很多", ""),
                row(batch + "-4", "", "", "咨询", "", "邻里纠纷", "标题", "内容", FENGYUAN, "", "", "", "", ""),
                row(batch + "-4", "", "", "咨询", "", "", "标题", "内容", FENGYUAN, "", "", "", "", ""));

        String report = importFile("fq.dispatcher", "bad.xlsx", file);

        assertThat(report).contains("第2行").contains("“明天上午”不是有效的时间")
                .contains("第3行").contains("晚于当前时间").contains("“传真”不是可选的值")
                .contains("第4行").contains("“闲聊”不是可选的值").contains("找不到诉求分类“99”").contains("必填，不能为空")
                .contains("须同时填写当事人姓名").contains("“很多”不是有效的数字")
                .contains("第5行").contains("纠纷类型").contains("第6行").contains("与第5行重复");
        assertThat(jdbc.sql("select count(*) from cases where source_ref like ?").param(batch + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theSameWorkOrderIsNotImportedTwice() throws Exception {
        byte[] file = workbook(row(batch + "-1", "2026-11-02 09:30", "", "咨询", "", "", "咨询事项", "内容", FENGYUAN, "",
                "", "", "", ""));
        assertThat(importFile("fq.intake", "a.xlsx", file)).contains("登记 1 件案件");
        assertThat(importFile("fq.intake", "a.xlsx", file)).contains("第2行").contains("已经登记过");
        assertThat(jdbc.sql("select count(*) from cases where source_ref like ?").param(batch + "%")
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void filesThatAreNotAReadableXlsxAreRefusedWithAMessage() throws Exception {
        assertThat(refusal("cases.xlsx", "来源编号,标题\n1,测试\n".getBytes(StandardCharsets.UTF_8)))
                .contains("不是 Excel 工作簿");
        assertThat(refusal("cases.xlsx", zipWith("hello.txt", "hello"))).contains("不是 Excel 工作簿");
        byte[] valid = workbook(row(batch, "", "", "咨询", "", "", "标题", "内容", FENGYUAN, "", "", "", "", ""));
        assertThat(refusal("cases.xlsx", Arrays.copyOf(valid, valid.length / 2))).contains("文件无法读取");
        HSSFWorkbook xls = new HSSFWorkbook();
        xls.createSheet().createRow(0).createCell(0).setCellValue("标题");
        assertThat(refusal("cases.xlsx", bytes(xls))).contains("旧版 Excel 文件");
        byte[] large = new byte[6 * 1024 * 1024];
        System.arraycopy(valid, 0, large, 0, valid.length);
        assertThat(refusal("cases.xlsx", large)).contains("超过 5 MB");
        XSSFWorkbook noColumns = new XSSFWorkbook();
        Row head = noColumns.createSheet().createRow(0);
        head.createCell(0).setCellValue("标题");
        head.createCell(1).setCellValue("内容");
        noColumns.getSheetAt(0).createRow(1).createCell(0).setCellValue("x");
        assertThat(refusal("cases.xlsx", bytes(noColumns))).contains("缺少必需的列").contains("事项类型").contains("区划代码");
        assertThat(refusal("cases.xlsx", new byte[0])).contains("请选择要导入的 Excel 文件");
    }

    @Test
    void theTemplateExplainsTheColumnsAndCanBeFilledInAndImported() throws Exception {
        MockHttpServletResponse response = pages.mvc.perform(get("/cases/import/template.xlsx")
                .with(pages.as("fengyuan.grid"))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        XSSFWorkbook template = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()));
        assertThat(template.getNumberOfSheets()).isEqualTo(3);
        Sheet data = template.getSheetAt(0);
        assertThat(LedgerExportTest.cells(data.getRow(0))).contains("来源编号", "登记时间", "标题*", "内容*", "区划代码*",
                "当事人姓名", "涉及人数", "涉及金额");
        assertThat(LedgerExportTest.allText(template)).contains("诉求分类").contains("12345热线").contains("邻里纠纷");
        Row filled = data.createRow(2);
        String[] values = {batch, "2026-11-10 08:45", "", "求助", "", "", "独居老人家中停水", "请求帮助联系维修。", FENGYUAN};
        for (int i = 0; i < values.length; i++) {
            filled.createCell(i).setCellValue(values[i]);
        }
        assertThat(importFile("fengyuan.grid", "template.xlsx", bytes(template))).contains("登记 1 件案件");
    }

    @Test
    void withoutHtmxAnImportLeadsToAJobPageThatRefreshesItselfUntilTheReportIsThere() throws Exception {
        byte[] file = workbook(row(batch, "2026-11-02 09:30", "", "咨询", "", "", "咨询事项", "内容", FENGYUAN, "", "", "",
                "", ""));
        MockHttpServletResponse posted = pages.mvc.perform(multipart("/cases/import").file(xlsx("a.xlsx", file))
                .with(pages.as("fq.intake")).with(csrf())).andReturn().getResponse();
        assertThat(posted.getRedirectedUrl()).startsWith("/jobs/");
        String page = "";
        for (int i = 0; i < 600 && !page.contains("登记 1 件案件"); i++) {
            page = pages.mvc.perform(get(posted.getRedirectedUrl()).with(pages.as("fq.intake"))).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            if (!page.contains("登记 1 件案件")) {
                assertThat(page).contains("http-equiv=\"refresh\"");
                Thread.sleep(100);
            }
        }
        assertThat(page).contains("登记 1 件案件").doesNotContain("http-equiv=\"refresh\"").contains("导出与导入任务");
    }

    @Test
    void onlyIntakeOfficersAndDispatchersMayImport() throws Exception {
        assertThat(pages.mvc.perform(get("/cases/import").with(pages.as("fq.labour"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(pages.mvc.perform(multipart("/cases/import").file(xlsx("a.xlsx", new byte[] {1}))
                .with(pages.as("fq.labour")).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(pages.mvc.perform(get("/cases/import").with(pages.as("fq.intake"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("下载导入模板");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private String importFile(String user, String name, byte[] content) throws Exception {
        String started = pages.mvc.perform(multipart("/cases/import").file(xlsx(name, content))
                        .header("HX-Request", "true").with(pages.as(user)).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Jobs.awaitEnd(pages, pages.as(user), Jobs.idIn(started));
    }

    private String refusal(String name, byte[] content) throws Exception {
        String html = pages.mvc.perform(multipart("/cases/import").file(xlsx(name, content))
                        .header("HX-Request", "true").with(pages.as("fq.intake")).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("alert-danger").doesNotContain("job-");
        return html;
    }

    private static MockMultipartFile xlsx(String name, byte[] content) {
        return new MockMultipartFile("file", name,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content);
    }

    private static Object[] row(Object... values) {
        return values;
    }

    /** A workbook with the template's Chinese headers and these rows (a LocalDateTime becomes a date cell). */
    private static byte[] workbook(Object[]... rows) throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet sheet = wb.createSheet("工单");
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d h:mm"));
        Row head = sheet.createRow(0);
        for (int i = 0; i < HEADER.length; i++) {
            head.createCell(i).setCellValue(HEADER[i]);
        }
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r + 1);
            for (int i = 0; i < rows[r].length; i++) {
                Object v = rows[r][i];
                if (v instanceof LocalDateTime t) {
                    row.createCell(i).setCellValue(t);
                    row.getCell(i).setCellStyle(date);
                } else if (!"".equals(v)) {
                    row.createCell(i).setCellValue((String) v);
                }
            }
        }
        return bytes(wb);
    }

    private static byte[] bytes(Workbook wb) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        wb.close();
        return out.toByteArray();
    }

    private static byte[] zipWith(String name, String content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static Instant china(LocalDateTime t) {
        return t.atZone(ChinaTime.ZONE).toInstant();
    }
}
