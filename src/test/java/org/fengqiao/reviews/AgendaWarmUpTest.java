package org.fengqiao.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.aCase;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.JsonNode;

import org.fengqiao.access.Actor;
import org.fengqiao.analytics.topics.HotTopicBoard;
import org.fengqiao.cases.CaseLists;
import org.fengqiao.intelligence.topics.AgendaPeriod;
import org.fengqiao.organisation.Unit;
import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;

/**
 * The speed of review agendas without stale answers: the county's monthly report shows — and reads — the case
 * sections of the agenda of the meeting it is printed for, and a warm-up before a meeting stores the hot-topic
 * list in the database, where an instance that never computed it finds it.
 */
@IntegrationTest
class AgendaWarmUpTest extends ReviewFixture {

    @Autowired
    Agendas agendas;

    @Autowired
    ReviewWarmUp warmUp;

    @Autowired
    HotTopicBoard board;

    @Autowired
    CaseLists cases;

    @Autowired
    PlatformTransactionManager transactions;

    void register(String title) {
        register("fq.intake", aCase().dispute("NEIGHBOUR").inVillage(FENGYUAN).titled(title).body());
    }

    @Test
    void theMonthlyReportShowsAndReadsTheCaseSectionsOfTheAgendaOfItsMeeting() throws Exception {
        clock.set(LocalDateTime.of(2029, 3, 2, 10, 0)); // the county meets on the 5th: the report of February is for it
        register("邻居装修噪音扰民");
        Api.forgetTokens();
        JsonNode agenda = api.get("county.leader", "/api/reviews/agenda").json();
        assertThat(agenda.get("meetingDate").asString()).isEqualTo("2029-03-05");
        long computed = agendas.sectionsComputed();

        Api.Response r = api.get("county.leader", "/api/reviews/report.docx");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(agendas.sectionsComputed()).as("the report reads the sections of the agenda just opened")
                .isEqualTo(computed);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.raw().body()));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("2029年2月").contains("新增事项：" + agenda.get("newMatters")
                    .get("total").asLong());
        }

        register("邻居占用楼道堆放杂物");
        Api.forgetTokens();
        assertThat(api.get("county.leader", "/api/reviews/report.docx").status()).isEqualTo(200);
        assertThat(agendas.sectionsComputed()).as("after a change to a case the sections are computed afresh")
                .isEqualTo(computed + 1);
    }

    @Test
    void aWarmUpBeforeTheMeetingStoresTheHotTopicsWhereAnotherInstanceFindsThem() {
        Unit township = units.findByCode("FQ-ZZZX").orElseThrow();
        Actor actor = ReviewWarmUp.actorOf(township);
        clock.set(LocalDateTime.of(2029, 4, 9, 7, 30)); // a Monday: the township meets at 09:00
        register("村道路灯损坏无人修");
        register("村道路灯损坏夜间出行不便");
        warmUp.run();
        assertThat(stored(township, "WEEK", LocalDate.of(2029, 4, 9))).as("more than an hour before the meeting")
                .isNull();

        clock.set(LocalDateTime.of(2029, 4, 9, 8, 15));
        Instant warmedAt = clock.instant();
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
        try {
            assertThat(warmUp.run()).isPositive();
            assertThat(org.springframework.context.i18n.LocaleContextHolder.getLocale())
                    .as("the caller's language given back").isEqualTo(java.util.Locale.ENGLISH);
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
        assertThat(stored(township, "WEEK", LocalDate.of(2029, 4, 9))).isEqualTo(Timestamp.from(warmedAt));
        assertThat(stored(units.findByCode("ZJ-ZZZX").orElseThrow(), "MONTH", LocalDate.of(2029, 4, 9)))
                .as("the county does not meet today").isNull();
        assertThat(warmUp.run()).as("warm already").isZero();

        // another instance, which has computed nothing, at the meeting after a case changed
        clock.set(LocalDateTime.of(2029, 4, 9, 9, 0));
        register("邻居家狗夜间吠叫");
        AgendaHotTopics other = new AgendaHotTopics(board, cases, jdbc, clock, transactions, Duration.ofMinutes(10));
        assertThat(other.board(actor, AgendaPeriod.WEEK).asOf()).as("the warm-up's list, not clustered again")
                .isEqualTo(warmedAt);
    }

    @Test
    void listsOfMoreThanAWeekAgoAreDropped() {
        Unit township = units.findByCode("FQ-ZZZX").orElseThrow();
        clock.set(LocalDateTime.of(2029, 5, 7, 8, 30));
        warmUp.run();
        assertThat(stored(township, "WEEK", LocalDate.of(2029, 5, 7))).isNotNull();
        clock.set(LocalDateTime.of(2029, 5, 15, 6, 0));
        warmUp.run();
        assertThat(stored(township, "WEEK", LocalDate.of(2029, 5, 7))).isNull();
    }

    private Timestamp stored(Unit centre, String period, LocalDate day) {
        return jdbc.sql("select computed_at from review_hot_topic_list where unit_id = ? and period = ? and day = ?")
                .params(centre.id(), period, day).query(Timestamp.class).optional().orElse(null);
    }
}
