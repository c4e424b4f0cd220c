package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fengqiao.support.Cases.aCase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;

/**
 * What the database itself guarantees about the record of a case: what hangs off a case is written with it,
 * and a case, a unit or a user, once there, is never deleted, so nothing ever points at a missing row.
 */
@IntegrationTest
class CaseRecordsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRegisteredCaseHasItsPartiesEventsUnitsAndSearchTermsBesideIt() {
        long id = new Api(port).post("fq.intake", "/api/cases", aCase().titled("村口道路积水")
                .party("APPLICANT", "王五", "13911112222", null).body()).get("id").asLong();

        assertThat(count("select count(*) from case_party where case_id = ?", id)).isEqualTo(1);
        assertThat(count("select count(*) from case_event where case_id = ?", id)).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from case_text where case_id = ? and search_terms @> array['积水']", id))
                .isEqualTo(1);
        assertThat(count("""
                select count(*) from case_event e
                where e.case_id = ? and not exists (select 1 from staff_user u where u.id = e.actor_user_id)
                """, id)).isZero();
    }

    @Test
    void casesUnitsAndUsersAreNeverDeleted() {
        long anyCase = count("select min(id) from cases");
        assertThatThrownBy(() -> jdbc.sql("delete from cases where id = ?").param(anyCase).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("never deleted");
        assertThatThrownBy(() -> jdbc.sql("delete from unit where id = (select max(id) from unit)").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from staff_user where id = (select max(id) from staff_user)").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("truncate cases cascade").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(count("select count(*) from cases where id = ?", anyCase)).isEqualTo(1);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
