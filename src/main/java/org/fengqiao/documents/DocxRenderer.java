package org.fengqiao.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;

import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import org.fengqiao.documents.Doc.*;

/**
 * Writes a {@link Doc} as an editable Word file in the layout offices use: A4, title in 宋体 二号 bold and
 * centred, body in 仿宋 三号 with a two-character first-line indent, label–value tables, and the lines to sign
 * with the signatures given on a screen placed on them.
 */
final class DocxRenderer {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String TITLE_FONT = "宋体";
    private static final String BODY_FONT = "仿宋";
    private static final String HEADING_FONT = "黑体";
    private static final int TITLE_SIZE = 22;
    private static final int BODY_SIZE = 16;
    private static final int SMALL_SIZE = 12;

    private DocxRenderer() {
    }

    static byte[] render(Doc doc) {
        try (XWPFDocument word = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pageA4(word);
            word.getProperties().getCoreProperties().setTitle(doc.title());
            XWPFParagraph title = word.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(200);
            run(title, doc.title(), TITLE_FONT, TITLE_SIZE, true);
            XWPFParagraph number = word.createParagraph();
            number.setAlignment(ParagraphAlignment.RIGHT);
            run(number, doc.number(), BODY_FONT, SMALL_SIZE, false);
            for (Block block : doc.blocks()) {
                switch (block) {
                    case Heading h -> {
                        XWPFParagraph p = word.createParagraph();
                        p.setSpacingBefore(160);
                        run(p, h.text(), HEADING_FONT, BODY_SIZE, false);
                    }
                    case Para p -> {
                        for (String line : p.text().split("\n")) {
                            XWPFParagraph para = word.createParagraph();
                            para.setFirstLineIndent(640); // two characters of 三号
                            para.setSpacingBetween(1.25);
                            run(para, line, BODY_FONT, BODY_SIZE, false);
                        }
                    }
                    case Fields f -> fields(word, f);
                    case SignLines s -> signLines(word, s);
                }
            }
            word.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fields(XWPFDocument word, Fields f) {
        XWPFTable table = word.createTable(f.rows().size(), 2);
        table.setWidth("100%");
        for (int i = 0; i < f.rows().size(); i++) {
            XWPFTableRow row = table.getRow(i);
            cell(row, 0, f.rows().get(i).label(), true);
            cell(row, 1, f.rows().get(i).value(), false);
        }
        word.createParagraph();
    }

    private static void cell(XWPFTableRow row, int index, String text, boolean label) {
        XWPFParagraph p = row.getCell(index).getParagraphs().getFirst();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            XWPFRun r = run(p, lines[i], label ? HEADING_FONT : BODY_FONT, SMALL_SIZE + 2, false);
            if (i < lines.length - 1) {
                r.addBreak();
            }
        }
        row.getCell(index).setWidth(label ? "25%" : "75%");
    }

    private static void signLines(XWPFDocument word, SignLines s) {
        word.createParagraph().setSpacingBefore(400);
        for (SignLine line : s.lines()) {
            XWPFParagraph p = word.createParagraph();
            p.setSpacingBefore(240);
            run(p, line.label() + "：", BODY_FONT, BODY_SIZE, false);
            if (line.signature() != null) {
                XWPFRun image = p.createRun();
                try {
                    image.addPicture(new ByteArrayInputStream(line.signature().image()), Document.PICTURE_TYPE_PNG,
                            "signature-" + line.signature().id() + ".png", Units.toEMU(120), Units.toEMU(48));
                } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                    throw new IllegalStateException("a stored signature could not be placed", e);
                }
                run(p, "  " + line.signedNote(), BODY_FONT, 10, false);
            } else {
                run(p, "____________________", BODY_FONT, BODY_SIZE, false);
            }
        }
        XWPFParagraph date = word.createParagraph();
        date.setAlignment(ParagraphAlignment.RIGHT);
        date.setSpacingBefore(400);
        run(date, s.dateLine(), BODY_FONT, BODY_SIZE, false);
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
        r.setFontSize(size);
        r.setBold(bold);
        return r;
    }

    private static void pageA4(XWPFDocument word) {
        CTSectPr section = word.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(2098)); // 37 mm, as in GB/T 9704
        margins.setBottom(BigInteger.valueOf(1984));
        margins.setLeft(BigInteger.valueOf(1588));
        margins.setRight(BigInteger.valueOf(1474));
    }
}
