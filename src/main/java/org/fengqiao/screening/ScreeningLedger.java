package org.fengqiao.screening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import org.fengqiao.access.Actor;
import org.fengqiao.categories.Categories;
import org.fengqiao.audit.AuditLog;

/**
 * The screening ledger (排查台账) as Excel: one row per screened item, a zero report as a row of its own, and the
 * villages that did not report for each period. No personal data: the items are matters and places.
 */
@Service
public class ScreeningLedger {

    private final Screening screening;
    private final Categories categories;
    private final MessageSource messages;
    private final AuditLog audit;

    ScreeningLedger(Screening screening, Categories categories, MessageSource messages, AuditLog audit) {
        this.screening = screening;
        this.categories = categories;
        this.messages = messages;
        this.audit = audit;
    }

    @org.springframework.transaction.annotation.Transactional
    public byte[] export(Actor actor, String region, LocalDate from, LocalDate to, Locale locale) {
        List<Screening.Report> reports = screening.reports(actor, region, from, to);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(text("screening.ledger.sheet", locale));
            String[] headers = {"period", "place", "state", "position", "title", "kind", "disputeType", "people",
                    "case", "reportedBy", "reportedAt"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(text("screening.ledger.col." + headers[i], locale));
            }
            int r = 1;
            for (Screening.Report rep : reports) {
                String period = rep.periodStart() + " ~ " + rep.periodEnd();
                if (rep.zeroReport()) {
                    row(sheet, r++, period, rep.regionName(), text("screening.state.ZERO", locale), "", "", "", "", "",
                            "", rep.reportedBy(), rep.reportedAt().toString());
                }
                for (Screening.Item it : rep.items()) {
                    row(sheet, r++, period, rep.regionName(), text("screening.state.REPORTED", locale),
                            String.valueOf(it.position()), it.title(), text("kind." + it.kind().name(), locale),
                            it.disputeType() == null ? "" : categories.disputeType(it.disputeType()).map(d -> locale.getLanguage()
                                    .equals("en") ? d.nameEn() : d.nameZh()).orElse(it.disputeType()),
                            String.valueOf(it.peopleInvolved()), it.caseId() == null ? "" : "#" + it.caseId(),
                            rep.reportedBy(), rep.reportedAt().toString());
                }
            }
            for (LocalDate p = screening.periodOf(from); !p.isAfter(to); p = screening.rhythm().end(p).plusDays(1)) {
                for (Screening.VillageStatus v : screening.status(actor, region, p).missing()) {
                    row(sheet, r++, p + " ~ " + screening.rhythm().end(p), v.regionName(),
                            text("screening.state.MISSING", locale), "", "", "", "", "", "", "", "");
                }
            }
            sheet.createFreezePane(0, 1);
            for (int i = 0; i < headers.length; i++) {
                sheet.setColumnWidth(i, i == 4 ? 40 * 256 : 16 * 256);
            }
            book.write(out);
            audit.record(actor.userId(), actor.unitId(), AuditLog.Action.EXPORT_CASES, null, "screening-ledger",
                    java.util.Map.of("rows", r - 1));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Sheet sheet, int n, String... values) {
        Row row = sheet.createRow(n);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
