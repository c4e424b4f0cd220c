package org.fengqiao.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.FreeTextMasking;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.UploadedFiles;

/**
 * Signatures given at the table on a tablet or phone: a PNG of the handwriting, checked by its content (a PNG
 * that decodes, within the size limits), stored with the time and the SM3 hash of the document's text it signed,
 * never changed afterwards. The signature then appears on its line in the generated document.
 */
@Service
public class Signatures {

    /** Who may sign a line of a document. */
    public static final Set<String> ROLES = Set.of("APPLICANT", "RESPONDENT", "THIRD_PARTY", "MEDIATOR");

    static final int MAX_WIDTH = 2000;
    static final int MAX_HEIGHT = 1000;

    /** A stored signature. {@code documentSm3} is the hash of the document's text when it was signed. */
    public record Given(long id, DocumentKind kind, Long subjectId, String role, Long partyId, byte[] image,
                        Instant signedAt, String documentSm3) {
    }

    private final JdbcClient jdbc;
    private final CaseDocuments documents;
    private final Clock clock;
    private final int maxBytes;

    Signatures(JdbcClient jdbc, CaseDocuments documents, Clock clock,
               @Value("${fengqiao.documents.signature-max-bytes:204800}") int maxBytes) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.clock = clock;
        this.maxBytes = Math.min(maxBytes, 262_144);
    }

    /** The largest signature image accepted, in bytes. */
    public int maxBytes() {
        return maxBytes;
    }

    /**
     * Stores a signature of {@code role} (and {@code partyId} for one of several parties in that role) on a
     * document of the case. Refused: a file that is not a PNG image or is too large (400), a document the case
     * cannot make yet (409), a line the document does not have (400). Nothing is stored when refused.
     */
    @Transactional
    public Given sign(Actor actor, long caseId, DocumentKind kind, Long subjectId, String role, Long partyId,
                      byte[] png) {
        if (!FreeTextMasking.mayReveal(actor)) {
            throw new ProblemException.Forbidden("signature.forbidden");
        }
        checkImage(png);
        Doc doc = documents.content(actor, caseId, kind, subjectId);
        boolean hasLine = doc.blocks().stream().filter(b -> b instanceof Doc.SignLines)
                .flatMap(b -> ((Doc.SignLines) b).lines().stream())
                .anyMatch(l -> role.equals(l.role()) && (partyId == null || partyId.equals(l.partyId())));
        if (!ROLES.contains(role) || !hasLine) {
            throw new ProblemException.InvalidInput("role", "signature.noSuchLine");
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String documentSm3 = sm3Hex(doc.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long id = jdbc.sql("""
                insert into document_signature (case_id, document_kind, subject_id, signer_role, party_id, image,
                                                image_sm3, document_sm3, signed_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).params(caseId, kind.name(), doc.subjectId(), role, partyId, png, sm3(png),
                HexFormat.of().parseHex(documentSm3), OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor.userId())
                .query(Long.class).single();
        return new Given(id, kind, doc.subjectId(), role, partyId, png, at, documentSm3);
    }

    private void checkImage(byte[] png) {
        if (png == null || png.length == 0) {
            throw new ProblemException.InvalidInput("image", "signature.empty");
        }
        if (png.length > maxBytes) {
            throw new ProblemException.InvalidInput("image", "signature.tooLarge", maxBytes / 1024);
        }
        if (!"image/png".equals(UploadedFiles.detect(png, "signature.png"))) {
            throw new ProblemException.InvalidInput("image", "signature.notPng");
        }
        // the size is read from the header before anything is decoded: a small file may claim a huge image
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ProblemException.InvalidInput("image", "signature.notPng");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_WIDTH || height > MAX_HEIGHT || width < 20 || height < 10) {
                    throw new ProblemException.InvalidInput("image", "signature.badSize", MAX_WIDTH, MAX_HEIGHT);
                }
                reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw new ProblemException.InvalidInput("image", "signature.notPng");
        }
    }

    static byte[] sm3(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    static String sm3Hex(byte[] data) {
        return HexFormat.of().formatHex(sm3(data));
    }
}
