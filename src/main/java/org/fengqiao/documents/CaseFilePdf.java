package org.fengqiao.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import org.fengqiao.cases.CaseAttachments.AttachmentInfo;
import org.fengqiao.cases.CaseViews.CaseView;
import org.fengqiao.cases.CaseViews.TimelineEntry;
import org.fengqiao.documents.Doc.*;
import org.fengqiao.platform.ChinaTime;

/**
 * The whole case file (卷宗) as one PDF: a cover, the table of contents, every document the case could make, the
 * timeline and the list of attachments, in one embedded CJK font (subset) so the text can be extracted. Made
 * from a dossier with personal data masked.
 */
final class CaseFilePdf {

    private static final float TITLE = 20;
    private static final float HEADING = 13;
    private static final float BODY = 10.5f;

    private final Words w;

    CaseFilePdf(Words w) {
        this.w = w;
    }

    byte[] render(Path fontPath, Dossier d, List<Doc> docs) {
        try (CaseFileFont.Opened opened = CaseFileFont.open(fontPath); PDDocument pdf = new PDDocument();
             ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(pdf, opened.font(), true);
            info(pdf, d);
            List<String[]> contents = new ArrayList<>();
            try (PdfWriter out = new PdfWriter(pdf, font)) {
                cover(out, d);
                int tocPage = out.newPage();
                out.centred(w.t("casefile.contents"), HEADING + 2);
                for (Doc doc : docs) {
                    contents.add(new String[] {doc.title() + "（" + doc.number() + "）", String.valueOf(out.newPage())});
                    document(out, doc);
                }
                contents.add(new String[] {w.t("casefile.timeline"), String.valueOf(out.newPage())});
                timeline(out, d.timeline());
                contents.add(new String[] {w.t("casefile.attachments"), String.valueOf(out.newPage())});
                attachments(out, d.attachments());
                out.onPage(tocPage, contents, BODY + 1, 842 - PdfWriter.MARGIN - 2 * HEADING);
                out.footers(n -> w.t("casefile.page", n));
            }
            pdf.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void info(PDDocument pdf, Dossier d) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(w.t("casefile.title") + " " + d.c().trackingCode());
        info.setCreator("Fengqiao");
        // the archiving time, not the rendering time: the same case file renders to the same bytes
        Calendar at = GregorianCalendar.from(d.asOf().atZone(ChinaTime.ZONE));
        info.setCreationDate(at);
        info.setModificationDate(at);
    }

    private void cover(PdfWriter out, Dossier d) throws IOException {
        CaseView c = d.c();
        out.newPage();
        out.gap(120);
        out.centred(w.t("casefile.title"), TITLE + 8);
        out.gap(40);
        List<Field> rows = List.of(
                new Field(w.t("document.field.case"), c.trackingCode()),
                new Field(w.t("document.field.matter"), w.free(d, c.matter().title())),
                new Field(w.t("casefile.region"), c.matter().location().regionName()),
                new Field(w.t("document.field.handlingUnit"), c.handling().handlingUnit() == null
                        ? c.handling().ownerUnit().name() : c.handling().handlingUnit().name()),
                new Field(w.t("casefile.registeredAt"), w.date(c.intake().registeredAt())),
                new Field(w.t("document.revisit.closedAt"), w.date(c.closure().closedAt())),
                new Field(w.t("document.revisit.outcome"), c.closure().outcome() == null ? w.t("document.none")
                        : w.t("outcome." + c.closure().outcome())),
                new Field(w.t("casefile.archivedAt"), w.dateTime(d.asOf())));
        for (Field f : rows) {
            out.text(f.label() + "：" + f.value(), HEADING, 60);
        }
        out.gap(60);
        out.text(w.t("casefile.masked"), BODY, 0);
    }

    private void document(PdfWriter out, Doc doc) throws IOException {
        out.centred(doc.title(), TITLE);
        out.text(doc.number(), BODY, 0);
        for (Block block : doc.blocks()) {
            switch (block) {
                case Heading h -> {
                    out.gap(4);
                    out.text(h.text(), HEADING, 0);
                }
                case Para p -> out.text(p.text(), BODY, 21);
                case Fields f -> {
                    for (Field r : f.rows()) {
                        out.text(r.label() + "：" + r.value(), BODY, 0);
                    }
                }
                case SignLines s -> {
                    out.gap(10);
                    for (SignLine l : s.lines()) {
                        out.text(l.label() + "：" + (l.signature() == null ? "____________"
                                : w.t("casefile.signed", l.signedNote())), BODY, 0);
                    }
                    out.text(s.dateLine(), BODY, 260);
                }
            }
        }
    }

    private void timeline(PdfWriter out, List<TimelineEntry> timeline) throws IOException {
        out.centred(w.t("casefile.timeline"), TITLE);
        for (TimelineEntry e : timeline) {
            String when = w.dateTime(e.happenedAt()) + (e.recordedLater()
                    ? w.t("casefile.recordedAt", w.dateTime(e.occurredAt())) : "");
            String who = e.actorName() == null ? w.t("event.system")
                    : e.actorName() + (e.actorUnitName() == null ? "" : "（" + e.actorUnitName() + "）");
            out.text(when + "  " + w.t("event." + e.type()) + "  " + who, BODY, 0);
            if (e.reason() != null && !e.reason().isBlank()) {
                out.text(org.fengqiao.cases.FreeTextMasking.mask(e.reason()), BODY - 1, 21);
            }
        }
    }

    private void attachments(PdfWriter out, List<AttachmentInfo> attachments) throws IOException {
        out.centred(w.t("casefile.attachments"), TITLE);
        if (attachments.isEmpty()) {
            out.text(w.t("document.none"), BODY, 0);
        }
        int i = 1;
        for (AttachmentInfo a : attachments) {
            out.text(w.t("casefile.attachment", i++, a.filename(), a.contentType(), Math.max(1, a.sizeBytes() / 1024),
                    w.dateTime(a.uploadedAt()), a.uploadedBy()), BODY, 0);
        }
    }
}
