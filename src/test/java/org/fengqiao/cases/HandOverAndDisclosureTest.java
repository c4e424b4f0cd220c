package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.LESHAN;
import static org.fengqiao.support.Cases.aCase;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;

/**
 * Whom a case may be handed to ({@link AssignmentTargets}), that revealing personal data needs a purpose, and
 * that phone and ID numbers typed into free text are masked for those who may not reveal.
 */
@IntegrationTest
class HandOverAndDisclosureTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    long unitId(String code) {
        for (JsonNode u : api.get("fq.intake", "/api/units").json()) {
            if (u.get("code").asString().equals(code)) {
                return u.get("id").asLong();
            }
        }
        throw new IllegalArgumentException(code);
    }

    long cases() {
        return jdbc.sql("select count(*) from cases").query(Long.class).single();
    }

    @Test
    void aGridWorkerCannotSendACaseStraightToACountyDepartment() {
        long before = cases();
        Api.Response r = api.post("fengyuan.grid", "/api/cases",
                aCase().inVillage(FENGYUAN).with("assignTo", unitId("ZJ-FY")).body());
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.get("errors").toString()).contains("assignTo");
        assertThat(cases()).isEqualTo(before);
        Api.Response own = api.post("fengyuan.grid", "/api/cases",
                aCase().inVillage(FENGYUAN).with("assignTo", unitId("M" + FENGYUAN)).body());
        assertThat(own.status()).as(own.text()).isEqualTo(201);
    }

    @Test
    void aTownCentreMayNotAssignAVillagesCaseToAnotherVillagesCommittee() {
        long id = api.post("fq.intake", "/api/cases", aCase().inVillage(FENGYUAN).manualDispatch().body()).get("id").asLong();
        Api.Response r = api.post("fq.dispatcher", "/api/cases/" + id + "/assign", Map.of("unitId", unitId("M" + LESHAN)));
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(api.post("fq.dispatcher", "/api/cases/" + id + "/assign", Map.of("unitId", unitId("M" + FENGYUAN)))
                .status()).isEqualTo(200);
    }

    @Test
    void aVillageCommitteeCannotTransferToAnotherVillagesCommittee() {
        long id = api.post("fq.intake", "/api/cases", aCase().inVillage(FENGYUAN).manualDispatch().body()).get("id").asLong();
        assertThat(api.post("fq.dispatcher", "/api/cases/" + id + "/assign", Map.of("unitId", unitId("M" + FENGYUAN)))
                .status()).isEqualTo(200);
        assertThat(api.post("fengyuan.mediator", "/api/cases/" + id + "/accept", null).status()).isEqualTo(200);
        Api.Response r = api.post("fengyuan.mediator", "/api/cases/" + id + "/transfer",
                Map.of("unitId", unitId("M" + LESHAN), "reason", "转给乐山村"));
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(api.get("fq.intake", "/api/cases/" + id).get("handlingUnit").get("id").asLong())
                .isEqualTo(unitId("M" + FENGYUAN));
    }

    @Test
    void revealingPersonalDataThroughTheApiNeedsAPurpose() {
        long id = api.post("fq.intake", "/api/cases", aCase().party("APPLICANT", "赵六", "13700001111", null).body())
                .get("id").asLong();
        long party = api.get("fq.intake", "/api/cases/" + id).get("parties").get(0).get("id").asLong();
        String path = "/api/cases/" + id + "/parties/" + party + "/reveal";
        assertThat(api.post("fq.intake", path, null).status()).isEqualTo(400);
        assertThat(api.post("fq.intake", path, Map.of("purpose", "  ")).status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from audit_log where case_id = ?").param(id).query(Long.class).single())
                .isZero();
        assertThat(api.post("fq.intake", path, Map.of("purpose", "电话回访")).get("phone").asString())
                .isEqualTo("13700001111");
        assertThat(jdbc.sql("select detail::text from audit_log where case_id = ?").param(id).query(String.class)
                .single()).contains("电话回访");
    }

    @Test
    void phoneAndIdNumbersInADescriptionAreMaskedForThoseWhoMayNotReveal() {
        long id = api.post("fq.intake", "/api/cases", aCase()
                .describedAs("请回电13812345678，身份证330681199001011234。").body()).get("id").asLong();
        String forAdmin = api.get("admin", "/api/cases/" + id).get("description").asString();
        assertThat(forAdmin).doesNotContain("13812345678").doesNotContain("330681199001011234")
                .contains("138****5678");
        assertThat(api.get("fq.intake", "/api/cases/" + id).get("description").asString()).contains("13812345678");
    }
}
