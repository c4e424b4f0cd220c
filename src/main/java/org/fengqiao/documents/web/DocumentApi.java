package org.fengqiao.documents.web;

import java.io.IOException;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import org.fengqiao.access.Actor;
import org.fengqiao.documents.CaseDocuments;
import org.fengqiao.documents.CaseFiles;
import org.fengqiao.documents.Signatures;

/** 文书 and 卷宗 over the API: what can be made, the .docx files, the archived PDF, signatures. */
@RestController
class DocumentApi {

    private final CaseDocuments documents;
    private final CaseFiles files;
    private final Signatures signatures;
    private final org.fengqiao.cases.CaseQueries queries;

    DocumentApi(CaseDocuments documents, CaseFiles files, Signatures signatures,
                org.fengqiao.cases.CaseQueries queries) {
        this.queries = queries;
        this.documents = documents;
        this.files = files;
        this.signatures = signatures;
    }

    /** Every document of the case: those that can be made now, and for the others what the case lacks. */
    @GetMapping("/api/cases/{id}/documents")
    List<CaseDocuments.Available> list(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return documents.available(actor, id);
    }

    /** One document as .docx; {@code subject}: the session, agreement, revisit or notice (default: the latest). */
    @GetMapping("/api/cases/{id}/documents/{kind}")
    ResponseEntity<byte[]> docx(@AuthenticationPrincipal Actor actor, @PathVariable long id, @PathVariable String kind,
                                @RequestParam(required = false) Long subject) {
        return DocumentDownloads.docx(documents, actor, id, kind, subject);
    }

    /** The archived case file; its SM3 hash in {@code X-Content-SM3}. */
    @GetMapping("/api/cases/{id}/file.pdf")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return DocumentDownloads.pdf(files, actor, id);
    }

    /** A signature given on a screen (PNG) for one line of a document. */
    @PostMapping("/api/cases/{id}/documents/{kind}/signatures")
    ResponseEntity<SignatureReceipt> sign(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                                          @PathVariable String kind, @RequestParam(required = false) String role,
                                          @RequestParam(required = false) Long partyId,
                                          @RequestParam(required = false) Long subject,
                                          @RequestPart(name = "image", required = false) MultipartFile image)
            throws IOException {
        queries.requireVisible(actor, id); // 404 outside the jurisdiction, before any check of the input
        if (image == null || image.isEmpty()) {
            throw new org.fengqiao.platform.ProblemException.InvalidInput("image", "signature.empty");
        }
        if (role == null) {
            throw new org.fengqiao.platform.ProblemException.InvalidInput("role", "signature.noSuchLine");
        }
        if (image.getSize() > signatures.maxBytes()) { // refused before the bytes are read
            throw new org.fengqiao.platform.ProblemException.InvalidInput("image", "signature.tooLarge",
                    signatures.maxBytes() / 1024);
        }
        Signatures.Given given = signatures.sign(actor, id, DocumentDownloads.kind(kind), subject, role, partyId,
                image.getBytes());
        return ResponseEntity.status(201).body(SignatureReceipt.of(given));
    }

    /** What a stored signature answers: no image, the time and the hash of the text signed. */
    record SignatureReceipt(long id, String kind, Long subjectId, String role, Long partyId,
                            java.time.Instant signedAt, String documentSm3) {
        static SignatureReceipt of(Signatures.Given g) {
            return new SignatureReceipt(g.id(), g.kind().slug(), g.subjectId(), g.role(), g.partyId(), g.signedAt(),
                    g.documentSm3());
        }
    }
}
