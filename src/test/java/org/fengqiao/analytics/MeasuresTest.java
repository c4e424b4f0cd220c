package org.fengqiao.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.LESHAN;
import static org.fengqiao.support.Cases.aCase;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import org.fengqiao.cases.DeadlineSweep;
import org.fengqiao.support.Api;
import org.fengqiao.support.Cases;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.TestClock;

/**
 * The measures count exactly the cases they define, within the caller's jurisdiction: cases are taken round
 * the loop over HTTP in a week of their own (September 2027), so nothing else falls into the period.
 */
@IntegrationTest
class MeasuresTest {

    /** A week no other test registers cases in: Monday 6 to Friday 10 September 2027. */
    static final String WEEK = "from=2027-09-06&to=2027-09-10";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeadlineSweep sweep;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @AfterEach
    void tidy() {
        clock.reset();
        Api.forgetTokens();
    }

    @Test
    void everyMeasureCountsTheCasesItsDefinitionNames() {
        at(2027, 9, 6, 9, 0);
        long answered = register(consultationForTheLabourOffice().channel("WALK_IN"));
        long disputed = register(aCase().dispute("LABOUR_WAGES").inVillage(LESHAN).channel("HOTLINE_12345")
                .with("assignTo", labourOffice()));
        long returned = register(consultationForTheLabourOffice().channel("WALK_IN"));
        long waiting = register(aCase().inVillage(LESHAN).channel("WALK_IN").manualDispatch());
        long duplicate = register(consultationForTheLabourOffice().channel("WALK_IN"));
        ok(api.post("fq.intake", "/api/cases/" + duplicate + "/merge", Map.of("masterCaseId", answered, "reason", "同一事项")));

        at(2027, 9, 6, 10, 0);
        ok(api.post("fq.labour", "/api/cases/" + answered + "/accept", null));
        ok(api.post("fq.labour", "/api/cases/" + returned + "/return", Map.of("reason", "不属于本单位职责")));
        at(2027, 9, 7, 10, 0);
        ok(api.post("fq.labour", "/api/cases/" + answered + "/close", Map.of("outcome", "ANSWERED", "summary", "已答复", "reply", "您好，已办理，特此答复。")));
        at(2027, 9, 8, 10, 0); // the acceptance deadline (end of Tuesday) has passed
        ok(api.post("fq.labour", "/api/cases/" + disputed + "/accept", null));
        at(2027, 9, 8, 11, 0);
        ok(api.post("fq.labour", "/api/cases/" + disputed + "/close", Map.of("outcome", "NOT_RESOLVED", "summary", "未能化解", "reply", "您好，已办理，特此答复。")));
        at(2027, 9, 9, 10, 0);
        ok(api.post("fq.intake", "/api/cases/" + answered + "/evaluation", Map.of("rating", "SATISFIED", "source", "PHONE")));
        ok(api.post("fq.intake", "/api/cases/" + disputed + "/evaluation", Map.of("rating", "DISSATISFIED", "source", "PHONE")));
        at(2027, 9, 13, 9, 0); // the next week: outside the period
        register(consultationForTheLabourOffice());

        JsonNode summary = summary("fq.intake", WEEK + "&region=" + LESHAN);

        assertMeasure(summary, "intake", 4, null); // answered, disputed, returned, waiting — not the merged duplicate
        assertMeasure(summary, "resolutionRate", 1, 4L);
        // the same resolved case over the concluded ones only: the open and waiting cases do not dilute it
        assertMeasure(summary, "concludedResolutionRate", 1, 2L);
        assertMeasure(summary, "closureRate", 2, 4L); // the dissatisfied case is under review: still closed
        assertMeasure(summary, "onTimeClosureRate", 2, 2L);
        assertMeasure(summary, "timelyAcceptanceRate", 1, 2L);
        assertMeasure(summary, "satisfactionRate", 1, 2L);
        assertMeasure(summary, "bounceRate", 1, 3L); // waiting was never assigned
        assertThat(measure(summary, "resolutionRate").get("value").asDouble()).isEqualTo(0.25);
        assertThat(measure(summary, "resolutionRate").get("display").asString()).isEqualTo("25.0%");

        double expectedDays = (days(answered) + days(disputed)) / 2;
        JsonNode mean = measure(summary, "meanHandlingDays");
        assertThat(mean.get("denominator").asLong()).isEqualTo(2);
        assertThat(mean.get("value").asDouble()).isCloseTo(expectedDays, within(0.001));

        JsonNode trend = summary.get("trend");
        assertThat(trend.get("granularity").asString()).isEqualTo("DAY");
        assertThat(trend.get("buckets").size()).isEqualTo(5);
        assertThat(series(trend, "WALK_IN").get("counts").get(0).asLong()).isEqualTo(3);
        assertThat(series(trend, "HOTLINE_12345").get("counts").get(0).asLong()).isEqualTo(1);
        assertThat(slice(summary.get("byDisputeType"), "LABOUR_WAGES").get("registered").asLong()).isEqualTo(1);
        assertThat(summary.get("byDisputeType").size()).isEqualTo(1);

        JsonNode byRegion = summary.get("byRegion");
        assertThat(byRegion.get("childLevel").asString()).isEqualTo("GRID");
        assertThat(byRegion.get("up").asString()).isEqualTo(Cases.FENGQIAO_TOWN);
        long inSlices = 0;
        for (JsonNode s : byRegion.get("slices")) {
            inSlices += s.get("registered").asLong();
        }
        assertThat(inSlices).isEqualTo(4);
    }

