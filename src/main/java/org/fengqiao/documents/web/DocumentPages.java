package org.fengqiao.documents.web;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseQueries;
import org.fengqiao.cases.CaseStatus;
import org.fengqiao.cases.FreeTextMasking;
import org.fengqiao.documents.CaseDocuments;
import org.fengqiao.documents.CaseFiles;
import org.fengqiao.documents.DocumentKind;
import org.fengqiao.documents.Signatures;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/**
 * The case page's 文书 panel (loaded by htmx), the downloads, and the page where parties sign a document on the
 * screen of a tablet or phone.
 */
@Controller
class DocumentPages {

    static final String PANEL = "documents/panel :: panel";
    static final String SIGN = "documents/sign";

    private final CaseDocuments documents;
    private final CaseFiles files;
    private final Signatures signatures;
    private final CaseQueries queries;
    private final ProblemMessages problems;

    DocumentPages(CaseDocuments documents, CaseFiles files, Signatures signatures, CaseQueries queries,
                  ProblemMessages problems) {
        this.documents = documents;
        this.files = files;
        this.signatures = signatures;
        this.queries = queries;
        this.problems = problems;
    }

    @GetMapping("/cases/{id}/documents")
    String panel(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        CaseQueries.CaseHandle c = queries.handle(actor, id);
        model.addAttribute("c", c);
        model.addAttribute("documents", documents.available(actor, id));
        model.addAttribute("archived", c.status() == CaseStatus.ARCHIVED);
        model.addAttribute("maySign", FreeTextMasking.mayReveal(actor));
        return PANEL;
    }

    @GetMapping("/cases/{id}/documents/{kind}/download")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                                    @PathVariable String kind, @RequestParam(required = false) Long subject) {
        return DocumentDownloads.docx(documents, actor, id, kind, subject);
    }

    @GetMapping("/cases/{id}/file.pdf")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return DocumentDownloads.pdf(files, actor, id);
    }

    @GetMapping("/cases/{id}/documents/{kind}/sign")
    String signPage(@AuthenticationPrincipal Actor actor, @PathVariable long id, @PathVariable String kind,
                    @RequestParam(required = false) Long subject, Model model) {
        DocumentKind k = DocumentDownloads.kind(kind);
        model.addAttribute("nav", "cases");
        model.addAttribute("c", queries.handle(actor, id));
        model.addAttribute("kind", k);
        model.addAttribute("doc", documents.preview(actor, id, k, subject));
        model.addAttribute("maxBytes", signatures.maxBytes());
        return SIGN;
    }

    /** Stores a signature drawn on the page (posted by script); answers JSON, a refusal with its message. */
    @PostMapping("/cases/{id}/documents/{kind}/signatures")
    ResponseEntity<Map<String, Object>> sign(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                                             @PathVariable String kind, @RequestParam(required = false) String role,
                                             @RequestParam(required = false) Long partyId,
                                             @RequestParam(required = false) Long subject,
                                             @RequestPart(name = "image", required = false) MultipartFile image)
            throws IOException {
        queries.requireVisible(actor, id); // 404 outside the jurisdiction, before any check of the form
        try {
            if (image == null || image.isEmpty()) {
                throw new ProblemException.InvalidInput("image", "signature.empty");
            }
            if (role == null) {
                throw new ProblemException.InvalidInput("role", "signature.noSuchLine");
            }
            if (image.getSize() > signatures.maxBytes()) {
                throw new ProblemException.InvalidInput("image", "signature.tooLarge", signatures.maxBytes() / 1024);
            }
            Signatures.Given g = signatures.sign(actor, id, DocumentDownloads.kind(kind), subject, role, partyId,
                    image.getBytes());
            return ResponseEntity.status(201).body(Map.of("id", g.id(), "message",
                    problems.text("signature.stored")));
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return ResponseEntity.status(e.status()).body(Map.of("message", problems.text(e)));
        }
    }
}
