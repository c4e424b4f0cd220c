package org.fengqiao.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.FENGQIAO_TOWN;
import static org.fengqiao.support.Cases.LESHAN;
import static org.fengqiao.support.Cases.aCase;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fengqiao.access.Actor;
import org.fengqiao.analytics.Summary.Freshness.Source;
import org.fengqiao.cases.Channel;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.support.Api;
import org.fengqiao.support.Cases;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;
import org.fengqiao.support.TestClock;

/**
 * The daily rollup gives a leader the same figures as counting the cases live, as of its last refresh, and only
 * within the leader's region. Cases are taken round the loop over HTTP in a week of their own (February 2031).
 */
@IntegrationTest
class DailyRollupsTest {

    static final LocalDate MONDAY = LocalDate.of(2031, 2, 10);
    static final LocalDate FRIDAY = LocalDate.of(2031, 2, 14);

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Measures measures;

    @Autowired
    DailyRollups rollups;

    @Autowired
    Pages pages;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @AfterEach
    void tidy() {
        clock.reset();
        Api.forgetTokens();
        jdbc.sql("delete from analytics_daily_rollup where region_code like '3306%901' ").update();
    }

    @Test
    void theRollupGivesTheLiveFiguresAsOfItsRefreshAndFallsBehindUntilTheNext() {
        at(9, 0);
        long answered = register(consultationForTheLabourOffice().channel("WALK_IN"));
        long disputed = register(aCase().dispute("LABOUR_WAGES").inVillage(LESHAN).channel("HOTLINE_12345")
                .with("assignTo", labourOffice()));
        long returned = register(consultationForTheLabourOffice().channel("WALK_IN"));
        long pending = register(consultationForTheLabourOffice().channel("HOTLINE_12345"));
        register(aCase().inVillage(FENGYUAN).channel("WALK_IN").manualDispatch());
        register(aCase().dispute("NEIGHBOUR").inVillage(FENGYUAN).channel("GRID_PATROL"));
        long duplicate = register(consultationForTheLabourOffice().channel("WALK_IN"));
        ok(api.post("fq.intake", "/api/cases/" + duplicate + "/merge", Map.of("masterCaseId", answered, "reason", "同一事项")));
        at(10, 0);
        ok(api.post("fq.labour", "/api/cases/" + answered + "/accept", null));
        ok(api.post("fq.labour", "/api/cases/" + returned + "/return", Map.of("reason", "不属于本单位职责")));
        clock.set(LocalDateTime.of(2031, 2, 11, 10, 0));
        ok(api.post("fq.labour", "/api/cases/" + answered + "/close", Map.of("outcome", "ANSWERED", "summary", "已答复", "reply", "您好，已办理，特此答复。")));
        clock.set(LocalDateTime.of(2031, 2, 12, 10, 0)); // past the acceptance deadline
        ok(api.post("fq.labour", "/api/cases/" + disputed + "/accept", null));
        ok(api.post("fq.labour", "/api/cases/" + disputed + "/close", Map.of("outcome", "NOT_RESOLVED", "summary", "未能化解", "reply", "您好，已办理，特此答复。")));
        clock.set(LocalDateTime.of(2031, 2, 13, 10, 0));
        ok(api.post("fq.intake", "/api/cases/" + answered + "/evaluation", Map.of("rating", "SATISFIED", "source", "PHONE")));
        ok(api.post("fq.intake", "/api/cases/" + disputed + "/evaluation", Map.of("rating", "DISSATISFIED", "source", "PHONE")));
        clock.set(LocalDateTime.of(2031, 2, 14, 17, 0));
        rollups.refresh();
        java.time.Instant refreshed = clock.instant();

        Actor leader = pages.actor("county.leader");
        List<AnalyticsFilter> filters = List.of(
                week(),
                AnalyticsFilter.none(),
                new AnalyticsFilter(LocalDate.of(2029, 3, 1), FRIDAY, null, null, null, null), // by week, other tests' cases too
                week().withRegion(FENGQIAO_TOWN),
                new AnalyticsFilter(MONDAY, FRIDAY, FENGQIAO_TOWN, Channel.WALK_IN, null, null),
                new AnalyticsFilter(MONDAY, FRIDAY, null, null, null, "LABOUR_WAGES"),
                new AnalyticsFilter(MONDAY, FRIDAY, null, null, categoryOf(answered), null));
        for (AnalyticsFilter f : filters) {
            Summary fromRollup = measures.computeNow(leader, f, RegionLevel.COUNTY);
            assertThat(fromRollup.freshness().source()).as("read from the rollup: " + f).isEqualTo(Source.ROLLUP);
            assertThat(fromRollup.asOf()).isEqualTo(refreshed);
            assertSameFigures(fromRollup, measures.computeNow(leader, f, null), f);
        }
        Summary week = measures.computeNow(leader, week(), RegionLevel.COUNTY);
        assertThat(week.measure(Measures.INTAKE).numerator()).isEqualTo(6L);
        assertThat(week.measure(Measures.TIMELY_ACCEPTANCE_RATE).numerator()).isEqualTo(1L);
        assertThat(week.measure(Measures.TIMELY_ACCEPTANCE_RATE).denominator()).isEqualTo(2L);
        assertThat(week.freshness().updateEverySeconds()).isEqualTo(rollups.interval().toSeconds());

        // a case changes: the live figures follow at once, the rollup's only at its next refresh
        clock.set(LocalDateTime.of(2031, 2, 14, 17, 30));
        ok(api.post("fq.labour", "/api/cases/" + pending + "/accept", null));
        Summary behind = measures.computeNow(leader, week(), RegionLevel.COUNTY);
        Summary live = measures.computeNow(leader, week(), null);
        assertThat(behind.measure(Measures.TIMELY_ACCEPTANCE_RATE).denominator()).isEqualTo(2L);
        assertThat(live.measure(Measures.TIMELY_ACCEPTANCE_RATE).denominator()).isEqualTo(3L);
        assertThat(behind.asOf()).isEqualTo(refreshed);

        rollups.refresh();
        Summary caughtUp = measures.computeNow(leader, week(), RegionLevel.COUNTY);
        assertThat(caughtUp.asOf()).isEqualTo(clock.instant());
        assertSameFigures(caughtUp, live, week());
        // refreshing again without a change changes nothing
        rollups.refresh();
        assertSameFigures(measures.computeNow(leader, week(), RegionLevel.COUNTY), live, week());
    }

