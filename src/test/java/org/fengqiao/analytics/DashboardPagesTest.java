package org.fengqiao.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.aCase;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import org.fengqiao.support.Api;
import org.fengqiao.support.SessionClient;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.TestClock;

/**
 * The dashboard shows the same figures as the API for the same filter, and the map's markers carry no personal
 * data.
 */
@IntegrationTest
class DashboardPagesTest {

    private static final Pattern KPI = Pattern.compile(
            "<article[^>]*data-measure=\"([^\"]+)\"[^>]*>.*?<p class=\"kpi-value[^\"]*\" data-role=\"value\"([^>]*)>([^<]*)</p>",
            Pattern.DOTALL);
    private static final Pattern ATTR = Pattern.compile("data-(value|numerator|denominator)=\"([^\"]*)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clock.reset();
    }

    @AfterEach
    void tidy() {
        clock.reset();
    }

    @Test
    void theDashboardShowsTheSameFiguresAsTheApiForTheSameFilter() {
        SessionClient browser = SessionClient.signedInAs(port, "fq.intake");
        for (String query : List.of("", "from=2026-06-01&to=2026-11-20", "from=2026-06-01&to=2026-11-20&region=" + FENGYUAN,
                "channel=WALK_IN&from=2026-08-01", "disputeType=NEIGHBOUR&from=2026-05-25")) {
            SessionClient.Page page = browser.get("/dashboard?" + query);
            assertThat(page.status()).as(query).isEqualTo(200);
            Map<String, Map<String, String>> shown = kpis(page.html());
            JsonNode api = summary("fq.intake", query);
            assertThat(shown.keySet()).as(query).hasSize(api.get("measures").size());
            for (JsonNode m : api.get("measures")) {
                Map<String, String> kpi = shown.get(m.get("name").asString());
                assertThat(kpi).as(query + " " + m.get("name")).isNotNull();
                assertThat(kpi.get("display")).as(query + " " + m.get("name")).isEqualTo(m.get("display").asString());
                assertThat(Double.parseDouble(kpi.get("numerator"))).as(query + " " + m.get("name"))
                        .isEqualTo(m.get("numerator").asDouble());
                if (m.get("denominator").isNull()) {
                    assertThat(kpi.get("denominator")).isNull();
                } else {
                    assertThat(Long.parseLong(kpi.get("denominator"))).isEqualTo(m.get("denominator").asLong());
                    assertThat(kpi.get("value") == null ? null : Double.valueOf(kpi.get("value")))
                            .isEqualTo(m.get("value").isNull() ? null : m.get("value").asDouble());
                }
            }
            // and the page's own JSON endpoint answers with the very same summary
            SessionClient.Page data = browser.get("/dashboard/data?" + query);
            assertThat(Api.JSON.readTree(data.html())).as(query).isEqualTo(api);
        }
    }

    @Test
    void theDashboardFiguresAreNotZeroOnTheDemoCounty() {
        JsonNode s = summary("county.leader", "from=2026-05-24&to=2026-11-20");
        assertThat(MeasuresTest.measure(s, "intake").get("numerator").asLong()).isGreaterThan(100);
        assertThat(s.get("byRegion").get("childLevel").asString()).isEqualTo("TOWNSHIP");
        SessionClient.Page page = SessionClient.signedInAs(port, "county.leader").get("/dashboard?from=2026-05-24&to=2026-11-20");
        assertThat(page.html()).contains("id=\"chart-trend\"", "id=\"dashboard-data\"", "/webjars/echarts/",
                "echarts.min", "/assets/js/dashboard"); // fingerprinted: echarts.min-<md5>.js
        assertThat(page.html()).as("the page says when its figures were computed, in China time")
                .contains("id=\"as-of\"", "数据截至 " + java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                        .withZone(org.fengqiao.platform.ChinaTime.ZONE).format(java.time.Instant.parse(
                                s.get("asOf").asString())));
        assertThat(page.html()).doesNotContain("??analytics");
    }

    @Test
    void aDashboardWithAReversedPeriodSaysSoAndShowsTheDefault() {
        SessionClient.Page page = SessionClient.signedInAs(port, "fq.intake").get("/dashboard?from=2026-11-10&to=2026-11-01");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("alert-danger").contains("2026-11-10");
    }

    @Test
    void theMapShowsCasesWithCoordinatesWithoutPersonalData() {
        Api.Response r = api.post("fq.intake", "/api/cases", aCase().without("regionCode").at(29.70, 120.465)
                .titled("路灯损坏需维修").party("APPLICANT", "欧阳翀翎", "13987654321", "110101199003078515")
                .with("address", "测试巷9527号").body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        long id = r.get("id").asLong();
        String code = r.get("trackingCode").asString();

        SessionClient.Page geo = SessionClient.signedInAs(port, "fq.intake").get("/map/cases.geojson?from=2026-11-01&to=2026-11-30");
        assertThat(geo.status()).isEqualTo(200);
        JsonNode collection = Api.JSON.readTree(geo.html());
        JsonNode feature = null;
        for (JsonNode f : collection.get("features")) {
            if (f.get("properties").get("id").asLong() == id) {
                feature = f;
            }
            Set<String> keys = new java.util.HashSet<>();
            f.get("properties").propertyNames().forEach(keys::add);
            assertThat(keys).containsExactlyInAnyOrder("id", "trackingCode", "title", "status", "statusLabel", "risk",
                    "riskLabel", "url");
        }
        assertThat(feature).isNotNull();
        assertThat(feature.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(120.465);
        assertThat(feature.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(29.70);
        assertThat(feature.get("properties").get("trackingCode").asString()).isEqualTo(code);
        assertThat(feature.get("properties").get("url").asString()).isEqualTo("/cases/" + id);
        assertThat(geo.html()).doesNotContain("翀翎", "13987654321", "110101199003078515", "测试巷");

        SessionClient.Page elsewhere = SessionClient.signedInAs(port, "leshan.grid").get("/map/cases.geojson?from=2026-11-01&to=2026-11-30");
        assertThat(elsewhere.html()).doesNotContain(code);
        SessionClient.Page filtered = SessionClient.signedInAs(port, "fq.intake")
                .get("/map/cases.geojson?from=2026-11-01&to=2026-11-30&status=CLOSED");
        assertThat(filtered.html()).doesNotContain(code);

        SessionClient.Page map = SessionClient.signedInAs(port, "fq.intake").get("/map");
        assertThat(map.status()).isEqualTo(200);
        assertThat(map.html()).contains("/webjars/leaflet/", "leaflet-", "/assets/js/casemap",
                "data-cases=\"/map/cases.geojson?", "data-boundaries=\"/map/boundaries.geojson?under=")
                .doesNotContain("data-tiles=\"http"); // no tile server unless one is configured
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private JsonNode summary(String user, String query) {
        Api.Response r = api.get(user, "/api/analytics/summary?" + query);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    /** The KPI cards of a dashboard page: display text and data attributes by measure name. */
    static Map<String, Map<String, String>> kpis(String html) {
        Map<String, Map<String, String>> kpis = new HashMap<>();
        Matcher m = KPI.matcher(html);
        while (m.find()) {
            Map<String, String> kpi = new HashMap<>();
            Matcher a = ATTR.matcher(m.group(2));
            while (a.find()) {
                kpi.put(a.group(1), a.group(2));
            }
            kpi.put("display", org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(3).strip()));
            kpis.put(m.group(1), kpi);
        }
        return kpis;
    }
}
