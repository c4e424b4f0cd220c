package org.fengqiao.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import org.fengqiao.audit.AuditChain;
import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;

/** An administrator's changes to routing rules, deadline policies and the calendar are in the audit chain. */
@IntegrationTest
class AdministrationAuditTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditChain auditChain;

    @Test
    void rulePolicyAndCalendarChangesAreAuditedWithTheAdministratorAndChained() {
        Api api = new Api(port);
        assertThat(api.put("admin", "/api/calendar/2099-05-06", Map.of("kind", "HOLIDAY", "name", "审计测试日"))
                .status()).isLessThan(300);
        JsonNode policy = null;
        for (JsonNode p : api.get("admin", "/api/deadline-policies").json()) {
            if (p.get("code").asString().equals("HANDLE_DEFAULT")) {
                policy = p;
            }
        }
        assertThat(policy).isNotNull();
        assertThat(api.put("admin", "/api/deadline-policies/HANDLE_DEFAULT", Map.of("amount", policy.get("amount").asInt(),
                "unit", policy.get("unit").asString(), "description", policy.get("description").asString(),
                "active", true)).status()).isLessThan(300);
        assertThat(api.put("admin", "/api/routing-rules/NEIGHBOUR-V/active", Map.of("active", true)).status())
                .isLessThan(300);

        long admin = jdbc.sql("select id from staff_user where username = 'admin'").query(Long.class).single();
        assertThat(audited("CHANGE_CALENDAR", "2099-05-06")).isEqualTo(admin);
        assertThat(audited("CHANGE_DEADLINE_POLICY", "HANDLE_DEFAULT")).isEqualTo(admin);
        assertThat(audited("CHANGE_ROUTING_RULE", "NEIGHBOUR-V")).isEqualTo(admin);
        assertThat(auditChain.verify()).isEmpty();
    }

    private Long audited(String action, String subject) {
        return jdbc.sql("select user_id from audit_log where action = ? and subject = ? order by id desc limit 1")
                .params(action, subject).query(Long.class).optional().orElse(null);
    }
}
