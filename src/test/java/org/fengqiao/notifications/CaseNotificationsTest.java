package org.fengqiao.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.aCase;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import org.fengqiao.cases.CaseCommands;
import org.fengqiao.cases.CaseService;
import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;
import org.fengqiao.support.TestClock;

/**
 * Case changes produce their messages in the same transaction: the unit hears of a new case, the centre of a
 * return, the handling unit of supervision and of a dissatisfied citizen, the citizen of each step of their
 * matter — and staff SMS carry no party's personal data.
 */
@IntegrationTest
class CaseNotificationsTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseService cases;
    @Autowired
    Pages pages;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager txm;
    @Autowired
    OutboxWorker worker;
    @Autowired
    DeadlineReminders reminders;
    @Autowired
    StaffPreferences preferences;
    @Autowired
    TestClock clock;
    @Autowired
    org.fengqiao.crypto.PersonalData personal;

    Api api;
    OutboxRows rows;

    @BeforeEach
    void setUp() {
        clock.reset();
        api = new Api(port);
        rows = new OutboxRows(jdbc);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long register(Map<String, Object> body) {
        Api.Response r = api.post("fq.intake", "/api/cases", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.get("id").asLong();
    }

    private CaseCommands.RegisterCase command(Map<String, Object> body) {
        return JsonMapper.builder().build().convertValue(body, CaseCommands.RegisterCase.class);
    }

    @Test
    void anAssignmentWritesTheUnitsMessageInTheSameTransactionAndIsRolledBackWithIt() {
        TransactionTemplate tx = new TransactionTemplate(txm);
        long[] id = new long[1];
        List<String> inside = tx.execute(status -> {
            id[0] = cases.register(pages.actor("fq.intake"), command(aCase().dispute("NEIGHBOUR").inVillage(FENGYUAN)
                    .body())).id();
            List<String> messages = rows.inboxForCase(id[0]);
            status.setRollbackOnly();
            return messages;
        });
        assertThat(inside).contains("fengyuan.mediator NEW_CASE", "m330681109290.handler NEW_CASE");
        assertThat(rows.inboxForCase(id[0])).as("rolled back with the case").isEmpty();
        assertThat(rows.forCase(id[0])).isEmpty();
        assertThat(jdbc.sql("select count(*) from cases where id = ?").param(id[0]).query(Long.class).single()).isZero();
    }

    @Test
    void theUnitHearsOfANewCaseInTheAppAndByTheSmsItChoseWithoutPersonalData() {
        // a number of its own: the demo's SMS users may have reached today's cap in earlier tests
        long handler = pages.actor("m330681109290.handler").userId();
        preferences.save(handler, new StaffPreferences.Preferences("13400000001", null,
                java.util.EnumSet.of(NotificationKind.NEW_CASE), java.util.Set.of()));
        try {
            long id = register(aCase().dispute("NEIGHBOUR").inVillage(FENGYUAN).titled("王大伟家排水沟堵塞")
                    .party("APPLICANT", "王大伟", "13712340001", null).party("RESPONDENT", "李小红", "13712340002", null)
                    .body());
            assertThat(rows.inboxForCase(id)).containsExactlyInAnyOrder("fengyuan.mediator NEW_CASE",
                    "m330681109290.handler NEW_CASE");
            OutboxRows.Row sms = rows.forCase(id).stream().filter(r -> "13400000001".equals(r.address()))
                    .findFirst().orElseThrow();
            assertThat(sms.kind()).isEqualTo("NEW_CASE");
            worker.drain();
            String code = jdbc.sql("select tracking_code from cases where id = ?").param(id).query(String.class)
                    .single();
            assertThat(rows.recordedText(sms.key())).contains(code).contains("签收期限")
                    .doesNotContain("王大伟").doesNotContain("李小红").doesNotContain("13712340001")
                    .doesNotContain("排水沟");
        } finally {
            preferences.save(handler, new StaffPreferences.Preferences(null, null, java.util.Set.of(),
                    java.util.Set.of()));
        }
    }

    @Test
    void theApplicantHearsOfRegistrationAcceptanceClosureAndReopeningByPhone() {
        long id = register(aCase().dispute("CONTRACT_DEBT").party("APPLICANT", "赵六", "137 1234 0003", null)
                .party("RESPONDENT", "钱七", "13712340004", null).body());
        api.post("fq.justice", "/api/cases/" + id + "/accept", null);
        api.post("fq.justice", "/api/cases/" + id + "/close", Map.of("outcome", "RESOLVED", "summary", "已调解", "reply", "您好，已办理，特此答复。"));
        api.post("fq.intake", "/api/cases/" + id + "/evaluation", Map.of("rating", "DISSATISFIED", "comment", "未还钱"));
        api.post("fq.supervisor", "/api/cases/" + id + "/review", Map.of("reopen", true, "reason", "重新办理"));

        List<OutboxRows.Row> citizen = rows.forCase(id).stream().filter(r -> r.kind().startsWith("CITIZEN_")).toList();
        assertThat(citizen).extracting(OutboxRows.Row::kind).containsExactly("CITIZEN_REGISTERED",
                "CITIZEN_ACCEPTED", "CITIZEN_CLOSED", "CITIZEN_REOPENED");
        assertThat(citizen).allSatisfy(r -> {
            assertThat(r.address()).as("no clear number kept: it is looked up when sent").isNull();
            assertThat(r.addressHash()).as("the applicant, not the respondent")
                    .isEqualTo(personal.phoneHash("13712340003"));
        });
        assertThat(rows.inboxForCase(id)).contains("fq.justice DISSATISFIED", "fq-sfs.handler DISSATISFIED");
        worker.drain();
        assertThat(rows.recordedText(citizen.getFirst().key())).contains("已登记").doesNotContain("赵六");
    }

    @Test
    void anInterimReplyReachesTheApplicantBySmsOnceWithTheTrackingLink() {
        long id = register(aCase().dispute("CONTRACT_DEBT").party("APPLICANT", "周九", "13712340009", null).body());
        api.post("fq.justice", "/api/cases/" + id + "/accept", null);
        Api.Response reply = api.post("fq.justice", "/api/cases/" + id + "/replies",
                Map.of("text", "您好，已约双方下周调解。"));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);

        List<OutboxRows.Row> replied = rows.forCase(id).stream().filter(r -> r.kind().equals("CITIZEN_REPLIED")).toList();
        assertThat(replied).singleElement().satisfies(r -> {
            assertThat(r.channel()).isEqualTo("SMS");
            assertThat(r.addressHash()).isEqualTo(personal.phoneHash("13712340009"));
        });
        worker.drain();
        String code = jdbc.sql("select tracking_code from case_report where id = ?").param(id).query(String.class).single();
        assertThat(rows.recordedText(replied.getFirst().key())).contains("有新的答复").contains(code)
                .contains("/public/track?code=" + code).doesNotContain("周九").doesNotContain("下周调解");
        assertThat(rows.recordedTimes(replied.getFirst().key())).isEqualTo(1);
    }

    @Test
    void aCaseWithoutAMobileNumberSendsTheCitizenNothing() {
        long id = register(aCase().dispute("CONTRACT_DEBT").party("APPLICANT", "孙八", "0575-8712345", null).body());
        assertThat(rows.forCase(id).stream().filter(r -> r.kind().startsWith("CITIZEN_"))).isEmpty();
    }

    @Test
    void aReturnedCaseTellsTheOwningCentresDispatchersAndSupervisionTellsTheHandlingUnit() {
        long id = register(aCase().kind("COMPLAINT").body());
        long police = jdbc.sql("select id from unit where code = 'FQ-PCS'").query(Long.class).single();
        api.post("fq.dispatcher", "/api/cases/" + id + "/assign", Map.of("unitId", police));
        assertThat(rows.inboxForCase(id)).contains("fq.police NEW_CASE");
        api.post("fq.police", "/api/cases/" + id + "/return", Map.of("reason", "不属于公安职责"));
        assertThat(rows.inboxForCase(id)).contains("fq.dispatcher RETURNED", "fq-zzzx.desk RETURNED")
                .doesNotContain("fq.intake RETURNED");
        assertThat(rows.forCase(id)).as("fq.dispatcher takes returns by SMS in the demo")
                .anySatisfy(r -> assertThat(r.kind() + " " + r.address()).isEqualTo("RETURNED 13900000002"));

        long other = register(aCase().dispute("CONTRACT_DEBT").body());
        api.post("fq.supervisor", "/api/cases/" + other + "/supervision-notices", Map.of("message", "请加快办理"));
        assertThat(rows.inboxForCase(other)).contains("fq.justice SUPERVISION");
    }

    @Test
    void theHandlingUnitIsRemindedOnceOneWorkingDayBeforeItsDeadline() {
        long id = register(aCase().dispute("CONTRACT_DEBT").body());
        Instant due = Instant.parse(api.get("fq.intake", "/api/cases/" + id).get("deadlines").get("handleDueAt")
                .asString());
        Instant remindAt = reminders.remindAt(due);
        assertThat(remindAt).isBefore(due);
        clock.set(remindAt.minusSeconds(60));
        reminders.remindDue();
        assertThat(rows.inboxForCase(id)).doesNotContain("fq.justice DEADLINE_SOON");
        clock.set(remindAt);
        assertThat(reminders.remindDue()).isPositive();
        clock.advance(Duration.ofHours(1));
        reminders.remindDue();
        assertThat(rows.inboxForCase(id)).filteredOn(m -> m.equals("fq.justice DEADLINE_SOON")).hasSize(1);
    }

    @Test
    void aClosedCaseIsNotReminded() {
        long id = register(aCase().dispute("CONTRACT_DEBT").body());
        Instant due = Instant.parse(api.get("fq.intake", "/api/cases/" + id).get("deadlines").get("handleDueAt")
                .asString());
        api.post("fq.justice", "/api/cases/" + id + "/accept", null);
        api.post("fq.justice", "/api/cases/" + id + "/close", Map.of("outcome", "RESOLVED", "summary", "已调解", "reply", "您好，已办理，特此答复。"));
        clock.set(reminders.remindAt(due));
        reminders.remindDue();
        assertThat(rows.inboxForCase(id)).noneMatch(m -> m.endsWith("DEADLINE_SOON"));
    }
}
