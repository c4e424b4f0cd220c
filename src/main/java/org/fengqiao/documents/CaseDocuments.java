package org.fengqiao.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.audit.AuditLog;

/**
 * The documents (文书) of a case as editable Word files: which can be made now and what the others lack, and the
 * files themselves. Every download is recorded in the audit log; parties' personal data is written in full only
 * for those who may reveal it (that reveal audited too), masked for the others.
 */
@Service
public class CaseDocuments {

    /**
     * A document that can be made now ({@code ready}), or what the case lacks for it ({@code missing}: codes, and
     * their names in the caller's language).
     *
     * @param subjectId the record it is about (a session, agreement, revisit, notice), null for the case's own
     */
    public record Available(DocumentKind kind, String slug, String title, Long subjectId, boolean ready,
                            List<String> missing, List<String> missingNames) {
    }

    public record Download(String filename, String contentType, byte[] bytes) {
    }

    private final Dossiers dossiers;
    private final DocumentTexts texts;
    private final AuditLog audit;
    private final MessageSource messages;

    CaseDocuments(Dossiers dossiers, DocumentTexts texts, AuditLog audit, MessageSource messages) {
        this.dossiers = dossiers;
        this.texts = texts;
        this.audit = audit;
        this.messages = messages;
    }

    /** Every document of every kind: one per record for the kinds about records, or one saying what is missing. */
    @Transactional(readOnly = true)
    public List<Available> available(Actor actor, long caseId) {
        Dossier d = dossiers.preview(actor, caseId);
        List<Available> all = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            List<Long> subjects = texts.subjects(d, kind);
            if (subjects.isEmpty()) {
                all.add(check(d, kind, null));
            }
            subjects.forEach(s -> all.add(check(d, kind, s)));
        }
        return all;
    }

    private Available check(Dossier d, DocumentKind kind, Long subject) {
        String title = messages.getMessage("document.kind." + kind, null, LocaleContextHolder.getLocale());
        try {
            texts.build(d, kind, subject);
            return new Available(kind, kind.slug(), title, subject, true, List.of(), List.of());
        } catch (DocumentNotReady e) {
            return new Available(kind, kind.slug(), title, subject, false, e.missing(), e.missing().stream()
                    .map(m -> messages.getMessage("document.missing." + m, null, LocaleContextHolder.getLocale()))
                    .toList());
        }
    }

    /**
     * The document as a .docx, about {@code subjectId} (null: the latest record of its kind). 404 for a case or
     * record out of reach, 409 naming what the case lacks for it.
     */
    @Transactional
    public Download docx(Actor actor, long caseId, DocumentKind kind, Long subjectId) {
        Dossier d = dossiers.now(actor, caseId, "document:" + kind.slug());
        Doc doc = texts.build(d, kind, subjectId);
        byte[] bytes = DocxRenderer.render(doc);
        audit.record(actor.userId(), actor.unitId(), AuditLog.Action.DOWNLOAD_DOCUMENT, caseId,
                "document:" + kind.slug() + (doc.subjectId() == null ? "" : ":" + doc.subjectId()),
                Map.of("kind", kind.name(), "masked", d.masked(), "bytes", bytes.length));
        String name = doc.title() + "-" + d.c().trackingCode() + (doc.subjectId() == null ? "" : "-" + doc.subjectId());
        return new Download(name + ".docx", DocxRenderer.CONTENT_TYPE, bytes);
    }

    /**
     * What the parties read before they sign on a screen: the document's text and its lines to sign, each with
     * whether it is signed. Parties in full only for those who may reveal (audited).
     */
    public record Preview(String title, String number, Long subjectId, List<String> text, List<Line> lines) {
    }

    /** A line of the document to sign; {@code role} null for lines signed on paper only (seals). */
    public record Line(String label, String role, Long partyId, boolean signed, String signedNote) {
    }

    @Transactional
    public Preview preview(Actor actor, long caseId, DocumentKind kind, Long subjectId) {
        Doc doc = content(actor, caseId, kind, subjectId);
        List<Line> lines = doc.blocks().stream().filter(b -> b instanceof Doc.SignLines)
                .flatMap(b -> ((Doc.SignLines) b).lines().stream())
                .map(l -> new Line(l.label(), l.role(), l.partyId(), l.signature() != null, l.signedNote())).toList();
        List<String> text = List.of(doc.text().split("\n"));
        return new Preview(doc.title(), doc.number(), doc.subjectId(), text, lines);
    }

    /** The document's content as the parties see it now (for signing it). */
    Doc content(Actor actor, long caseId, DocumentKind kind, Long subjectId) {
        return texts.build(dossiers.now(actor, caseId, "signature:" + kind.slug()), kind, subjectId);
    }
}
