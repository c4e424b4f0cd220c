package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGQIAO_TOWN;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.aCase;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;

/**
 * A case with coordinates lands in its grid; routing picks the lowest competent level and says why.
 */
@IntegrationTest
class PlacementAndRoutingTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aCaseWithCoordinatesIsPlacedInItsGrid() {
        Api.Response r = api.post("fq.intake", "/api/cases", aCase().without("regionCode").at(29.70, 120.465).body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.get("location").get("gridCode").asString()).isEqualTo(FENGYUAN + "001");
        assertThat(r.get("location").get("gridName").asString()).isEqualTo("第一网格");
        assertThat(r.get("location").get("regionCode").asString()).isEqualTo(FENGYUAN);
    }

    @Test
    void aPointOutsideEveryGridKeepsTheGivenVillage() {
        Api.Response r = api.post("fq.intake", "/api/cases", aCase().inVillage("330681109003").at(29.735, 120.435).body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.get("location").get("gridCode").isNull()).isTrue();
        assertThat(r.get("location").get("regionCode").asString()).isEqualTo("330681109003");
    }

    @Test
    void theGridIndexAnswersDirectly() {
        Api.Response r = api.get("fq.intake", "/api/regions/locate?lat=29.70&lon=120.475");
        assertThat(r.get("code").asString()).isEqualTo(FENGYUAN + "002");
    }

    @Test
    void villageDisputesStayInTheVillage() {
        Api.Response r = api.get("fq.intake", "/api/routing/preview?kind=DISPUTE&disputeType=NEIGHBOUR&region=" + FENGYUAN);
        assertThat(r.get("ruleCode").asString()).isEqualTo("NEIGHBOUR-V");
        assertThat(r.get("unitName").asString()).isEqualTo("枫源村人民调解委员会");
    }

    @Test
    void aMatterKnownOnlyAtTownshipLevelGoesToTheTownshipUnit() {
        Api.Response r = api.get("fq.intake", "/api/routing/preview?kind=DISPUTE&disputeType=NEIGHBOUR&region=" + FENGQIAO_TOWN);
        assertThat(r.get("ruleCode").asString()).isEqualTo("NEIGHBOUR-T");
        assertThat(r.get("unitName").asString()).isEqualTo("枫桥司法所");
        assertThat(r.get("considered").toString()).contains("NEIGHBOUR-V");
    }

    @Test
    void medicalDisputesGoToTheCountyCommittee() {
        Api.Response r = api.get("fq.intake", "/api/routing/preview?kind=DISPUTE&disputeType=MEDICAL&region=" + FENGYUAN);
        assertThat(r.get("unitName").asString()).isEqualTo("诸暨市医疗纠纷人民调解委员会");
    }

    @Test
    void withoutAMatchingRuleTheCentreOfTheRegionTakesTheMatter() {
        Api.Response r = api.get("fq.intake", "/api/routing/preview?kind=SUGGESTION&region=" + FENGYUAN);
        assertThat(r.get("ruleCode").asString()).isEqualTo("CENTRE-FALLBACK");
        assertThat(r.get("unitName").asString()).isEqualTo("枫源村综治中心");
        assertThat(r.get("explanation").asString()).contains("兜底");
    }

    @Test
    void aSwitchedOffRuleIsSkippedForTheNextLevel() {
        assertThat(api.put("admin", "/api/routing-rules/NEIGHBOUR-V/active", Map.of("active", false)).status()).isEqualTo(200);
        try {
            Api.Response r = api.get("fq.intake", "/api/routing/preview?kind=DISPUTE&disputeType=NEIGHBOUR&region=" + FENGYUAN);
            assertThat(r.get("ruleCode").asString()).isEqualTo("NEIGHBOUR-T");
        } finally {
            api.put("admin", "/api/routing-rules/NEIGHBOUR-V/active", Map.of("active", true));
        }
    }

    @Test
    void onlyAdministratorsChangeRules() {
        assertThat(api.put("fq.dispatcher", "/api/routing-rules/NEIGHBOUR-V/active", Map.of("active", false)).status())
                .isEqualTo(403);
    }
}
