package org.fengqiao.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fengqiao.support.Cases.aCase;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import org.fengqiao.platform.ChinaTime;
import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;

/**
 * The two append-only logs as yearly partitions (V90): where new rows land, that a partition keeps the log's
 * guards, and how the partitions are kept a year ahead. What a test creates in the schema is rolled back.
 */
@IntegrationTest
class HistoryPartitionsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    HistoryPartitions partitions;

    @Autowired
    Clock clock;

    @Test
    void bothLogsArePartitionedByYearAndNewRowsLandInThisYearsPartition() {
        int year = LocalDate.now(ChinaTime.ZONE).getYear();
        long id = new Api(port).post("fq.intake", "/api/cases", aCase().titled("分区存放的案件事件").body())
                .get("id").asLong();
        assertThat(jdbc.sql("select distinct tableoid::regclass::text from case_event where case_id = ?").param(id)
                .query(String.class).list()).containsExactly("case_event_y" + year);

        // every audit entry stands in the partition of its year (China time) or, outside them, in the default
        assertThat(jdbc.sql("""
                select count(*) from audit_log
                where tableoid::regclass::text not in ('audit_log_default',
                      'audit_log_y' || extract(year from occurred_at at time zone 'Asia/Shanghai'))
                """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select c.relname from pg_partitioned_table p join pg_class c on c.oid = p.partrelid order by 1
                """).query(String.class).list()).contains("audit_log", "case_event");
    }

    @Test
    void aPartitionRefusesChangesDeletionAndTruncationLikeItsLog() {
        int year = LocalDate.now(ChinaTime.ZONE).getYear();
        long event = new Api(port).post("fq.intake", "/api/cases", aCase().titled("分区也不可更改").body())
                .get("id").asLong();
        String partition = "case_event_y" + year;
        for (String sql : List.of(
                "update " + partition + " set reason = 'changed' where case_id = " + event,
                "delete from " + partition + " where case_id = " + event,
                "truncate " + partition,
                "truncate case_event_default",
                "truncate audit_log_y" + year)) {
            assertThatThrownBy(() -> transactions.executeWithoutResult(s -> jdbc.sql(sql).update()))
                    .as(sql).isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
        }
        assertThat(jdbc.sql("select count(*) from case_event where case_id = ?").param(event).query(Long.class)
                .single()).isPositive();
    }

    @Test
    void partitionsAreKeptAYearAheadAndCreatedOnce() {
        int year = LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear();
        partitions.ensureAhead();
        assertThat(partitions.ensureAhead()).isZero();
        assertThat(jdbc.sql("select to_regclass(?) is not null and to_regclass(?) is not null")
                .param("case_event_y" + (year + 1)).param("audit_log_y" + (year + 1)).query(Boolean.class).single())
                .isTrue();
    }

    @Test
    void aYearWhoseRowsSitInTheDefaultPartitionIsNotSplitOffAndTheRowsStayReadable() {
        transactions.executeWithoutResult(status -> {
            // a row far in the future, in the default partition (the transaction is rolled back: the chain stays)
            jdbc.sql("""
                    insert into audit_log (occurred_at, action, subject, detail, hash)
                    values ('2090-06-01T00:00:00Z', 'TEST', 'partition-test', '{}', '\\x00')
                    """).update();
            assertThat(jdbc.sql("select tableoid::regclass::text from audit_log where occurred_at = '2090-06-01T00:00:00Z'")
                    .query(String.class).single()).isEqualTo("audit_log_default");

            int created = jdbc.sql("select ensure_history_partitions(2090, 2090)").query(Integer.class).single();

            assertThat(created).as("only case_event's year is split off").isEqualTo(1);
            assertThat(jdbc.sql("select to_regclass('audit_log_y2090') is null and to_regclass('case_event_y2090') is not null")
                    .query(Boolean.class).single()).isTrue();
            assertThat(jdbc.sql("select count(*) from audit_log where occurred_at = '2090-06-01T00:00:00Z'")
                    .query(Long.class).single()).isOne();
            status.setRollbackOnly();
        });
    }
}
