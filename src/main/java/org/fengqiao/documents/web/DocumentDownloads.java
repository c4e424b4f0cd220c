package org.fengqiao.documents.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import org.fengqiao.access.Actor;
import org.fengqiao.documents.CaseDocuments;
import org.fengqiao.documents.CaseFiles;
import org.fengqiao.documents.DocumentKind;
import org.fengqiao.platform.ProblemException;

/** The documents and the case file as downloads, for the API and the case page alike. */
final class DocumentDownloads {

    private DocumentDownloads() {
    }

    static DocumentKind kind(String slug) {
        DocumentKind kind = DocumentKind.fromSlug(slug);
        if (kind == null) {
            throw new ProblemException.NotFound("document.unknownKind", slug);
        }
        return kind;
    }

    static ResponseEntity<byte[]> docx(CaseDocuments documents, Actor actor, long id, String slug, Long subject) {
        CaseDocuments.Download d = documents.docx(actor, id, kind(slug), subject);
        return attachment(d.filename(), d.contentType(), d.bytes()).body(d.bytes());
    }

    static ResponseEntity<byte[]> pdf(CaseFiles files, Actor actor, long id) {
        CaseFiles.CaseFile f = files.download(actor, id);
        return attachment("卷宗-" + id + ".pdf", MediaType.APPLICATION_PDF_VALUE, f.pdf())
                .header("X-Content-SM3", f.sm3()).body(f.pdf());
    }

    private static ResponseEntity.BodyBuilder attachment(String filename, String type, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .contentLength(bytes.length)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff");
    }
}
