package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.aCase;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;

/**
 * A user reaches only cases in their centre's region or involving their unit; anything else behaves exactly
 * as if it did not exist — by id, in lists, in searches and for every action.
 */
@IntegrationTest
class JurisdictionTest {

    @LocalServerPort
    int port;

    Api api;
    long caseId;
    String code;
    String title;

    @BeforeEach
    void aCaseInFengyuan() {
        api = new Api(port);
        title = "枫源村专属测试事项" + System.nanoTime();
        Api.Response r = api.post("fengyuan.grid", "/api/cases", aCase().dispute("NEIGHBOUR").inVillage(FENGYUAN)
                .titled(title).party("APPLICANT", "赵六", "13911112222", null).body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        caseId = r.get("id").asLong();
        code = r.get("trackingCode").asString();
    }

    @Test
    void aNeighbouringVillageCannotOpenTheCaseById() {
        Api.Response outside = api.get("leshan.grid", "/api/cases/" + caseId);
        Api.Response missing = api.get("leshan.grid", "/api/cases/999999999");
        assertThat(outside.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(outside.get("title").asString()).isEqualTo(missing.get("title").asString());
        assertThat(outside.detail().replace(Long.toString(caseId), "#"))
                .isEqualTo(missing.detail().replace("999999999", "#"));
    }

    @Test
    void aNeighbouringVillageDoesNotFindTheCaseInListsOrSearches() {
        assertThat(ids(api.get("leshan.grid", "/api/cases?size=500"))).doesNotContain(caseId);
        assertThat(api.get("leshan.grid", "/api/cases?q=" + enc(title)).get("total").asLong()).isZero();
        assertThat(api.get("leshan.grid", "/api/cases?code=" + code).get("total").asLong()).isZero();
        assertThat(api.get("leshan.grid", "/api/cases/by-code/" + code).status()).isEqualTo(404);
        assertThat(api.get("leshan.grid", "/api/cases?region=" + FENGYUAN).get("total").asLong()).isZero();
    }

    @Test
    void theUnfilteredListCountsTheSameCasesAsAFilterThatLeavesNothingOut() {
        for (String user : new String[] {"fengyuan.grid", "leshan.grid", "fq.intake", "county.leader", "fq.police"}) {
            long unfiltered = api.get(user, "/api/cases?size=1").get("total").asLong();
            long filtered = api.get(user, "/api/cases?size=1&from=2000-01-01").get("total").asLong();
            assertThat(unfiltered).as(user).isEqualTo(filtered);
        }
        assertThat(api.get("fengyuan.grid", "/api/cases?size=1").get("total").asLong()).isPositive();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aCentreListsAndFindsACaseOutsideItsRegionThatItsUnitIsInvolvedWith() {
        assertThat(ids(api.get("leshan.grid", "/api/cases?size=500"))).doesNotContain(caseId);
        // the neighbouring village's centre joins the case (as a county dispatcher may have it do)
        jdbc.sql("insert into case_unit (case_id, unit_id, role, since) select ?, u.unit_id, 'JOINT', now()"
                + " from staff_user u where u.username = 'leshan.grid'").param(caseId).update();
        long total = api.get("leshan.grid", "/api/cases?size=500").get("total").asLong();
        assertThat(ids(api.get("leshan.grid", "/api/cases?size=500"))).contains(caseId);
        assertThat(api.get("leshan.grid", "/api/cases?size=500&from=2000-01-01").get("total").asLong()).isEqualTo(total);
        assertThat(api.get("leshan.grid", "/api/cases?q=" + enc(title)).get("total").asLong()).isEqualTo(1);
        assertThat(api.get("leshan.grid", "/api/cases/" + caseId).status()).isEqualTo(200);
    }

    @Test
    void noTrayOfANeighbouringVillageHoldsTheCase() {
        for (Tray tray : Tray.values()) {
            assertThat(ids(api.get("leshan.grid", "/api/cases?size=500&tray=" + tray))).as(tray.name()).doesNotContain(caseId);
        }
        assertThat(ids(api.get("fengyuan.mediator", "/api/cases?size=500&tray=TO_ACCEPT"))).contains(caseId);
    }

    @Test
    void aNeighbouringVillageCannotTouchTheCase() {
        for (String path : new String[] {"/timeline", "/routing-suggestion", "/attachments"}) {
            assertThat(api.get("leshan.grid", "/api/cases/" + caseId + path).status()).as(path).isEqualTo(404);
        }
        assertThat(api.post("leshan.grid", "/api/cases/" + caseId + "/notes", Map.of("note", "试图修改")).status())
                .isEqualTo(404);
        assertThat(api.post("leshan.grid", "/api/cases/" + caseId + "/archive", null).status()).isEqualTo(404);
        long party = api.get("fengyuan.grid", "/api/cases/" + caseId).get("parties").get(0).get("id").asLong();
        assertThat(api.post("leshan.grid", "/api/cases/" + caseId + "/parties/" + party + "/reveal",
                Map.of("purpose", "核实")).status())
                .isEqualTo(404);
        assertThat(api.post("leshan.grid", "/api/cases/" + caseId + "/merge",
                Map.of("masterCaseId", caseId, "reason", "x")).status()).isEqualTo(404);
    }

    @Test
    void theVillageItselfAndTheTownshipAboveSeeTheCase() {
        assertThat(api.get("fengyuan.grid", "/api/cases/" + caseId).status()).isEqualTo(200);
        assertThat(api.get("fq.intake", "/api/cases/" + caseId).status()).isEqualTo(200);
        assertThat(api.get("county.leader", "/api/cases/" + caseId).status()).isEqualTo(200);
        assertThat(ids(api.get("fq.intake", "/api/cases?q=" + enc(title)))).containsExactly(caseId);
    }

    @Test
    void aDepartmentSeesOnlyTheCasesItIsInvolvedWith() {
        assertThat(api.get("fq.police", "/api/cases/" + caseId).status()).isEqualTo(404);
        Api.Response other = api.post("fq.intake", "/api/cases", aCase().dispute("TRAFFIC").titled("交通赔偿" + title).body());
        long trafficCase = other.get("id").asLong();
        assertThat(other.get("handlingUnit").get("name").asString()).isEqualTo("诸暨市公安局枫桥派出所");
        assertThat(api.get("fq.police", "/api/cases/" + trafficCase).status()).isEqualTo(200);
        assertThat(ids(api.get("fq.police", "/api/cases?size=500"))).contains(trafficCase).doesNotContain(caseId);
    }

    @Test
    void theHandlingCommitteeSeesItsCaseButNotItsNeighboursCases() {
        assertThat(api.get("fengyuan.mediator", "/api/cases/" + caseId).status()).isEqualTo(200);
        assertThat(api.get("leshan.mediator", "/api/cases/" + caseId).status()).isEqualTo(404);
    }

    private static java.util.List<Long> ids(Api.Response r) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (JsonNode item : r.get("items")) {
            ids.add(item.get("id").asLong());
        }
        return ids;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
