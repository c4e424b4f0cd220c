package org.fengqiao.documents;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.audit.AuditLog;
import org.fengqiao.cases.CaseEvent;
import org.fengqiao.cases.CaseEventsRecorded;
import org.fengqiao.cases.CaseQueries;
import org.fengqiao.cases.RecordedEvent;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.ProblemException;

/**
 * The archived case file (卷宗). Archiving a case registers its file in the archiving's transaction; the PDF is
 * made from the case as it stood at that moment (later revisits or referrals are not in it) — by the background
 * task or at the first download, whichever comes first — and stored once with its SM3 hash: never changed after
 * (a trigger refuses it), so every download returns the same bytes.
 */
@Service
public class CaseFiles {

    /** A stored case file: the PDF and the hex SM3 hash of its bytes. */
    public record CaseFile(long caseId, Instant archivedAt, byte[] pdf, String sm3) {
    }

    private record Row(long id, long caseId, Instant archivedAt, Long archivedBy, byte[] pdf, byte[] sm3) {
    }

    private final JdbcClient jdbc;
    private final Dossiers dossiers;
    private final DocumentTexts texts;
    private final CaseFileFont font;
    private final CaseQueries queries;
    private final AuditLog audit;
    private final Staff staff;
    private final Units units;
    private final CaseFilePdf pdf;

    CaseFiles(JdbcClient jdbc, Dossiers dossiers, DocumentTexts texts, CaseFileFont font, CaseQueries queries,
              AuditLog audit, Staff staff, Units units, Words words) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.texts = texts;
        this.font = font;
        this.queries = queries;
        this.audit = audit;
        this.staff = staff;
        this.units = units;
        this.pdf = new CaseFilePdf(words);
    }

    /** Registers the file of a case just archived, in the archiving's transaction. */
    @EventListener
    void on(CaseEventsRecorded recorded) {
        for (RecordedEvent e : recorded.events()) {
            if (e.event() instanceof CaseEvent.CaseArchived) {
                jdbc.sql("""
                        insert into case_file (case_id, archived_at, archived_by) values (?, ?, ?)
                        on conflict (case_id, archived_at) do nothing
                        """).params(recorded.caseId(), OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC),
                        e.actorUserId()).update();
            }
        }
    }

    /**
     * The case's latest archived file, made now if it was not yet; the download is audited. 404 out of reach,
     * 409 when the case was never archived.
     */
    @Transactional
    public CaseFile download(Actor actor, long caseId) {
        queries.requireVisible(actor, caseId);
        Row row = jdbc.sql("""
                select * from case_file where case_id = ? order by archived_at desc limit 1 for update
                """).param(caseId).query(this::row).optional()
                .orElseThrow(() -> new ProblemException.Conflict("casefile.notArchived"));
        CaseFile file = row.pdf() != null ? file(row) : build(actor, row);
        audit.record(actor.userId(), actor.unitId(), AuditLog.Action.DOWNLOAD_CASE_FILE, caseId, "case-file",
                Map.of("sm3", file.sm3(), "bytes", file.pdf().length));
        return file;
    }

    /** Makes up to {@code limit} files still waiting, each as the user who archived the case; how many. */
    @Transactional
    public int buildPending(int limit) {
        List<Row> rows = jdbc.sql("""
                select * from case_file where pdf is null order by id limit ? for update skip locked
                """).param(limit).query(this::row).list();
        List<Row> built = new ArrayList<>();
        for (Row row : rows) {
            archivist(row).ifPresent(actor -> {
                build(actor, row);
                built.add(row);
            });
        }
        return built.size();
    }

    private java.util.Optional<Actor> archivist(Row row) {
        return row.archivedBy() == null ? java.util.Optional.empty() : staff.find(row.archivedBy())
                .flatMap(u -> units.find(u.unitId()).map(unit -> Actor.of(u, unit)));
    }

    private CaseFile build(Actor actor, Row row) {
        Dossier d = dossiers.archived(actor, row.caseId(), row.archivedAt());
        List<Doc> docs = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            for (Long subject : texts.subjects(d, kind)) {
                try {
                    docs.add(texts.build(d, kind, subject));
                } catch (DocumentNotReady e) {
                    // a document the case could not make is simply not in its file
                }
            }
        }
        byte[] bytes = pdf.render(font.path(), d, docs);
        byte[] hash = Signatures.sm3(bytes);
        jdbc.sql("update case_file set pdf = ?, pdf_sm3 = ?, built_at = now() where id = ?")
                .params(bytes, hash, row.id()).update();
        return new CaseFile(row.caseId(), row.archivedAt(), bytes, HexFormat.of().formatHex(hash));
    }

    private static CaseFile file(Row row) {
        return new CaseFile(row.caseId(), row.archivedAt(), row.pdf(), HexFormat.of().formatHex(row.sm3()));
    }

    private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getLong("case_id"),
                rs.getObject("archived_at", OffsetDateTime.class).toInstant(), (Long) rs.getObject("archived_by"),
                rs.getBytes("pdf"), rs.getBytes("pdf_sm3"));
    }
}
