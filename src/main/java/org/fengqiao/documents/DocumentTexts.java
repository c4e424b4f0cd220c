package org.fengqiao.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import org.fengqiao.cases.CaseFileViews.Agreement;
import org.fengqiao.cases.CaseFileViews.Notice;
import org.fengqiao.cases.CaseFileViews.Revisit;
import org.fengqiao.cases.CaseFileViews.Session;
import org.fengqiao.cases.CaseViews.PartyView;
import org.fengqiao.cases.CaseViews.UnitRef;
import org.fengqiao.cases.PartyRole;
import org.fengqiao.documents.Doc.*;
import org.fengqiao.platform.ProblemException;

/**
 * Writes each document's content from a {@link Dossier}, refusing ({@link DocumentNotReady}) when the case lacks
 * what the document needs. The words are in {@code i18n/documents}; the parts about the case's records are in
 * {@link RecordTexts}.
 */
@Component
class DocumentTexts {

    private final Words w;
    private final RecordTexts records;

    DocumentTexts(Words w) {
        this.w = w;
        this.records = new RecordTexts(w, this);
    }

    /** The records a kind can be made for in this dossier: one null for the case's own documents. */
    List<Long> subjects(Dossier d, DocumentKind kind) {
        return switch (kind.subject()) {
            case CASE -> java.util.Collections.singletonList(null);
            case SESSION -> d.records().sessions().stream().map(Session::id).toList();
            case AGREEMENT -> d.records().agreements().stream().map(Agreement::id).toList();
            case REVISIT -> d.records().revisits().stream().map(Revisit::id).toList();
            case NOTICE -> supervisions(d).stream().map(Notice::id).toList();
        };
    }

    /**
     * The document about {@code subjectId} (null: the latest record of its kind). A subject the case does not
     * have is a 404; a case that lacks what the document needs a 409 naming it.
     */
    Doc build(Dossier d, DocumentKind kind, Long subjectId) {
        return switch (kind) {
            case APPLICATION -> application(d);
            case RIGHTS_NOTICE -> rightsNotice(d);
            case SESSION_RECORD -> records.session(d, pick(d.records().sessions(), Session::id, subjectId, "session"));
            case AGREEMENT -> agreement(d, pick(d.records().agreements(), Agreement::id, subjectId, "agreement"));
            case CONFIRMATION_APPLICATION -> confirmation(d,
                    pick(d.records().agreements(), Agreement::id, subjectId, "agreement"));
            case REVISIT_RECORD -> records.revisit(d, pick(d.records().revisits(), Revisit::id, subjectId, "revisit"));
            case SUPERVISION_NOTICE -> records.notice(d, pick(supervisions(d), Notice::id, subjectId,
                    "supervisionNotice"));
        };
    }

    static List<Notice> supervisions(Dossier d) {
        return d.records().notices().stream().filter(n -> "SUPERVISE".equals(n.kind())).toList();
    }

    private <T> Optional<T> pick(List<T> all, Function<T, Long> id, Long wanted, String what) {
        if (wanted == null) {
            return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
        }
        return Optional.of(all.stream().filter(r -> wanted.equals(id.apply(r))).findFirst()
                .orElseThrow(() -> new ProblemException.NotFound("document.subjectNotFound", wanted)));
    }

    private Doc application(Dossier d) {
        List<String> missing = new ArrayList<>();
        require(!of(d, PartyRole.APPLICANT).isEmpty(), "applicant", missing);
        refuseIfMissing(DocumentKind.APPLICATION, missing);
        List<Block> b = new ArrayList<>(partySections(d));
        b.add(new Heading(w.t("document.application.requestTitle")));
        b.add(new Para(w.t("document.application.request", committee(d))));
        b.add(new Heading(w.t("document.application.factsTitle")));
        b.add(new Para(w.free(d, d.c().matter().title()) + "\n" + w.free(d, d.c().matter().description())));
        b.add(new Para(w.t("document.application.consent")));
        b.add(new Para(w.t("document.toCommittee", committee(d))));
        b.add(new SignLines(partyLines(d, DocumentKind.APPLICATION, null, List.of(PartyRole.APPLICANT)),
                w.t("document.dateLine", w.date(d.c().intake().registeredAt()))));
        return doc(d, DocumentKind.APPLICATION, null, b);
    }