    @Test
    void everyMeasureCarriesItsDefinition() {
        JsonNode summary = summary("fq.intake", WEEK);
        for (JsonNode m : summary.get("measures")) {
            JsonNode d = m.get("definition");
            assertThat(m.get("label").asString()).as(m.get("name").asString()).isNotBlank();
            for (String part : new String[] {"cohort", "period", "numerator", "denominator"}) {
                assertThat(d.get(part).asString()).as(m.get("name") + "." + part).isNotBlank().doesNotContain("analytics.");
            }
        }
        assertThat(measure(summary, "satisfactionRate").get("definition").get("period").asString())
                .contains("2027-09-06").contains("2027-09-10");
        assertThat(measure(summary, "intake").get("label").asString()).isEqualTo("受理量");
        assertThat(measure(summary, "resolutionRate").get("label").asString()).isEqualTo("化解率（占登记数）");
        assertThat(measure(summary, "concludedResolutionRate").get("label").asString()).isEqualTo("化解率（占已办结）");
        assertThat(measure(summary, "concludedResolutionRate").get("definition").get("denominator").asString())
                .contains("办结");
    }

    @Test
    void aVillageSeesOnlyItsOwnVillageAndTheTownshipSeesBoth() {
        at(2027, 9, 20, 9, 0);
        register(aCase().inVillage(FENGYUAN).channel("GRID_PATROL"), "fengyuan.grid");
        register(aCase().inVillage(FENGYUAN).channel("GRID_PATROL"), "fengyuan.grid");
        register(aCase().inVillage(LESHAN).channel("GRID_PATROL"), "fq.intake");
        register(aCase().dispute("TRAFFIC").inVillage(LESHAN).channel("POLICE_110"), "fq.intake");
        String week = "from=2027-09-20&to=2027-09-24";

        assertThat(intake(summary("fengyuan.grid", week))).isEqualTo(2);
        assertThat(intake(summary("leshan.grid", week))).isEqualTo(2);
        assertThat(intake(summary("fq.intake", week))).isEqualTo(4);
        assertThat(intake(summary("county.leader", week))).isEqualTo(4);
        // a department reaches only the cases it is involved with: the traffic dispute routed to the police
        assertThat(intake(summary("fq.police", week))).isEqualTo(1);
        assertThat(intake(summary("fengyuan.grid", week + "&region=" + LESHAN))).isZero();
        assertThat(intake(summary("fq.intake", week + "&region=" + FENGYUAN))).isEqualTo(2);
        assertThat(intake(summary("fq.intake", week + "&region=" + FENGYUAN + "&channel=WALK_IN"))).isZero();

        JsonNode township = summary("fq.intake", week).get("byRegion");
        assertThat(township.get("childLevel").asString()).isEqualTo("VILLAGE");
        assertThat(slice(township.get("slices"), FENGYUAN).get("registered").asLong()).isEqualTo(2);
        assertThat(slice(township.get("slices"), FENGYUAN).get("drillTo").asString()).isEqualTo(FENGYUAN);
        assertThat(slice(township.get("slices"), LESHAN).get("registered").asLong()).isEqualTo(2);
    }

    @Test
    void drillingDownFromAVillageReachesItsGridsAndAGridCountsOnlyItsOwnCases() {
        at(2027, 11, 8, 9, 0);
        register(aCase().without("regionCode").at(29.70, 120.465)); // 枫源村 第一网格
        register(aCase().inVillage(FENGYUAN));
        String week = "from=2027-11-08&to=2027-11-12";
        String grid = FENGYUAN + "001";

        JsonNode village = summary("fq.intake", week + "&region=" + FENGYUAN);
        assertThat(intake(village)).isEqualTo(2);
        JsonNode slices = village.get("byRegion").get("slices");
        assertThat(slice(slices, grid).get("registered").asLong()).isEqualTo(1);
        assertThat(slice(slices, grid).get("drillTo").asString()).isEqualTo(grid);

        JsonNode inGrid = summary("fq.intake", week + "&region=" + grid);
        assertThat(intake(inGrid)).isEqualTo(1);
        assertThat(inGrid.get("byRegion").get("up").asString()).isEqualTo(FENGYUAN);
        assertThat(inGrid.get("byRegion").get("slices").size()).isZero();
    }

