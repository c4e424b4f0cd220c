package org.fengqiao.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays text out on A4 pages with one embedded CJK font: wraps lines by the glyphs' widths (Chinese breaks
 * anywhere), starts new pages, numbers them. Characters the font lacks are written as "?" rather than failing.
 */
final class PdfWriter implements AutoCloseable {

    static final float MARGIN = 60;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument pdf;
    private final PDType0Font font;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream out;
    private float y;

    PdfWriter(PDDocument pdf, PDType0Font font) {
        this.pdf = pdf;
        this.font = font;
    }

    /** Starts a new page and returns its number (1-based). */
    int newPage() throws IOException {
        closeStream();
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        pages.add(page);
        out = new PDPageContentStream(pdf, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
        return pages.size();
    }

    int pageNumber() {
        return pages.size();
    }

    PDPage page(int number) {
        return pages.get(number - 1);
    }

    /** Writes wrapped text at {@code indent}, {@code size} points, new pages as needed. */
    void text(String text, float size, float indent) throws IOException {
        for (String paragraph : (text == null ? "" : text).split("\n")) {
            for (String line : wrap(safe(paragraph), size, WIDTH - indent)) {
                space(size * 1.6f);
                show(line, size, MARGIN + indent, y);
            }
        }
    }

    /** Writes one line centred. */
    void centred(String text, float size) throws IOException {
        String s = safe(text);
        space(size * 1.8f);
        show(s, size, MARGIN + (WIDTH - width(s, size)) / 2, y);
    }

    /** Writes a line with {@code right} flush right, e.g. a table of contents' page number. */
    void leftRight(String left, String right, float size) throws IOException {
        space(size * 1.8f);
        show(safe(left), size, MARGIN, y);
        show(safe(right), size, MARGIN + WIDTH - width(safe(right), size), y);
    }

    void gap(float points) throws IOException {
        space(points);
    }

    /** Writes on an earlier page (the table of contents, filled in once the page numbers are known). */
    void onPage(int number, List<String[]> rows, float size, float top) throws IOException {
        try (PDPageContentStream s = new PDPageContentStream(pdf, page(number), PDPageContentStream.AppendMode.APPEND,
                true)) {
            float at = top;
            for (String[] row : rows) {
                at -= size * 1.8f;
                write(s, safe(row[0]), size, MARGIN, at);
                write(s, safe(row[1]), size, MARGIN + WIDTH - width(safe(row[1]), size), at);
            }
        }
    }

    /** Numbers every page at its foot. */
    void footers(java.util.function.IntFunction<String> label) throws IOException {
        closeStream();
        for (int i = 1; i <= pages.size(); i++) {
            try (PDPageContentStream s = new PDPageContentStream(pdf, page(i), PDPageContentStream.AppendMode.APPEND,
                    true)) {
                String text = safe(label.apply(i));
                write(s, text, 9, MARGIN + (WIDTH - width(text, 9)) / 2, MARGIN / 2);
            }
        }
    }

    private void space(float needed) throws IOException {
        if (out == null || y - needed < MARGIN) {
            newPage();
        }
        y -= needed;
    }

    private void show(String text, float size, float x, float at) throws IOException {
        write(out, text, size, x, at);
    }

    private void write(PDPageContentStream s, String text, float size, float x, float at) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, at);
        s.showText(text);
        s.endText();
    }

    private List<String> wrap(String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            float w = width(ch, size);
            if (used + w > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            line.append(ch);
            used += w;
            i += Character.charCount(cp);
        }
        lines.add(line.toString());
        return lines;
    }

    private float width(String s, float size) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }

    /** The text with tabs as spaces and characters the font has no glyph for as "?". */
    String safe(String text) {
        StringBuilder b = new StringBuilder();
        (text == null ? "" : text).replace('\t', ' ').replace('›', '>').replace('‹', '<').codePoints().forEach(cp -> {
            boolean ok = glyphs.computeIfAbsent(cp, c -> {
                try {
                    return !Character.isISOControl(c) && font.encode(new String(Character.toChars(c))).length > 0;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            b.append(ok ? new String(Character.toChars(cp)) : "?");
        });
        return b.toString();
    }

    private void closeStream() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeStream();
    }
}