    private Doc rightsNotice(Dossier d) {
        List<String> missing = new ArrayList<>();
        require(!d.parties().isEmpty(), "parties", missing);
        refuseIfMissing(DocumentKind.RIGHTS_NOTICE, missing);
        List<Block> b = new ArrayList<>();
        b.add(new Para(w.t("document.rights.intro", committee(d))));
        b.add(new Heading(w.t("document.rights.rightsTitle")));
        b.add(new Para(w.t("document.rights.rights")));
        b.add(new Heading(w.t("document.rights.dutiesTitle")));
        b.add(new Para(w.t("document.rights.duties")));
        b.add(new Heading(w.t("document.rights.otherTitle")));
        b.add(new Para(w.t("document.rights.other")));
        b.add(new Para(w.t("document.rights.acknowledged")));
        b.add(new SignLines(partyLines(d, DocumentKind.RIGHTS_NOTICE, null, List.of(PartyRole.values())),
                w.t("document.dateLine", w.t("document.blankDate"))));
        return doc(d, DocumentKind.RIGHTS_NOTICE, null, b);
    }

    private Doc agreement(Dossier d, Optional<Agreement> found) {
        List<String> missing = new ArrayList<>();
        require(found.isPresent(), "agreement", missing);
        require(!of(d, PartyRole.APPLICANT).isEmpty(), "applicant", missing);
        require(!of(d, PartyRole.RESPONDENT).isEmpty(), "respondent", missing);
        found.ifPresent(a -> {
            require(a.responsibilities() != null, "responsibilities", missing);
            require(a.performance() != null, "performance", missing);
            require(a.performBy() != null, "performBy", missing);
        });
        refuseIfMissing(DocumentKind.AGREEMENT, missing);
        Agreement a = found.orElseThrow();
        List<Block> b = new ArrayList<>();
        b.add(new Heading(w.t("document.agreement.partiesTitle")));
        d.parties().forEach(p -> b.add(new Para(partyLine(p))));
        b.add(new Heading(w.t("document.agreement.factsTitle")));
        b.add(new Para(w.free(d, d.c().matter().description())));
        b.add(new Para(w.t("document.agreement.matter", w.free(d, d.c().matter().title()), matterType(d))));
        b.add(new Heading(w.t("document.agreement.responsibilitiesTitle")));
        b.add(new Para(w.free(d, a.responsibilities())));
        b.add(new Heading(w.t("document.agreement.termsTitle")));
        b.add(new Para(w.free(d, a.terms())));
        b.add(new Heading(w.t("document.agreement.performanceTitle")));
        b.add(new Para(w.free(d, a.performance())));
        b.add(new Para(w.t("document.agreement.performBy", w.date(a.performBy()))));
        b.add(new Para(w.t("document.agreement.effect", d.parties().size() + 1)));
        b.add(new Para(w.t("document.agreement.binding")));
        b.add(new Para(w.t("document.agreement.basis")));
        List<SignLine> lines = new ArrayList<>(partyLines(d, DocumentKind.AGREEMENT, a.id(), List.of(PartyRole.values())));
        lines.add(line(d, DocumentKind.AGREEMENT, a.id(), w.t("document.sign.mediator"), "MEDIATOR", null));
        lines.add(new SignLine(w.t("document.sign.committeeSeal", committee(d)), null, null, null, null));
        b.add(new SignLines(lines, w.t("document.dateLine", w.date(a.signedOn()))));
        return doc(d, DocumentKind.AGREEMENT, a.id(), b);
    }

