package org.fengqiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import org.fengqiao.records.RecordsVerification;
import org.fengqiao.support.Api;
import org.fengqiao.support.Cases;
import org.fengqiao.support.IntegrationTest;

/**
 * {@code ./fengqiao verify-records} on the whole shared test database: intact (every case, day and audit entry
 * written by the other tests verifies), then an event edited behind the platform's back is named and the exit
 * code says so; the row is put back.
 */
@IntegrationTest
class VerifyRecordsCommandTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    RecordsVerification verification;

    @Autowired
    MessageSource messages;

    @Test
    void verifyRecordsExitsZeroWhenIntactAndOneNamingTheEditedEvent() {
        long id = new Api(port).post("fq.intake", "/api/cases", Cases.aCase().body()).get("id").asLong();
        long eventId = jdbc.sql("select max(id) from case_event where case_id = ?").param(id).query(Long.class).single();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(run(out)).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Records intact");

        owner("update case_event set occurred_at = occurred_at - interval '1 day' where id = ?", eventId);
        out.reset();
        try {
            assertThat(run(out)).isEqualTo(1);
        } finally {
            owner("update case_event set occurred_at = occurred_at + interval '1 day' where id = ?", eventId);
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("BROKEN chain=case key=" + id + " record=" + eventId + " what=records.break.event")
                .contains("event chain of case " + id);
        out.reset();
        assertThat(run(out)).isZero();
    }

    private int run(ByteArrayOutputStream out) {
        return VerifyRecordsCommand.report(verification, verification.verifyAll(), messages, Locale.ENGLISH,
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private void owner(String sql, Object... params) {
        transactions.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql(sql).params(params).update();
        });
    }
}
