package org.fengqiao.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.fengqiao.access.Actor;
import org.fengqiao.audit.AuditLog;
import org.fengqiao.cases.CaseFilter;
import org.fengqiao.cases.CaseLists;
import org.fengqiao.cases.CaseViews.LedgerRow;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ReadReplica;

/**
 * Exports the case list as the ledger (台账): an .xlsx with a title row naming the filter and the export time,
 * a frozen header row in the user's language and one row per case — exactly the cases the list shows for the
 * same filter, in its order. Parties' personal data, descriptions and addresses are left out (privacy by
 * default). Every export is recorded in the audit log with its filter and row count.
 */
@Service
public class LedgerExport {

    /** The ledger's columns, with their widths in characters. */
    enum Column {
        TRACKING_CODE(22), REGISTERED_AT(17), CHANNEL(13), SOURCE_REF(18), KIND(10), CATEGORY(36), DISPUTE_TYPE(14),
        TITLE(40), REGION(30), GRID(14), HANDLING_UNIT(26), STATUS(10), DUE(12), OVERDUE(9), RISK(9), SUPERVISED(9),
        PEOPLE(9), AMOUNT(14), CLOSED_AT(17), OUTCOME(15), RATING(11);

        final int width;

        Column(int width) {
            this.width = width;
        }

        String key() {
            return "ledger.col." + name();
        }
    }

    /** What to export: the list's filter and order, and the query string they were read from. */
    public record Request(CaseFilter filter, CaseFilter.Sort sort, String query) {
    }

    /** A finished workbook. */
    public record Result(Path file, String fileName, long rows) {
    }

    private static final int TITLE_ROW = 0;
    private static final int INFO_ROW = 1;
    private static final int HEADER_ROW = 2;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CaseLists queries;
    private final FilterDescription filters;
    private final AuditLog audit;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final LedgerJobs jobs;
    private final LedgerProperties properties;
    private final Clock clock;
    private final ReadReplica replica;

    LedgerExport(CaseLists queries, FilterDescription filters, AuditLog audit, MessageSource messages,
                 PlatformTransactionManager transactionManager, LedgerJobs jobs, LedgerProperties properties,
                 Clock clock, ReadReplica replica) {
        this.queries = queries;
        this.replica = replica;
        this.filters = filters;
        this.audit = audit;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Starts the export in the background. A list longer than the cap is refused at once, with its size.
     */
    public LedgerJob start(Actor actor, Request request) {
        checkSize(actor, request);
        return jobs.submit(actor, LedgerJob.Kind.EXPORT, job -> {
            Result result = write(actor, request, job);
            job.finished(result.file(), result.fileName(), result.rows());
        });
    }

    /** Writes the export now, for a caller who waits for the file; the caller deletes the file when sent. */
    public Result export(Actor actor, Request request) {
        checkSize(actor, request);
        return write(actor, request, null);
    }

    private void checkSize(Actor actor, Request request) {
        long count = queries.count(actor, request.filter());
        if (count > properties.maxExportRows()) {
            NumberFormat n = NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale());
            throw new ProblemException.InvalidInput("query", "ledger.export.tooMany", n.format(count),
                    n.format(properties.maxExportRows()));
        }
    }

    private Result write(Actor actor, Request request, LedgerJob job) {
        Locale locale = LocaleContextHolder.getLocale();
        Instant at = clock.instant();
        String filterText = filters.describe(request.filter(), request.sort(), locale);
        String fileName = text(locale, "ledger.export.fileName", STAMP.format(at.atZone(ChinaTime.ZONE))) + ".xlsx";
        Path file = null;
        try {
            file = LedgerJobs.newFile(".xlsx");
            long rows;
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
                workbook.setCompressTempFiles(true);
                Sheet sheet = new Sheet(workbook, locale);
                // the ledger is a report: read from the replica when one is configured and in step
                rows = replica.reading(() -> queries.ledger(actor, request.filter(), request.sort(), properties.maxExportRows(),
                        new CaseLists.LedgerSink() {
                            @Override
                            public void start(long total) {
                                sheet.top(actor, filterText, at, total);
                                if (job != null) {
                                    job.phase("ledger.job.exporting", total);
                                }
                            }

                            @Override
                            public void row(LedgerRow row) {
                                sheet.add(row);
                                if (job != null) {
                                    job.advance();
                                }
                            }
                        }));
                sheet.finish();
                workbook.write(out);
            }
            long written = rows;
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("query", request.query() == null ? "" : request.query());
            detail.put("filter", filterText);
            detail.put("rows", written);
            detail.put("file", fileName);
            transactions.executeWithoutResult(s -> audit.record(actor.userId(), actor.unitId(),
                    AuditLog.Action.EXPORT_CASES, null, "ledger", detail));
            return new Result(file, fileName, written);
        } catch (IOException | RuntimeException e) {
            LedgerJobs.delete(file);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new java.io.UncheckedIOException((IOException) e);
        }
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** The one sheet of the ledger, written row by row. */
    private final class Sheet {
        private final SXSSFWorkbook workbook;
        private final SXSSFSheet sheet;
        private final Locale locale;
        private final CellStyle titleStyle;
        private final CellStyle infoStyle;
        private final CellStyle headerStyle;
        private final CellStyle textStyle;
        private final CellStyle dateTimeStyle;
        private final CellStyle dateStyle;
        private final CellStyle amountStyle;
        private final CellStyle numberStyle;
        private final Map<String, String> labels = new java.util.HashMap<>();
        private int next = HEADER_ROW + 1;