    private Doc confirmation(Dossier d, Optional<Agreement> found) {
        List<String> missing = new ArrayList<>();
        require(found.isPresent(), "agreement", missing);
        require(!of(d, PartyRole.APPLICANT).isEmpty(), "applicant", missing);
        require(!of(d, PartyRole.RESPONDENT).isEmpty(), "respondent", missing);
        found.ifPresent(a -> require(!"EXPIRED".equals(a.referralState(d.asOf())), "confirmationPeriod", missing));
        refuseIfMissing(DocumentKind.CONFIRMATION_APPLICATION, missing);
        Agreement a = found.orElseThrow();
        List<Block> b = new ArrayList<>();
        b.add(new Heading(w.t("document.confirmation.applicantsTitle")));
        d.parties().forEach(p -> b.add(new Para(partyLine(p))));
        b.add(new Heading(w.t("document.confirmation.requestTitle")));
        b.add(new Para(w.t("document.confirmation.request", w.date(a.signedOn()), committee(d))));
        b.add(new Heading(w.t("document.confirmation.factsTitle")));
        b.add(new Para(w.t("document.confirmation.facts", w.free(d, d.c().matter().title()), committee(d),
                w.date(a.signedOn()), w.date(a.effectiveOn()))));
        b.add(new Para(w.t("document.confirmation.terms", w.free(d, a.terms()))));
        b.add(new Para(w.t("document.confirmation.deadline", w.date(a.effectiveOn()),
                w.date(org.fengqiao.deadlines.Deadlines.lastDayOf(a.confirmationDueAt())))));
        b.add(new Para(w.t("document.confirmation.pledge")));
        b.add(new Para(w.t("document.toCommittee", Optional.ofNullable(a.court()).map(UnitRef::name)
                .orElse(w.t("document.confirmation.court")))));
        b.add(new Para(w.t("document.confirmation.enclosed")));
        b.add(new SignLines(partyLines(d, DocumentKind.CONFIRMATION_APPLICATION, a.id(), List.of(PartyRole.values())),
                w.t("document.dateLine", w.t("document.blankDate"))));
        return doc(d, DocumentKind.CONFIRMATION_APPLICATION, a.id(), b);
    }

    // --- shared parts -------------------------------------------------------------------------------------------

    Doc doc(Dossier d, DocumentKind kind, Long subjectId, List<Block> blocks) {
        String number = w.t("document.number", d.c().trackingCode() + (subjectId == null ? "" : "-" + subjectId));
        return new Doc(kind, subjectId, w.t("document.kind." + kind), number, blocks);
    }

    List<Block> partySections(Dossier d) {
        List<Block> b = new ArrayList<>();
        for (PartyRole role : PartyRole.values()) {
            List<PartyView> ps = of(d, role);
            if (!ps.isEmpty()) {
                b.add(new Heading(w.t("party." + role)));
                ps.forEach(p -> b.add(new Para(partyLine(p))));
            }
        }
        return b;
    }

    String partyLine(PartyView p) {
        return w.t("document.partyLine", w.t("party." + p.role()), w.or(p.name()), w.or(p.phone()),
                w.or(p.idNumber()), w.or(p.address()));
    }

    List<SignLine> partyLines(Dossier d, DocumentKind kind, Long subjectId, List<PartyRole> roles) {
        return d.parties().stream().filter(p -> roles.contains(p.role()))
                .sorted(Comparator.comparing(PartyView::role))
                .map(p -> line(d, kind, subjectId, w.t("document.sign.party", w.t("party." + p.role()), w.or(p.name())),
                        p.role().name(), p.id())).toList();
    }

    SignLine line(Dossier d, DocumentKind kind, Long subjectId, String label, String role, Long partyId) {
        Signatures.Given given = d.signatures().stream()
                .filter(s -> s.kind() == kind && Objects.equals(s.subjectId(), subjectId) && role.equals(s.role())
                        && Objects.equals(s.partyId(), partyId))
                .reduce((first, second) -> second).orElse(null);
        return new SignLine(label, role, partyId, given, given == null ? null
                : w.t("document.signedNote", w.dateTime(given.signedAt()), given.documentSm3().substring(0, 16)));
    }

    static List<PartyView> of(Dossier d, PartyRole role) {
        return d.parties().stream().filter(p -> p.role() == role).toList();
    }

    String committee(Dossier d) {
        UnitRef unit = d.c().handling().handlingUnit() != null ? d.c().handling().handlingUnit()
                : d.c().handling().ownerUnit();
        return unit.name();
    }

    private String matterType(Dossier d) {
        var k = d.c().classification();
        return k.disputeType() != null ? k.disputeType().name()
                : k.category() != null ? k.category().name() : w.t("document.none");
    }

    static void require(boolean present, String code, List<String> missing) {
        if (!present) {
            missing.add(code);
        }
    }

    static void refuseIfMissing(DocumentKind kind, List<String> missing) {
        if (!missing.isEmpty()) {
            throw new DocumentNotReady(kind, missing);
        }
    }
}
