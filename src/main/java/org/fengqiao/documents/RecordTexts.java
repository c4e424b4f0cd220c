package org.fengqiao.documents;

import static org.fengqiao.documents.DocumentTexts.refuseIfMissing;
import static org.fengqiao.documents.DocumentTexts.require;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fengqiao.cases.CaseFileViews.Notice;
import org.fengqiao.cases.CaseFileViews.Revisit;
import org.fengqiao.cases.CaseFileViews.Session;
import org.fengqiao.cases.PartyRole;
import org.fengqiao.documents.Doc.*;

/** The documents about one record of the case: a session's 调解笔录, a 回访记录, a 督办通知单. */
final class RecordTexts {

    private final Words w;
    private final DocumentTexts texts;

    RecordTexts(Words w, DocumentTexts texts) {
        this.w = w;
        this.texts = texts;
    }

    Doc session(Dossier d, Optional<Session> found) {
        List<String> missing = new ArrayList<>();
        require(found.isPresent(), "session", missing);
        found.ifPresent(s -> require(s.notes() != null, "sessionNotes", missing));
        refuseIfMissing(DocumentKind.SESSION_RECORD, missing);
        Session s = found.orElseThrow();
        List<Block> b = new ArrayList<>();
        b.add(new Fields(List.of(
                new Field(w.t("document.field.case"), d.c().trackingCode()),
                new Field(w.t("document.field.matter"), w.free(d, d.c().matter().title())),
                new Field(w.t("document.session.heldAt"), w.dateTime(s.heldAt())),
                new Field(w.t("document.session.place"), s.place()),
                new Field(w.t("document.session.mediators"), s.mediators()),
                new Field(w.t("document.session.participants"), w.free(d, s.participants())),
                new Field(w.t("document.session.recorder"), w.or(s.recordedBy())),
                new Field(w.t("document.session.recordedAt"), w.dateTime(s.recordedAt())))));
        b.addAll(texts.partySections(d));
        b.add(new Heading(w.t("document.session.notesTitle")));
        b.add(new Para(w.free(d, s.notes())));
        b.add(new Heading(w.t("document.session.resultTitle")));
        b.add(new Para(w.t("mediation." + s.result())));
        b.add(new Para(w.t("document.session.checked")));
        List<SignLine> lines = new ArrayList<>(texts.partyLines(d, DocumentKind.SESSION_RECORD, s.id(),
                List.of(PartyRole.values())));
        lines.add(texts.line(d, DocumentKind.SESSION_RECORD, s.id(), w.t("document.sign.mediator"), "MEDIATOR", null));
        lines.add(new SignLine(w.t("document.sign.recorder"), null, null, null, null));
        b.add(new SignLines(lines, w.t("document.dateLine", w.date(s.heldAt()))));
        return texts.doc(d, DocumentKind.SESSION_RECORD, s.id(), b);
    }

    Doc revisit(Dossier d, Optional<Revisit> found) {
        List<String> missing = new ArrayList<>();
        require(found.isPresent(), "revisit", missing);
        refuseIfMissing(DocumentKind.REVISIT_RECORD, missing);
        Revisit r = found.orElseThrow();
        var closure = d.c().closure();
        List<Block> b = new ArrayList<>();
        b.add(new Fields(List.of(
                new Field(w.t("document.field.case"), d.c().trackingCode()),
                new Field(w.t("document.field.matter"), w.free(d, d.c().matter().title())),
                new Field(w.t("document.field.handlingUnit"), texts.committee(d)),
                new Field(w.t("document.revisit.closedAt"), w.date(closure.closedAt())),
                new Field(w.t("document.revisit.outcome"), closure.outcome() == null ? w.t("document.none")
                        : w.t("outcome." + closure.outcome())),
                new Field(w.t("document.revisit.rating"), d.c().evaluation().rating() == null ? w.t("document.none")
                        : w.t("rating." + d.c().evaluation().rating())),
                new Field(w.t("document.revisit.at"), w.dateTime(r.revisitedAt())),
                new Field(w.t("document.revisit.method"), w.t("source." + r.method())),
                new Field(w.t("document.revisit.result"), w.t("revisit." + r.result())),
                new Field(w.t("document.revisit.by"), w.or(r.recordedBy())))));
        b.add(new Heading(w.t("document.revisit.notesTitle")));
        b.add(new Para(w.free(d, r.notes())));
        b.add(new SignLines(List.of(new SignLine(w.t("document.sign.revisitor"), null, null, null, null)),
                w.t("document.dateLine", w.date(r.revisitedAt()))));
        return texts.doc(d, DocumentKind.REVISIT_RECORD, r.id(), b);
    }

    Doc notice(Dossier d, Optional<Notice> found) {
        List<String> missing = new ArrayList<>();
        require(found.isPresent(), "supervisionNotice", missing);
        refuseIfMissing(DocumentKind.SUPERVISION_NOTICE, missing);
        Notice n = found.orElseThrow();
        List<Block> b = new ArrayList<>();
        b.add(new Fields(List.of(
                new Field(w.t("document.supervision.unit"), n.unit() == null ? w.t("document.none") : n.unit().name()),
                new Field(w.t("document.field.case"), d.c().trackingCode()),
                new Field(w.t("document.field.matter"), w.free(d, d.c().matter().title())),
                new Field(w.t("document.supervision.registeredAt"), w.date(d.c().intake().registeredAt())),
                new Field(w.t("document.supervision.issuedAt"), w.dateTime(n.issuedAt())),
                new Field(w.t("document.supervision.dueOn"), n.dueAt() == null ? w.t("document.none")
                        : w.date(org.fengqiao.deadlines.Deadlines.lastDayOf(n.dueAt()))),
                new Field(w.t("document.supervision.by"), w.or(n.issuedBy())))));
        b.add(new Heading(w.t("document.supervision.opinionTitle")));
        b.add(new Para(w.free(d, n.message())));
        b.add(new Para(w.t("document.supervision.ask")));
        b.add(new Fields(List.of(new Field(w.t("document.supervision.answer"), n.answeredAt() == null
                ? w.t("document.supervision.notAnswered") : w.dateTime(n.answeredAt())))));
        b.add(new SignLines(List.of(new SignLine(w.t("document.sign.supervisorSeal"), null, null, null, null)),
                w.t("document.dateLine", w.date(n.issuedAt()))));
        return texts.doc(d, DocumentKind.SUPERVISION_NOTICE, n.id(), b);
    }
}
