package org.fengqiao.grids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.aCase;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import org.fengqiao.organisation.UnitKind;
import org.fengqiao.organisation.Units;
import org.fengqiao.regions.GeoJson;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;
import org.fengqiao.routing.Router;
import org.fengqiao.routing.RoutingRule;
import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.TestClock;

/**
 * Grid work: a patrol from the phone with consented location points near its grid (far ones refused, none
 * without consent or after the end), a finding registered as a case in one action, the township's grid board,
 * and 网格事项准入 enforced by routing and by manual assignment at village level.
 */
@IntegrationTest
class GridWorkTest {

    static final String GRID = FENGYUAN + "001";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Regions regions;

    @Autowired
    Router router;

    @Autowired
    Units units;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        Api.forgetTokens();
        clock.set(LocalDateTime.of(2028, 8, 9, 9, 0));
    }

    @AfterEach
    void tidy() {
        clock.reset();
        Api.forgetTokens();
    }

    Point centre() {
        return GeoJson.read(regions.find(GRID).orElseThrow().boundary()).getCentroid();
    }

    @Test
    void aPatrolKeepsConsentedPointsNearItsGridAndItsFindingBecomesACase() {
        Api.Response started = api.post("fengyuan.grid", "/api/patrols", Map.of("gridCode", GRID,
                "locationConsent", true));
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        long id = started.get("id").asLong();
        assertThat(api.post("fengyuan.grid", "/api/patrols", Map.of("gridCode", GRID)).status()).isEqualTo(409);

        Point c = centre();
        Instant now = clock.instant();
        Api.Response near = api.post("fengyuan.grid", "/api/patrols/" + id + "/points", Map.of("points", List.of(
                Map.of("at", now.toString(), "latitude", c.getY(), "longitude", c.getX()),
                Map.of("latitude", c.getY() + 0.0005, "longitude", c.getX()))));
        assertThat(near.status()).as(near.text()).isEqualTo(200);
        assertThat(near.get("points").asInt()).isEqualTo(2);
        Api.Response far = api.post("fengyuan.grid", "/api/patrols/" + id + "/points", Map.of("points", List.of(
                Map.of("latitude", c.getY(), "longitude", c.getX()),
                Map.of("latitude", c.getY() + 0.5, "longitude", c.getX()))));
        assertThat(far.status()).isEqualTo(400);
        assertThat(far.get("errors").get(0).get("field").asString()).isEqualTo("points[1]");
        assertThat(far.detail()).contains("500");
        assertThat(api.get("fengyuan.grid", "/api/patrols/" + id).get("points").asInt()).isEqualTo(2);

        Api.Response finding = api.post("fengyuan.grid", "/api/patrols/" + id + "/findings", Map.of("kind", "DISPUTE",
                "disputeType", "NEIGHBOUR", "title", "村道旁两户堆放杂物起争执", "description", "巡查发现两户因杂物占道争吵。",
                "latitude", c.getY(), "longitude", c.getX()));
        assertThat(finding.status()).as(finding.text()).isEqualTo(201);
        clock.advance(Duration.ofHours(1));
        Api.Response ended = api.post("fengyuan.grid", "/api/patrols/" + id + "/end", Map.of("notes", "巡查三户，发现一起纠纷"));
        assertThat(ended.get("endedAt").isNull()).isFalse();
        assertThat(api.post("fengyuan.grid", "/api/patrols/" + id + "/points", Map.of("points", List.of(
                Map.of("latitude", c.getY(), "longitude", c.getX())))).status()).isEqualTo(409);

        Api.Response kase = api.post("fengyuan.grid", "/api/patrol-findings/" + finding.get("id").asLong() + "/case",
                null);
        assertThat(kase.status()).as(kase.text()).isEqualTo(201);
        JsonNode registered = api.get("fengyuan.grid", "/api/cases/" + kase.get("id").asLong()).json();
        assertThat(registered.get("channel").asString()).isEqualTo("GRID_PATROL");
        assertThat(registered.get("location").get("gridCode").asString()).isEqualTo(GRID);
        assertThat(api.post("fengyuan.grid", "/api/patrol-findings/" + finding.get("id").asLong() + "/case", null)
                .status()).isEqualTo(409);

        JsonNode board = api.get("fq.dispatcher", "/api/grids/board").json();
        JsonNode row = null;
        for (JsonNode g : board.get("grids")) {
            if (g.get("gridCode").asString().equals(GRID)) {
                row = g;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("patrols").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(row.get("findingsAsCases").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(row.get("openCases").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void withoutConsentNoPointIsKept() {
        clock.set(LocalDateTime.of(2028, 8, 10, 9, 0));
        long id = api.post("leshan.grid", "/api/patrols", Map.of("gridCode", "330681109291001")).get("id").asLong();
        Api.Response r = api.post("leshan.grid", "/api/patrols/" + id + "/points", Map.of("points", List.of(
                Map.of("latitude", 29.6, "longitude", 120.4))));
        assertThat(r.status()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from patrol_point where patrol_id = ?").param(id).query(Long.class)
                .single()).isZero();
        api.post("leshan.grid", "/api/patrols/" + id + "/end", Map.of());
        assertThat(api.post("fengyuan.grid", "/api/patrols", Map.of("gridCode", "330681109291001")).status())
                .isEqualTo(400);
    }

    @Test
    void routingAndManualAssignmentRefuseANonAdmittedMatterAtVillageLevel() {
        RoutingRule rule = router.create(new RoutingRule(0, "TEST-CONSUMER-V", "消费纠纷由村调委会调解（测试）", null, null,
                "CONSUMER", null, RegionLevel.VILLAGE, UnitKind.MEDIATION_COMMITTEE, 1, true));
        try {
            long committee = units.findByCode("M" + FENGYUAN).orElseThrow().id();
            Api.Response consumer = api.post("fq.intake", "/api/cases", aCase().dispute("CONSUMER").inVillage(FENGYUAN)
                    .body());
            assertThat(consumer.status()).as(consumer.text()).isEqualTo(201);
            long id = consumer.get("id").asLong();
            JsonNode handling = api.get("fq.intake", "/api/cases/" + id).json().get("handlingUnit");
            assertThat(handling == null || handling.isNull() || handling.get("id").asLong() != committee).isTrue();
            JsonNode suggestion = api.get("fq.dispatcher", "/api/cases/" + id + "/routing-suggestion").json();
            assertThat(suggestion.toString()).contains("TEST-CONSUMER-V").contains("准入");

            Api.Response manual = api.post("fq.dispatcher", "/api/cases/" + id + "/assign", Map.of("unitId", committee));
            if (manual.status() != 409) { // a case already routed elsewhere cannot be assigned again
                assertThat(manual.status()).isEqualTo(400);
                assertThat(manual.get("errors").get(0).get("field").asString()).isEqualTo("unitId");
                assertThat(manual.detail()).contains("准入").contains("下沉");
            }
            long waiting = api.post("fq.intake", "/api/cases", aCase().dispute("CONSUMER").inVillage(FENGYUAN)
                    .manualDispatch().body()).get("id").asLong();
            Api.Response refused = api.post("fq.dispatcher", "/api/cases/" + waiting + "/assign",
                    Map.of("unitId", committee));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).contains("准入");
            assertThat(api.get("fq.intake", "/api/cases/" + waiting).get("status").asString()).isEqualTo("REGISTERED");

            long neighbours = api.post("fq.intake", "/api/cases", aCase().dispute("NEIGHBOUR").inVillage(FENGYUAN)
                    .manualDispatch().body()).get("id").asLong();
            assertThat(api.post("fq.dispatcher", "/api/cases/" + neighbours + "/assign", Map.of("unitId", committee))
                    .status()).isEqualTo(200);
        } finally {
            router.setActive(rule.code(), false);
        }
    }
}
