package org.fengqiao.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * A document's content, independent of its format: rendered to .docx for staff ({@link DocxRenderer}) and into
 * the archived case file ({@link CaseFilePdf}). {@link #text()} is what a signature's hash is taken over.
 */
record Doc(DocumentKind kind, Long subjectId, String title, String number, List<Block> blocks) {

    Doc {
        blocks = List.copyOf(blocks);
    }

    sealed interface Block {
    }

    /** A section heading, e.g. 一、当事人基本情况. */
    record Heading(String text) implements Block {
    }

    /** A paragraph; line breaks start new paragraphs. */
    record Para(String text) implements Block {
    }

    /** Label–value rows, shown as a two-column table. */
    record Fields(List<Field> rows) implements Block {
        Fields {
            rows = List.copyOf(rows);
        }
    }

    record Field(String label, String value) {
    }

    /** Lines to sign (and seal), with the signatures given on a screen where there are any, and the date line. */
    record SignLines(List<SignLine> lines, String dateLine) implements Block {
        SignLines {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A line to sign: its label (申请人（签名）), who signs it (role, party or null), the signature given (or null)
     * and the note written beside it (when it was given, the hash of the text it signed).
     */
    record SignLine(String label, String role, Long partyId, Signatures.Given signature, String signedNote) {
    }

    /** The text signed: everything but the signatures themselves, one item a line. */
    String text() {
        List<String> lines = new ArrayList<>();
        lines.add(title);
        lines.add(number);
        for (Block b : blocks) {
            switch (b) {
                case Heading h -> lines.add(h.text());
                case Para p -> lines.add(p.text());
                case Fields f -> f.rows().forEach(r -> lines.add(r.label() + "\t" + r.value()));
                case SignLines s -> {
                    s.lines().forEach(l -> lines.add(l.label()));
                    lines.add(s.dateLine());
                }
            }
        }
        return String.join("\n", lines);
    }
}
