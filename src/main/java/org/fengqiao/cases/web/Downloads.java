package org.fengqiao.cases.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import org.fengqiao.cases.CaseAttachments;

/** An attachment sent as a download, by the API and by the case page alike: never shown inline, never sniffed. */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<byte[]> of(CaseAttachments.Content content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.bytes());
    }
}
