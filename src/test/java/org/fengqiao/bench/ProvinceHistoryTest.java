package org.fengqiao.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;

import org.fengqiao.analytics.AnalyticsFilter;
import org.fengqiao.analytics.Measures;
import org.fengqiao.analytics.Summary;
import org.fengqiao.cases.EventChains;
import org.fengqiao.support.Instances;
import org.fengqiao.support.Pages;

/**
 * The bulk generator on a database of its own (its {@code COPY} commits on its own connections, so it cannot run
 * inside a rolled-back test): a small province of three counties — the demo's 枫桥镇 and two synthetic ones — with
 * 5,000 cases over a year, the indexes dropped and recreated as for a large load. What a deployment reads of it must
 * hold: the counts, every status, timelines that end in the case's status and verify as hash chains, cases in
 * villages under their owner's township, jurisdiction on the pages, and non-zero figures on the dashboard.
 */
class ProvinceHistoryTest {

    static final int CASES = 5_000;
    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext instance;
    static Path dir;
    static JdbcClient jdbc;
    static Pages pages;
    static long firstId;
    static List<String> indexesBefore;
    static String printed;

    @BeforeAll
    static void aSmallProvinceIsGenerated() throws Exception {
        dir = Files.createTempDirectory("fengqiao-province");
        postgres = Instances.postgres(Map.of());
        instance = Instances.start(postgres.getJdbcUrl("postgres", "postgres"), dir.resolve("data.key"),
                dir.resolve("instance"), true, Map.of("fengqiao.cluster.reference-poll", "200ms"));
        jdbc = instance.getBean(JdbcClient.class);
        pages = new Pages((WebApplicationContext) instance);
        indexesBefore = indexes();
        firstId = jdbc.sql("select max(id) from cases").query(Long.class).single() + 1;
        ProvinceHistory history = instance.getBean(ProvinceHistory.class);
        history.rebuildIndexesFrom = 0; // as for a large load, to prove the indexes come back as they were
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        history.generate(new ProvinceHistory.Plan(CASES, false, 3, 1, 2, 3, 7, Path.of("..", "shared", "data")),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        printed = out.toString(StandardCharsets.UTF_8);
        Thread.sleep(1_000); // the instance learns of the new units and accounts by its reference-data poll
    }

    @AfterAll
    static void stop() throws Exception {
        if (instance != null) {
            instance.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static List<String> indexes() {
        return jdbc.sql("""
                select indexdef from pg_indexes where schemaname = current_schema()
                and tablename in ('cases', 'case_text', 'case_unit', 'case_event', 'case_evaluation')
                order by indexname""").query(String.class).list();
    }

    private static long count(String sql) {
        return jdbc.sql(sql).param("first", firstId).query(Long.class).single();
    }

    @Test
    void theCasesAndTheirRowsAreAllThereWithEveryStatusAndTheIndexesAsBefore() {
        assertThat(count("select count(*) from cases where id >= :first")).isEqualTo(CASES);
        assertThat(count("select count(*) from case_text where case_id >= :first")).isEqualTo(CASES);
        assertThat(count("select count(*) from case_evaluation where case_id >= :first"))
                .isEqualTo(count("select count(*) from cases where id >= :first and evaluated_at is not null"))
                .isGreaterThan(CASES / 2);
        assertThat(count("select count(*) from case_event where case_id >= :first")).isGreaterThan(4L * CASES);
        assertThat(jdbc.sql("select distinct status from cases where id >= :first").param("first", firstId)
                .query(String.class).list()).containsExactlyInAnyOrder("REGISTERED", "ASSIGNED", "IN_PROGRESS",
                "RETURNED", "CLOSED", "UNDER_REVIEW", "ARCHIVED", "MERGED");
        // most are closed, as in a platform in service
        assertThat(count("select count(*) from cases where id >= :first and status in ('CLOSED', 'ARCHIVED')"))
                .isGreaterThan(CASES * 8L / 10);
        assertThat(count("select count(*) from cases where id >= :first and overdue_since is not null")).isPositive();
        assertThat(indexes()).isEqualTo(indexesBefore);
        assertThat(printed).contains("BENCH name=seed-rows-case_event", "BENCH name=seed-cases", "drop", "rebuilt");
    }

    @Test
    void eachTimelineStartsWithTheRegistrationEndsInTheCaseStatusAndVerifiesAsAChain() {
        assertThat(count("""
                select count(*) from cases c where c.id >= :first and c.status <> (
                    select e.to_status from case_event e where e.case_id = c.id order by e.id desc limit 1)""")).isZero();
        assertThat(count("""
                select count(*) from cases c where c.id >= :first and (
                    select e.type from case_event e where e.case_id = c.id order by e.id limit 1) <> 'CaseRegistered'"""))
                .isZero();
        assertThat(count("""
                select count(*) from cases c where c.id >= :first and c.status = 'ARCHIVED' and not exists (
                    select 1 from case_event e where e.case_id = c.id and e.type = 'CaseClosed')""")).isZero();
        assertThat(instance.getBean(EventChains.class).verifyAllCases()).isEmpty();
    }

    @Test
    void everyCaseLiesInAVillageOfItsOwnersTownshipAndTheSyntheticPlacesAreMarked() {
        assertThat(count("""
                select count(*) from cases c join region v on v.code = c.region_code join unit o on o.id = c.owner_unit
                where c.id >= :first and (v.level <> 'VILLAGE' or v.parent_code <> o.region_code)""")).isZero();
        assertThat(count("select count(distinct substr(region_code, 1, 6)) from cases where id >= :first")).isEqualTo(3);
        assertThat(count("""
                select count(*) from region where code like '3399%' and level <> 'CITY' and level <> 'GRID'
                and name not like '合成%'""")).isZero();
    }

    @Test
    void aTownshipUserSeesItsOwnCasesAndNotAnotherCountys() throws Exception {
        String list = pages.mvc.perform(get("/cases").with(pages.as("syn.town.dispatcher")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Long> shown = new ArrayList<>();
        Matcher link = Pattern.compile("href=\"/cases/(\\d+)\"").matcher(list);
        while (link.find()) {
            shown.add(Long.parseLong(link.group(1)));
        }
        assertThat(shown).isNotEmpty();
        assertThat(jdbc.sql("select count(*) from cases where id in (:ids) and region_code not like '339901001%'")
                .param("ids", shown).query(Long.class).single()).isZero();
        long elsewhere = jdbc.sql("select min(id) from cases where region_code like '339902%'").query(Long.class).single();
        assertThat(pages.mvc.perform(get("/cases/" + elsewhere).with(pages.as("syn.town.dispatcher")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        long own = shown.getFirst();
        assertThat(pages.mvc.perform(get("/cases/" + own).with(pages.as("syn.town.dispatcher")))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(pages.mvc.perform(get("/workbench").with(pages.as("syn.town.dispatcher")))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aTownshipsSearchFindsByWordExactlyItsOwnCasesThatHoldTheWord() {
        // a word of a generated case of the township, and how many of the township's cases hold it
        String word = jdbc.sql("""
                select w from case_text t join cases c on c.id = t.case_id, unnest(t.search_terms) w
                where c.region_code like '339901001%' and w !~ '^[@0-9A-Za-z]' limit 1""").query(String.class).single();
        long holding = jdbc.sql("""
                select count(*) from cases c join case_text t on t.case_id = c.id
                where c.region_code like '339901001%' and t.search_terms @> array[cast(? as text)]""").param(word)
                .query(Long.class).single();
        org.fengqiao.cases.CaseFilter byWord = new org.fengqiao.cases.CaseFilter(List.of(), null, null, null, null,
                null, null, null, null, null, word, null, null, null, null);
        var lists = instance.getBean(org.fengqiao.cases.CaseLists.class);
        assertThat(lists.list(pages.actor("syn.town.dispatcher"), byWord,
                org.fengqiao.cases.CaseFilter.Sort.REGISTERED_DESC, 0, 20).total())
                .isEqualTo(Math.min(holding, org.fengqiao.cases.CaseViews.Page.COUNT_CAP + 1));
        assertThat(holding).isPositive();
    }

    @Test
    void theProvinceLeadersListNarrowsByCountyAndTownshipNotByEachVillage() throws Exception {
        String list = pages.mvc.perform(get("/cases").with(pages.as("province.leader")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String select = list.substring(list.indexOf("id=\"region\""), list.indexOf("</select>", list.indexOf("id=\"region\"")));
        assertThat(select).contains("合成县01").contains("第01镇").doesNotContain("第01村");
    }

    @Test
    void theDashboardOfTheProvinceLeaderAndOfTheDemoCountyCountTheGeneratedCases() {
        Measures measures = instance.getBean(Measures.class);
        LocalDate today = LocalDate.now(org.fengqiao.platform.ChinaTime.ZONE);
        AnalyticsFilter lastYear = new AnalyticsFilter(today.minusYears(1), today, null, null, null, null);
        Summary province = measures.summary(pages.actor("province.leader"), lastYear);
        Summary county = measures.summary(pages.actor("county.leader"), lastYear);
        long provinceIntake = province.measure("intake").numerator().longValue();
        assertThat(provinceIntake).isGreaterThan(CASES * 9L / 10);
        assertThat(county.measure("intake").numerator().longValue()).isPositive().isLessThan(provinceIntake);
        assertThat(province.measure("satisfactionRate").numerator().longValue()).isPositive();
        assertThat(province.measure("closureRate").numerator().longValue()).isPositive();
    }
}
