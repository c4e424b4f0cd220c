package org.fengqiao.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import org.fengqiao.audit.AuditChain;
import org.fengqiao.audit.AuditLog;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.RecordChain;
import org.fengqiao.support.Api;
import org.fengqiao.support.Cases;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;

/**
 * The verification of the records as administrators and the night see it: the audit log's chain, the nightly
 * check's alert, the API. Every row changed behind the platform's back is put back afterwards.
 */
@IntegrationTest
class RecordsVerificationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditChain auditChain;

    @Autowired
    RecordsVerification verification;

    @Autowired
    Pages pages;

    @Test
    void auditEntriesAreChainedAndAnEditedEntryIsNamed() {
        long entry = auditEntry("chain-test");
        assertThat(auditChain.verify()).isEmpty();
        asOwner("update audit_log set subject = 'party:1' where id = ?", entry);
        try {
            RecordChain.Break broken = auditChain.verify().orElseThrow();
            assertThat(broken.chain()).isEqualTo("audit");
            assertThat(broken.recordId()).isEqualTo(entry);
            assertThat(broken.what()).isEqualTo("records.break.event");
            assertThat(verification.describe(broken, Locale.ENGLISH)).startsWith("audit log chain: the hash of record " + entry);
        } finally {
            asOwner("update audit_log set subject = 'chain-test' where id = ?", entry);
        }
        assertThat(auditChain.verify()).isEmpty();
    }

    @Test
    void theDatabaseRefusesToChangeAuditEntries() {
        long entry = auditEntry("immutable-test");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> jdbc.sql("update audit_log set subject = 'x' where id = ?").param(entry).update()))
                .hasMessageContaining("immutable");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> jdbc.sql("delete from audit_log where id = ?").param(entry).update()))
                .hasMessageContaining("immutable");
    }

    @Test
    void theNightlyCheckRaisesAnAlertNamingTheBrokenLinkAndTheAdminPageWarns() throws Exception {
        Api api = new Api(port);
        long id = api.post("fq.intake", "/api/cases", Cases.aCase().body()).get("id").asLong();
        long eventId = jdbc.sql("select min(id) from case_event where case_id = ?").param(id).query(Long.class).single();
        String type = jdbc.sql("select type from case_event where id = ?").param(eventId).query(String.class).single();
        LocalDate today = ChinaTime.dateOf(jdbc.sql("select statement_timestamp()")
                .query(java.time.OffsetDateTime.class).single().toInstant());
        asOwner("update case_event set type = 'CaseClosed' where id = ?", eventId);
        RecordsVerification.Verification night;
        try {
            night = verification.checkDay(today);
        } finally {
            asOwner("update case_event set type = ? where id = ?", type, eventId);
        }
        assertThat(night.intact()).isFalse();
        assertThat(night.broken()).anySatisfy(b -> {
            assertThat(b.key()).isEqualTo(Long.toString(id));
            assertThat(b.recordId()).isEqualTo(eventId);
        });
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'RECORDS_BROKEN' and detail::text like ?")
                .param("%" + eventId + "%").query(Long.class).single()).isEqualTo(1);
        String page = pages.mvc.perform(get("/admin/records").with(pages.as("admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("records-warning").contains("案件 " + id + " 的事件链").contains("记录 " + eventId);

        RecordsVerification.Verification after = verification.checkDay(today);
        assertThat(after.intact()).as("%s", after.broken()).isTrue();
        assertThat(pages.mvc.perform(get("/admin/records").with(pages.as("admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("records-warning");
    }

    @Test
    void administratorsVerifyEverythingThroughTheApiAndOthersMayNot() {
        Api api = new Api(port);
        Api.Response answer = api.get("admin", "/api/records/verification");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.get("intact").asBoolean()).as(answer.text()).isTrue();
        assertThat(api.get("fq.intake", "/api/records/verification").status()).isEqualTo(403);
    }

    private long auditEntry(String subject) {
        long admin = jdbc.sql("select id from staff_user where username = 'admin'").query(Long.class).single();
        long unit = jdbc.sql("select unit_id from staff_user where username = 'admin'").query(Long.class).single();
        transactions.executeWithoutResult(s -> audit.record(admin, unit, AuditLog.Action.EXPORT_CASES, null, subject,
                Map.of("rows", 3, "filter", List.of("区域", 1.5))));
        return jdbc.sql("select max(id) from audit_log where subject = ?").param(subject).query(Long.class).single();
    }

    private void asOwner(String sql, Object... params) {
        transactions.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql(sql).params(params).update();
        });
    }
}