    @Test
    void aLeaderNeverSeesRollupFiguresOutsideTheirRegion() {
        clock.set(LocalDateTime.of(2031, 3, 10, 9, 0));
        register(aCase().inVillage(LESHAN).channel("WALK_IN"));
        rollups.refresh();
        Actor township = pages.actor("fq.intake");
        Actor county = pages.actor("county.leader");
        Summary townshipBefore = measures.computeNow(township, march(), RegionLevel.TOWNSHIP);
        Summary countyBefore = measures.computeNow(county, march(), RegionLevel.COUNTY);
        // another township of the county, and another county, with cases in the rollup on the same day
        fakeRollupRow("330681001901", 5, MARCH);
        fakeRollupRow("330682001901", 7, MARCH);

        Summary townshipAfter = measures.computeNow(township, march(), RegionLevel.TOWNSHIP);
        assertThat(townshipAfter.freshness().source()).isEqualTo(Source.ROLLUP);
        assertSameFigures(townshipAfter, townshipBefore, march());
        // selecting the whole county does not widen the township's reach
        AnalyticsFilter wholeCounty = march().withRegion("330681000000");
        Summary townshipOfCounty = measures.computeNow(township, wholeCounty, RegionLevel.TOWNSHIP);
        assertThat(townshipOfCounty.freshness().source()).isEqualTo(Source.ROLLUP);
        assertSameFigures(townshipOfCounty, measures.computeNow(township, wholeCounty, null), wholeCounty);
        assertThat(townshipOfCounty.measure(Measures.INTAKE).numerator())
                .isEqualTo(townshipBefore.measure(Measures.INTAKE).numerator());
        Summary countyAfter = measures.computeNow(county, march(), RegionLevel.COUNTY);
        assertThat(countyAfter.measure(Measures.INTAKE).numerator())
                .isEqualTo((Long) countyBefore.measure(Measures.INTAKE).numerator() + 5);
    }

