package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.organisation.Units;
import org.fengqiao.support.IntegrationTest;

/**
 * The benchmarks' synthetic history takes its titles and texts from the texts given, files each case under a
 * leaf category and spreads the cases over the villages of the region. Rolled back: the test database keeps no
 * synthetic case.
 */
@IntegrationTest
@Transactional
class SyntheticHistoryTest {

    @Autowired
    SyntheticHistory history;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Units units;

    @Test
    void writesCasesWithTheGivenTextsLeafCategoriesAndVillagesSpreadOut() {
        long centre = units.findByCode("FQ-SFS").orElseThrow().id();
        long user = jdbc.sql("select id from staff_user where username = 'fq.dispatcher'").query(Long.class).single();
        List<String[]> texts = List.of(new String[] {"小区电梯长期停运无人维修", "业主反映电梯停运三个月。"},
                new String[] {"邻居在楼道堆放杂物", "楼道被杂物堵塞，影响通行。"});
        assertThat(history.add(2_000, "330681", centre, centre, user, Instant.now(), 1, texts)).isEqualTo(2_000);

        List<String> titles = jdbc.sql("select distinct title from cases where tracking_code like 'SYN%'")
                .query(String.class).list();
        assertThat(titles).containsExactlyInAnyOrder("小区电梯长期停运无人维修", "邻居在楼道堆放杂物");
        assertThat(jdbc.sql("""
                select count(*) from cases c where c.tracking_code like 'SYN%' and (c.category_code is null
                    or exists (select 1 from category k where k.parent_code = c.category_code))""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(distinct c.region_code) from cases c join region r on r.code = c.region_code
                where c.tracking_code like 'SYN%' and r.level = 'VILLAGE'""").query(Long.class).single())
                .isGreaterThan(10);
        assertThat(jdbc.sql("select count(*) from cases where tracking_code like 'SYN%' and region_code not like '330681%'")
                .query(Long.class).single()).isZero();
    }
}
