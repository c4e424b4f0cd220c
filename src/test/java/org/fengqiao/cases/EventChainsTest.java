package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fengqiao.support.Cases.aCase;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import org.fengqiao.platform.RecordChain;
import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;

/**
 * The case event log is tamper-evident: every event is linked by SM3 to the one before it in its case, the
 * database refuses to change or delete events, and an edit made behind the platform's back (as the database's
 * owner, with the triggers off) is found by the verification, which names the link. Each test puts back what it
 * changed, since all integration tests share one database.
 */
@IntegrationTest
class EventChainsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventChains chains;

    @Test
    void everyEventOfARegisteredAndAdvancedCaseIsChainedAndTheCaseVerifies() {
        long id = advancedCase();
        List<byte[]> hashes = jdbc.sql("select hash from case_event where case_id = ? order by id").param(id)
                .query(byte[].class).list();
        assertThat(hashes).hasSizeGreaterThanOrEqualTo(3).allSatisfy(h -> assertThat(h).hasSize(32));
        assertThat(jdbc.sql("select last_event_hash from cases where id = ?").param(id).query(byte[].class).single())
                .isEqualTo(hashes.getLast());
        assertThat(chains.verifyCase(id)).isEmpty();
    }

    @Test
    void anEventEditedBehindThePlatformsBackIsNamedByTheVerification() {
        long id = advancedCase();
        long eventId = eventIds(id).get(1);
        String original = jdbc.sql("select reason from case_event where id = ?").param(eventId).query(String.class)
                .optional().orElse(null);
        asOwner("update case_event set reason = '无需处理' where id = ?", eventId);
        try {
            RecordChain.Break broken = chains.verifyCase(id).orElseThrow();
            assertThat(broken.chain()).isEqualTo("case");
            assertThat(broken.key()).isEqualTo(Long.toString(id));
            assertThat(broken.recordId()).isEqualTo(eventId);
            assertThat(broken.what()).isEqualTo("records.break.event");
            assertThat(chains.verifyAllCases()).contains(broken);
        } finally {
            asOwner("update case_event set reason = ? where id = ?", original, eventId);
        }
        assertThat(chains.verifyCase(id)).isEmpty();
    }

    @Test
    void aDeletedLastEventIsFoundAtTheEndOfTheCasesChain() {
        long id = advancedCase();
        long last = eventIds(id).getLast();
        jdbc.sql("create table if not exists kept_case_event (like case_event)").update();
        jdbc.sql("insert into kept_case_event select * from case_event where id = ?").param(last).update();
        asOwner("delete from case_event where id = ?", last);
        try {
            RecordChain.Break broken = chains.verifyCase(id).orElseThrow();
            assertThat(broken.what()).isEqualTo("records.break.tip");
            assertThat(broken.key()).isEqualTo(Long.toString(id));
        } finally {
            asOwner("insert into case_event overriding system value select * from kept_case_event where id = ?", last);
            // the shared database keeps only the platform's own tables (a backup test copies every table)
            jdbc.sql("drop table kept_case_event").update();
        }
        assertThat(chains.verifyCase(id)).isEmpty();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteEvents() {
        long id = advancedCase();
        long eventId = eventIds(id).getFirst();
        assertThatThrownBy(() -> jdbc.sql("update case_event set reason = 'x' where id = ?").param(eventId).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from case_event where id = ?").param(eventId).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("truncate case_event").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("truncate audit_log").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(chains.verifyCase(id)).isEmpty();
    }

    @Test
    void aSealedDayNamesAnEventMovedIntoItAndLinksToTheDayBefore() {
        // events recorded on two past days (the platform records the database's time; moving recorded_at does
        // not touch the case chains)
        LocalDate first = LocalDate.of(2001, 2, 3);
        LocalDate second = first.plusDays(1);
        long a = advancedCase();
        long b = advancedCase();
        asOwner("update case_event set recorded_at = ? where case_id = ?", noon(first), a);
        asOwner("update case_event set recorded_at = ? where case_id = ?", noon(second), b);
        transactions.executeWithoutResult(s -> chains.seal(first));
        transactions.executeWithoutResult(s -> chains.seal(second));
        assertThat(chains.lastHead(null).orElseThrow().previous())
                .isEqualTo(chains.lastHead(second).orElseThrow().head());
        assertThat(chains.verifyDays(null)).isEmpty();
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> chains.seal(first)))
                .isInstanceOf(IllegalStateException.class);

        long moved = eventIds(advancedCase()).getFirst();
        OffsetDateTime original = jdbc.sql("select recorded_at from case_event where id = ?").param(moved)
                .query(OffsetDateTime.class).single();
        asOwner("update case_event set recorded_at = ? where id = ?", noon(second), moved);
        try {
            RecordChain.Break broken = chains.verifyDays(null).orElseThrow();
            assertThat(broken.chain()).isEqualTo("day");
            assertThat(broken.key()).isEqualTo(second.toString());
            assertThat(broken.what()).isEqualTo("records.break.day-head");
            assertThat(broken.recordId()).isEqualTo(moved);
        } finally {
            asOwner("update case_event set recorded_at = ? where id = ?", original, moved);
        }
        assertThat(chains.verifyDays(null)).isEmpty();
    }

    private long advancedCase() {
        Api api = new Api(port);
        long id = api.post("fq.intake", "/api/cases", aCase().dispute("CONTRACT_DEBT").body()).get("id").asLong();
        assertThat(api.post("fq.justice", "/api/cases/" + id + "/accept", null).status()).isEqualTo(200);
        api.post("fq.justice", "/api/cases/" + id + "/notes", Map.of("note", "已约双方下周调解"));
        return id;
    }

    private List<Long> eventIds(long caseId) {
        return jdbc.sql("select id from case_event where case_id = ? order by id").param(caseId).query(Long.class).list();
    }

    private static OffsetDateTime noon(LocalDate day) {
        return day.atTime(12, 0).atOffset(java.time.ZoneOffset.ofHours(8));
    }

    /** A change as the database's owner behind the platform's back: the triggers are off for this transaction. */
    private void asOwner(String sql, Object... params) {
        transactions.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql(sql).params(params).update();
        });
    }
}