    @Test
    void onlyLeadersAtOrAboveTheConfiguredLevelWithACoarseFilterReadTheRollup() {
        rollups.refresh();
        Actor township = pages.actor("fq.intake");
        Actor county = pages.actor("county.leader");
        Actor department = pages.actor("fq.labour");
        assertThat(measures.summary(township, week()).freshness().source()).isEqualTo(Source.LIVE); // default CITY
        assertThat(measures.summary(county, week()).freshness().source()).isEqualTo(Source.LIVE);
        assertThat(measures.computeNow(department, week(), RegionLevel.PROVINCE).freshness().source()).isEqualTo(Source.LIVE);
        assertThat(measures.computeNow(county, week(), RegionLevel.COUNTY).freshness().source()).isEqualTo(Source.ROLLUP);
        // a village breaks down by grid, a level-2 category is finer than the rollup's: counted live
        assertThat(measures.computeNow(county, week().withRegion(LESHAN), RegionLevel.COUNTY).freshness().source())
                .isEqualTo(Source.LIVE);
        String level2 = jdbc.sql("select code from category where length(code) = 4 order by code limit 1")
                .query(String.class).single();
        assertThat(measures.computeNow(county, new AnalyticsFilter(MONDAY, FRIDAY, null, null, level2, null),
                RegionLevel.COUNTY).freshness().source()).isEqualTo(Source.LIVE);

        Api.Response r = api.get("fq.intake", "/api/analytics/summary?from=" + MONDAY + "&to=" + FRIDAY);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("freshness").get("source").asString()).isEqualTo("LIVE");
        assertThat(r.json().get("freshness").get("updateEverySeconds").asLong()).isEqualTo(measures.maxLag().toSeconds());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static final LocalDate MARCH = LocalDate.of(2031, 3, 10);

    private static AnalyticsFilter march() {
        return new AnalyticsFilter(MARCH, MARCH.plusDays(4), null, null, null, null);
    }

    private static AnalyticsFilter week() {
        return new AnalyticsFilter(MONDAY, FRIDAY, null, null, null, null);
    }

    private static void assertSameFigures(Summary actual, Summary expected, AnalyticsFilter filter) {
        assertThat(actual).as("the figures of " + filter).usingRecursiveComparison()
                .ignoringFields("asOf", "freshness").isEqualTo(expected);
    }

    private void fakeRollupRow(String village, int registered, LocalDate day) {
        jdbc.sql("""
                insert into analytics_daily_rollup (day, region_code, channel, registered, closed, resolved, on_time,
                    handling_seconds, evaluated, satisfied, assigned, returned, accepted, accepted_on_time,
                    suggestion_decided, suggestion_kept, unit_suggested, unit_kept, rated_own, rated_own_satisfied,
                    rated_staff, rated_staff_satisfied)
                values (:day, :village, 'WALK_IN', :n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                """).param("day", day).param("village", village).param("n", registered).update();
    }

    private String categoryOf(long caseId) {
        return jdbc.sql("""
                select coalesce(left(c.category_code, 2), (select min(code) from category where length(code) = 2))
                from case_report c where c.id = :id""").param("id", caseId).query(String.class).single();
    }

    private void at(int hour, int minute) {
        clock.set(LocalDateTime.of(2031, 2, 10, hour, minute));
        Api.forgetTokens();
    }

    private Cases consultationForTheLabourOffice() {
        return aCase().kind("CONSULTATION").inVillage(LESHAN).with("assignTo", labourOffice());
    }

    private long labourOffice() {
        return jdbc.sql("select id from unit where code = 'FQ-LDBZ'").query(Long.class).single();
    }

    private long register(Cases c) {
        Api.Response r = api.post("fq.intake", "/api/cases", c.body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(1));
        return r.get("id").asLong();
    }

    private static void ok(Api.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }
}
