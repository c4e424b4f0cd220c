package org.fengqiao.reviews;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import org.fengqiao.platform.ChinaTime;

/** The minutes of a meeting (会商纪要) in Word and an agenda as an Excel ledger, both with Apache POI. */
@Service
public class ReviewDocuments {

    static final String FONT = "SimSun";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;

    ReviewDocuments(MessageSource messages) {
        this.messages = messages;
    }

    /** The minutes: heading, who met, the decisions item by item, the follow-up tasks. */
    public byte[] minutes(ReviewMeetings.Meeting m, Locale l) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            heading(doc, text(l, "reviews.minutes.title", m.centreName(),
                    text(l, "reviews.frequency." + m.frequency())), 18);
            paragraph(doc, text(l, "reviews.minutes.heldAt", MINUTE.format(m.heldAt().atZone(ChinaTime.ZONE))));
            paragraph(doc, text(l, "reviews.minutes.period", ChinaTime.dateOf(m.periodFrom()).toString(),
                    ChinaTime.dateOf(m.periodTo()).toString()));
            paragraph(doc, text(l, "reviews.minutes.chair", m.chair()));
            paragraph(doc, text(l, "reviews.minutes.attendees", String.join("、", m.attendees())));
            if (!m.invitedUnits().isEmpty()) {
                paragraph(doc, text(l, "reviews.minutes.invited", String.join("、", m.invitedUnits())));
            }
            if (m.summary() != null) {
                heading(doc, text(l, "reviews.minutes.summary"), 14);
                paragraph(doc, m.summary());
            }
            heading(doc, text(l, "reviews.minutes.decisions"), 14);
            if (m.decisions().isEmpty()) {
                paragraph(doc, text(l, "reviews.minutes.noDecisions"));
            }
            for (ReviewMeetings.Decision d : m.decisions()) {
                String item = d.caseId() == null ? text(l, "reviews.section." + d.section())
                        : text(l, "reviews.minutes.item", text(l, "reviews.section." + d.section()),
                        d.trackingCode() == null ? "#" + d.caseId() : d.trackingCode(),
                        d.caseTitle() == null ? "" : d.caseTitle());
                paragraph(doc, d.position() + ". " + item);
                paragraph(doc, "    " + text(l, "reviews.action." + d.action()) + "："
                        + describe(d, l) + d.text());
            }
            heading(doc, text(l, "reviews.minutes.followUps"), 14);
            if (m.followUps().isEmpty()) {
                paragraph(doc, text(l, "reviews.minutes.noFollowUps"));
            } else {
                XWPFTable table = doc.createTable(m.followUps().size() + 1, 4);
                String[] head = {"task", "owner", "dueOn", "state"};
                for (int c = 0; c < head.length; c++) {
                    table.getRow(0).getCell(c).setText(text(l, "reviews.followUp." + head[c]));
                }
                for (int r = 0; r < m.followUps().size(); r++) {
                    ReviewMeetings.FollowUp f = m.followUps().get(r);
                    table.getRow(r + 1).getCell(0).setText(f.task());
                    table.getRow(r + 1).getCell(1).setText(f.owner());
                    table.getRow(r + 1).getCell(2).setText(f.dueOn().toString());
                    table.getRow(r + 1).getCell(3).setText(text(l, f.doneAt() == null ? "reviews.followUp.open"
                            : "reviews.followUp.done"));
                }
            }
            paragraph(doc, "");
            paragraph(doc, text(l, "reviews.minutes.recordedBy", m.recordedBy()));
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String describe(ReviewMeetings.Decision d, Locale l) {
        StringBuilder s = new StringBuilder();
        if (d.unitName() != null) {
            s.append(d.unitName()).append("；");
        }
        if (d.leader() != null) {
            s.append(d.leader()).append("；");
        }
        if (d.dueOn() != null) {
            s.append(text(l, "reviews.minutes.due", d.dueOn().toString())).append("；");
        }
        return s.toString();
    }

    /** The agenda as an Excel ledger: one row per item, with its section, and a sheet of trends. */
    public byte[] agendaLedger(Agenda a, Locale l) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(text(l, "reviews.ledger.sheet"));
            row(sheet, 0, text(l, "reviews.ledger.title", a.centre().name(), a.meetingDate().toString()));
            String[] cols = {"section", "trackingCode", "title", "place", "status", "risk", "people", "why"};
            row(sheet, 1, java.util.Arrays.stream(cols).map(c -> text(l, "reviews.ledger.col." + c))
                    .toArray(String[]::new));
            int r = 2;
            for (Agenda.Section s : a.caseSections()) {
                for (Agenda.Item i : s.items()) {
                    row(sheet, r++, text(l, "reviews.section." + s.name()), i.trackingCode(), i.title(), i.regionName(),
                            text(l, "status." + i.status()), text(l, "risk." + i.riskLevel()),
                            String.valueOf(i.peopleInvolved()), i.why());
                }
            }
            for (Agenda.HotTopic t : a.hotTopics()) {
                row(sheet, r++, text(l, "reviews.section.hotTopics"), "", t.name(), "", "", "",
                        String.valueOf(t.size()), "");
            }
            for (var v : a.screening().missing()) {
                row(sheet, r++, text(l, "reviews.section.screening"), "", text(l, "reviews.screening.missing"),
                        v.regionName(), "", "", "", "");
            }
            for (Agenda.FollowUp f : a.followUps()) {
                row(sheet, r++, text(l, "reviews.section.followUps"), f.trackingCode() == null ? "" : f.trackingCode(),
                        f.task(), f.owner(), f.dueOn().toString(), "", "", "");
            }
            sheet.createFreezePane(0, 2);
            sheet.setColumnWidth(2, 40 * 256);
            sheet.setColumnWidth(7, 40 * 256);
            Sheet trends = book.createSheet(text(l, "reviews.section.trends"));
            row(trends, 0, text(l, "reviews.trends.measure"), text(l, "reviews.trends.current"),
                    text(l, "reviews.trends.previous"), text(l, "reviews.trends.lastYear"));
            int t = 1;
            for (Agenda.TrendRow tr : a.trends().measures()) {
                row(trends, t++, tr.label(), tr.current().display(), tr.previous().display(), tr.lastYear().display());
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void heading(XWPFDocument doc, String text, int size) {
        XWPFParagraph p = doc.createParagraph();
        if (size >= 18) {
            p.setAlignment(ParagraphAlignment.CENTER);
        }
        XWPFRun run = p.createRun();
        run.setBold(true);
        run.setFontSize(size);
        run.setFontFamily(FONT);
        run.setText(text);
    }

    static void paragraph(XWPFDocument doc, String text) {
        XWPFRun run = doc.createParagraph().createRun();
        run.setFontFamily(FONT);
        run.setFontSize(12);
        run.setText(text);
    }

    private static void row(Sheet sheet, int n, String... values) {
        Row row = sheet.createRow(n);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    String text(Locale l, String key, Object... args) {
        return messages.getMessage(key, args, key, l);
    }
}