    @Test
    void longPeriodsAreShownByWeekStartingOnMonday() {
        JsonNode trend = summary("fq.intake", "from=2027-01-01&to=2027-06-30").get("trend");
        assertThat(trend.get("granularity").asString()).isEqualTo("WEEK");
        assertThat(trend.get("buckets").get(0).asString()).isEqualTo("2026-12-28");
        assertThat(trend.get("buckets").size()).isEqualTo(27);
    }

    @Test
    void currentlyOverdueCasesAreCountedByHandlingUnit() {
        at(2027, 10, 11, 9, 0);
        long late = register(consultationForTheLabourOffice());
        at(2027, 10, 15, 9, 0); // the Friday after: the acceptance deadline (end of Tuesday) has long passed
        sweep.run();
        JsonNode summary = summary("fq.intake", "region=" + LESHAN);
        long expected = jdbc.sql("""
                select count(*) from cases where region_code like '330681109291%'
                and status in ('ASSIGNED', 'IN_PROGRESS') and overdue_since is not null
                """).query(Long.class).single();
        assertThat(expected).isPositive();
        assertThat(measure(summary, "overdueOpen").get("numerator").asLong()).isEqualTo(expected);
        assertThat(api.get("fq.intake", "/api/cases/" + late).get("deadlines").get("overdue").asBoolean()).isTrue();
        boolean labourListed = false;
        for (JsonNode u : summary.get("overdueUnits")) {
            labourListed |= u.get("unitId").asLong() == labourOffice();
        }
        assertThat(labourListed).as(summary.get("overdueUnits").toString()).isTrue();
    }

    @Test
    void badParametersAreRefusedWithAProblemDetail() {
        for (String query : new String[] {"from=2027-09-10&to=2027-09-01", "from=yesterday", "channel=PIGEON",
                "region=12345", "region=330681109999", "category=99", "category=abc", "disputeType=FEUD",
                "from=2020-01-01&to=2027-01-01"}) {
            Api.Response r = api.get("fq.intake", "/api/analytics/summary?" + query);
            assertThat(r.status()).as(query + " → " + r.text()).isEqualTo(400);
            assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(r.detail()).as(query).isNotBlank().doesNotContain("analytics.");
        }
        assertThat(api.get(null, "/api/analytics/summary").status()).isEqualTo(401);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private void at(int year, int month, int day, int hour, int minute) {
        clock.set(LocalDateTime.of(year, month, day, hour, minute));
        Api.forgetTokens();
    }

    private Cases consultationForTheLabourOffice() {
        return aCase().kind("CONSULTATION").inVillage(LESHAN).with("assignTo", labourOffice());
    }

    private long labourOffice() {
        return jdbc.sql("select id from unit where code = 'FQ-LDBZ'").query(Long.class).single();
    }

    private long register(Cases c) {
        return register(c, "fq.intake");
    }

    private long register(Cases c, String user) {
        Api.Response r = api.post(user, "/api/cases", c.body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(1));
        return r.get("id").asLong();
    }

    private static void ok(Api.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    private JsonNode summary(String user, String query) {
        Api.Response r = api.get(user, "/api/analytics/summary?" + query);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private double days(long id) {
        JsonNode c = api.get("fq.intake", "/api/cases/" + id).json();
        return Duration.between(Instant.parse(c.get("registeredAt").asString()),
                Instant.parse(c.get("closedAt").asString())).toSeconds() / 86_400.0;
    }

    static JsonNode measure(JsonNode summary, String name) {
        for (JsonNode m : summary.get("measures")) {
            if (m.get("name").asString().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no measure " + name + " in " + summary.get("measures"));
    }

    private static long intake(JsonNode summary) {
        return measure(summary, "intake").get("numerator").asLong();
    }

    private static void assertMeasure(JsonNode summary, String name, long numerator, Long denominator) {
        JsonNode m = measure(summary, name);
        assertThat(m.get("numerator").asLong()).as(name + " numerator").isEqualTo(numerator);
        if (denominator == null) {
            assertThat(m.get("denominator").isNull()).as(name + " denominator").isTrue();
        } else {
            assertThat(m.get("denominator").asLong()).as(name + " denominator").isEqualTo(denominator);
            assertThat(m.get("value").asDouble()).as(name + " value").isEqualTo((double) numerator / denominator);
        }
    }

    private static JsonNode series(JsonNode trend, String channel) {
        for (JsonNode s : trend.get("series")) {
            if (s.get("channel").asString().equals(channel)) {
                return s;
            }
        }
        throw new AssertionError("no series " + channel + " in " + trend);
    }

    private static JsonNode slice(JsonNode slices, String code) {
        for (JsonNode s : slices) {
            if (!s.get("code").isNull() && code.equals(s.get("code").asString())) {
                return s;
            }
        }
        throw new AssertionError("no slice " + code + " in " + slices);
    }
}
