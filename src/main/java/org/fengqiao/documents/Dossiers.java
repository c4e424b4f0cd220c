package org.fengqiao.documents;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseAttachments;
import org.fengqiao.cases.CaseFileQueries;
import org.fengqiao.cases.CaseQueries;
import org.fengqiao.cases.CaseViews.CaseView;
import org.fengqiao.cases.FreeTextMasking;

/** Loads a case's {@link Dossier} for the caller, within their jurisdiction (else the cases' 404). */
@Component
class Dossiers {

    private final CaseQueries queries;
    private final CaseFileQueries files;
    private final CaseAttachments attachments;
    private final SignatureStore signatures;
    private final Clock clock;

    Dossiers(CaseQueries queries, CaseFileQueries files, CaseAttachments attachments, SignatureStore signatures,
             Clock clock) {
        this.queries = queries;
        this.files = files;
        this.attachments = attachments;
        this.signatures = signatures;
        this.clock = clock;
    }

    /**
     * The case as it stands, parties in full for those who may reveal personal data (the reveal audited with
     * {@code purpose}), masked for the others.
     */
    @Transactional
    Dossier now(Actor actor, long caseId, String purpose) {
        CaseView c = queries.get(actor, caseId);
        return new Dossier(c, files.partiesForDocument(actor, caseId, purpose), files.records(actor, caseId),
                queries.timeline(actor, caseId), attachments.list(actor, caseId), signatures.of(caseId),
                !FreeTextMasking.mayReveal(actor), clock.instant());
    }

    /** The case as it stands with parties masked, nothing revealed: to tell which documents can be made. */
    @Transactional(readOnly = true)
    Dossier preview(Actor actor, long caseId) {
        CaseView c = queries.get(actor, caseId);
        return new Dossier(c, c.parties(), files.records(actor, caseId), List.of(), List.of(), List.of(), true,
                clock.instant());
    }

    /** The case as it stood when archived at {@code archivedAt}, personal data masked: what the case file keeps. */
    @Transactional(readOnly = true)
    Dossier archived(Actor actor, long caseId, Instant archivedAt) {
        CaseView c = queries.get(actor, caseId);
        return new Dossier(c, c.parties(), files.records(actor, caseId).asOf(archivedAt),
                queries.timeline(actor, caseId).stream().filter(e -> !e.occurredAt().isAfter(archivedAt)).toList(),
                attachments.list(actor, caseId).stream().filter(a -> !a.uploadedAt().isAfter(archivedAt)).toList(),
                signatures.of(caseId).stream().filter(s -> !s.signedAt().isAfter(archivedAt)).toList(), true,
                archivedAt);
    }
}
