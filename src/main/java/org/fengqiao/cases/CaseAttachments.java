package org.fengqiao.cases;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.audit.AuditLog;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.UploadedFiles;

/**
 * Files attached to cases (photos, letters, agreements), stored in the database with the case so they are
 * backed up and scoped with it. The type is detected from the content, not trusted from the upload.
 */
@Service
public class CaseAttachments {

    /** Types accepted: photos, PDF, office documents, plain text, voice recordings. */
    static final Set<String> ALLOWED_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp",
            "application/pdf", "text/plain", "audio/mpeg", "audio/mp4", "audio/x-m4a", "audio/amr",
            "application/msword", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/x-tika-msoffice", "application/x-tika-ooxml");

    public record AttachmentInfo(long id, String filename, String contentType, long sizeBytes, Instant uploadedAt,
                                 String uploadedBy) {
    }

    public record Content(String filename, String contentType, byte[] bytes) {
    }

    private final JdbcClient jdbc;
    private final CaseService cases;
    private final CaseRepository repository;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxBytes;

    CaseAttachments(JdbcClient jdbc, CaseService cases, CaseRepository repository, AuditLog audit, Clock clock,
                    @Value("${fengqiao.attachments.max-bytes:10485760}") int maxBytes) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    @Transactional
    public AttachmentInfo store(Actor actor, long caseId, String originalName, byte[] content) {
        cases.checkMayAttach(actor, caseId);
        if (content == null || content.length == 0) {
            throw new ProblemException.InvalidInput("file", "attachment.empty");
        }
        if (content.length > maxBytes) {
            throw new ProblemException.InvalidInput("file", "attachment.tooLarge", maxBytes / 1024 / 1024);
        }
        String filename = cleanName(originalName);
        String type = UploadedFiles.detect(content, filename);
        if (!ALLOWED_TYPES.contains(type)) {
            throw new UnsupportedType(type);
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into case_attachment (case_id, filename, content_type, size_bytes, sha256, content, uploaded_at,
                                             uploaded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).params(caseId, filename, type, content.length, sha256(content), content, CaseSql.ts(now),
                actor.userId()).query(Long.class).single();
        cases.attached(actor, caseId, id, filename, type, content.length);
        return new AttachmentInfo(id, filename, type, content.length, now, actor.displayName());
    }

    @Transactional(readOnly = true)
    public List<AttachmentInfo> list(Actor actor, long caseId) {
        repository.load(caseId, actor.jurisdiction()).orElseThrow(() -> new CaseNotFound(caseId));
        return jdbc.sql("""
                select a.id, a.filename, a.content_type, a.size_bytes, a.uploaded_at, u.display_name
                from case_attachment a join staff_user u on u.id = a.uploaded_by where a.case_id = ? order by a.id
                """).param(caseId).query((rs, n) -> new AttachmentInfo(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getLong(4), CaseSql.instant(rs, "uploaded_at"), rs.getString(6))).list();
    }

    /** The file's content; the download is recorded in the audit log. */
    @Transactional
    public Optional<Content> read(Actor actor, long caseId, long attachmentId) {
        repository.load(caseId, actor.jurisdiction()).orElseThrow(() -> new CaseNotFound(caseId));
        Optional<Content> content = jdbc.sql("""
                select filename, content_type, content from case_attachment where id = ? and case_id = ?
                """).params(attachmentId, caseId)
                .query((rs, n) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
        content.ifPresent(c -> audit.record(actor.userId(), actor.unitId(), AuditLog.Action.DOWNLOAD_ATTACHMENT, caseId,
                "attachment:" + attachmentId, Map.of("filename", c.filename())));
        return content;
    }

    static String cleanName(String name) {
        return UploadedFiles.cleanName(name);
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file of a type the platform does not keep (HTTP 415). */
    static final class UnsupportedType extends ProblemException {
        UnsupportedType(String type) {
            super("attachment.unsupportedType", type);
        }

        @Override
        public int status() {
            return 415;
        }
    }
}
