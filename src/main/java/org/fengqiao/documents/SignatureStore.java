package org.fengqiao.documents;

import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the signatures stored for a case ({@link Signatures} writes them). */
@Repository
class SignatureStore {

    private final JdbcClient jdbc;

    SignatureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The case's signatures, oldest first; the caller has checked the case is within reach. */
    List<Signatures.Given> of(long caseId) {
        return jdbc.sql("""
                select id, document_kind, subject_id, signer_role, party_id, image, signed_at, document_sm3
                from document_signature where case_id = ? order by id
                """).param(caseId).query((rs, n) -> new Signatures.Given(rs.getLong("id"),
                DocumentKind.valueOf(rs.getString("document_kind")), (Long) rs.getObject("subject_id"),
                rs.getString("signer_role"), (Long) rs.getObject("party_id"), rs.getBytes("image"),
                rs.getObject("signed_at", Timestamp.class).toInstant(),
                HexFormat.of().formatHex(rs.getBytes("document_sm3")))).list();
    }
}
