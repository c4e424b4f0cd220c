package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import org.fengqiao.audit.AuditChain;
import org.fengqiao.support.IntegrationTest;

/**
 * A database from before the chains (migrated up to V18, with cases, events and audit entries in it) verifies
 * once migrated to the latest version: V41 chains what was there. Done in a schema of its own, dropped after.
 */
@IntegrationTest
class RecordChainMigrationTest {

    static final String SCHEMA = "legacy_records";

    @Autowired
    DataSource dataSource;

    @Test
    void eventsAndAuditEntriesStoredBeforeTheChainsVerifyAfterTheMigration() throws Exception {
        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).target("18").load().migrate();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local search_path = " + SCHEMA);
            s.execute("set local session_replication_role = replica"); // no reference data in this schema
            for (int id = 1; id <= 2; id++) {
                s.execute("""
                        insert into cases (id, tracking_code, status, kind, channel, title, description, region_code,
                                           registered_at, registered_by, registering_unit, owner_unit)
                        values (%d, 'T%d', 'ASSIGNED', 'DISPUTE', 'VISIT', '邻里纠纷', '噪音扰民', '330681109001',
                                '2025-03-01T08:00:00+08', 1, 1, 1)""".formatted(id, id));
                s.execute("""
                        insert into case_event (case_id, type, occurred_at, actor_user_id, actor_unit_id, from_status,
                                                to_status, reason, data)
                        values (%1$d, 'CaseRegistered', '2025-03-01T08:00:00.123456+08', 1, 1, null, 'REGISTERED', null,
                                '{"channel": "VISIT", "regionCode": "330681109001", "score": 0.000010}'),
                               (%1$d, 'CaseAssigned', '2025-03-01T09:30:00+08', null, null, 'REGISTERED', 'ASSIGNED',
                                '规则 R1「邻里纠纷」：由枫源村调委会承办', '{"unitId": 12, "due": {"accept": "2025-03-02"}}')
                        """.formatted(id));
            }
            s.execute("""
                    insert into audit_log (occurred_at, user_id, unit_id, action, case_id, subject, detail)
                    values ('2025-03-01T10:00:00+08', 1, 1, 'REVEAL_PARTY', 1, 'party:1', '{"purpose": "page"}'),
                           ('2025-03-02T10:00:00+08', 1, 1, 'EXPORT_CASES', null, 'ledger', '{"rows": 2}')""");
            c.commit();
        }
        try {
            Flyway.configure().dataSource(dataSource).schemas(SCHEMA).load().migrate();
            try (Connection c = dataSource.getConnection()) {
                c.createStatement().execute("set search_path = " + SCHEMA);
                SingleConnectionDataSource legacy = new SingleConnectionDataSource(c, true);
                TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(legacy));
                JdbcClient jdbc = JdbcClient.create(legacy);
                EventChains chains = new EventChains(jdbc, legacy, tx, Duration.ofHours(1));

                assertThat(jdbc.sql("select count(*) from case_event where hash is not null").query(Long.class).single())
                        .isEqualTo(4);
                assertThat(chains.verifyAllCases()).isEmpty();
                assertThat(new AuditChain(legacy, tx).verify()).isEmpty();
                assertThat(chains.sealFinishedDays()).containsExactly(java.time.LocalDate.of(2025, 3, 1));
                assertThat(chains.verifyDays(null)).isEmpty();
                c.createStatement().execute("set search_path = public");
            }
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("drop schema " + SCHEMA + " cascade");
            }
        }
    }
}