        Sheet(SXSSFWorkbook workbook, Locale locale) {
            this.workbook = workbook;
            this.locale = locale;
            this.sheet = workbook.createSheet(text(locale, "ledger.export.sheet"));
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            Font grey = workbook.createFont();
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            titleStyle = workbook.createCellStyle();
            titleStyle.setFont(big);
            infoStyle = workbook.createCellStyle();
            infoStyle.setFont(grey);
            headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            headerStyle.setAlignment(HorizontalAlignment.CENTER);
            headerStyle.setVerticalAlignment(VerticalAlignment.CENTER);
            headerStyle.setWrapText(true);
            border(headerStyle);
            textStyle = workbook.createCellStyle();
            border(textStyle);
            dateTimeStyle = formatted("yyyy-mm-dd hh:mm");
            dateStyle = formatted("yyyy-mm-dd");
            amountStyle = formatted("#,##0.00");
            numberStyle = formatted("0");
        }

        private CellStyle formatted(String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            border(style);
            return style;
        }

        private static void border(CellStyle style) {
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }

        void top(Actor actor, String filterText, Instant at, long total) {
            int last = Column.values().length - 1;
            Row title = sheet.createRow(TITLE_ROW);
            title.setHeightInPoints(24);
            Cell t = title.createCell(0);
            t.setCellValue(text(locale, "ledger.export.title", actor.unit().name()));
            t.setCellStyle(titleStyle);
            sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, last));
            Row info = sheet.createRow(INFO_ROW);
            Cell i = info.createCell(0);
            i.setCellValue(text(locale, "ledger.export.info", filterText,
                    DATE_TIME.format(at.atZone(ChinaTime.ZONE)), actor.displayName(),
                    NumberFormat.getIntegerInstance(locale).format(total)));
            i.setCellStyle(infoStyle);
            sheet.addMergedRegion(new CellRangeAddress(INFO_ROW, INFO_ROW, 0, last));
            Row header = sheet.createRow(HEADER_ROW);
            header.setHeightInPoints(20);
            for (Column c : Column.values()) {
                Cell cell = header.createCell(c.ordinal());
                cell.setCellValue(text(locale, c.key()));
                cell.setCellStyle(headerStyle);
                sheet.setColumnWidth(c.ordinal(), c.width * 256);
            }
            sheet.createFreezePane(1, HEADER_ROW + 1);
            sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
        }

        void add(LedgerRow r) {
            Row row = sheet.createRow(next++);
            for (Column c : Column.values()) {
                Cell cell = row.createCell(c.ordinal());
                cell.setCellStyle(textStyle);
                switch (c) {
                    case TRACKING_CODE -> cell.setCellValue(r.trackingCode());
                    case REGISTERED_AT -> dateTime(cell, r.registeredAt());
                    case CHANNEL -> cell.setCellValue(label("channel." + r.channel()));
                    case SOURCE_REF -> put(cell, r.sourceRef());
                    case KIND -> cell.setCellValue(label("kind." + r.kind()));
                    case CATEGORY -> put(cell, r.category());
                    case DISPUTE_TYPE -> put(cell, r.disputeType() == null ? null
                            : filters.disputeTypeName(r.disputeType(), locale));
                    case TITLE -> cell.setCellValue(r.title());
                    case REGION -> cell.setCellValue(r.regionName());
                    case GRID -> put(cell, r.gridName());
                    case HANDLING_UNIT -> put(cell, r.handlingUnit());
                    case STATUS -> cell.setCellValue(label("status." + r.status()));
                    case DUE -> {
                        if (r.handleDueAt() != null) {
                            cell.setCellValue(org.fengqiao.deadlines.Deadlines.lastDayOf(r.handleDueAt()));
                            cell.setCellStyle(dateStyle);
                        }
                    }
                    case OVERDUE -> cell.setCellValue(label(r.overdue() ? "ledger.yes" : "ledger.no"));
                    case RISK -> cell.setCellValue(label("risk." + r.riskLevel()));
                    case SUPERVISED -> cell.setCellValue(label(r.supervised() ? "ledger.yes" : "ledger.no"));
                    case PEOPLE -> {
                        cell.setCellValue(r.peopleInvolved());
                        cell.setCellStyle(numberStyle);
                    }
                    case AMOUNT -> {
                        if (r.amountInvolved() != null) {
                            cell.setCellValue(r.amountInvolved().doubleValue());
                            cell.setCellStyle(amountStyle);
                        }
                    }
                    case CLOSED_AT -> dateTime(cell, r.closedAt());
                    case OUTCOME -> put(cell, r.outcome() == null ? null : label("outcome." + r.outcome()));
                    case RATING -> put(cell, r.rating() == null ? null : label("rating." + r.rating()));
                }
            }
        }

        void finish() {
            int last = Math.max(next - 1, HEADER_ROW);
            sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, last, 0, Column.values().length - 1));
        }

        private String label(String key) {
            return labels.computeIfAbsent(key, k -> text(locale, k));
        }

        private void dateTime(Cell cell, Instant instant) {
            if (instant != null) {
                cell.setCellValue(LocalDateTime.ofInstant(instant, ChinaTime.ZONE));
                cell.setCellStyle(dateTimeStyle);
            }
        }

        private static void put(Cell cell, String value) {
            if (value != null) {
                cell.setCellValue(value);
            }
        }
    }
}
