package org.fengqiao.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.LESHAN;
import static org.fengqiao.support.Cases.aCase;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fengqiao.support.Api;
import org.fengqiao.support.SessionClient;
import org.fengqiao.support.Cases;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.TestClock;

/**
 * The supervision board lists what is overdue or nearly due by unit, supervises many cases at once reporting
 * each refusal, and ranks units only on a large enough sample. Its cases live in a week of their own (October
 * 2027).
 */
@IntegrationTest
class SupervisionBoardTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clock.set(LocalDateTime.of(2027, 10, 25, 9, 0)); // a Monday
        Api.forgetTokens();
    }

    @AfterEach
    void tidy() {
        clock.reset();
        Api.forgetTokens();
    }

    @Test
    void bulkSupervisionNoticesEveryOpenCaseAndReportsTheOnesItCannot() {
        long first = register();
        long second = register();
        Api.Response r = api.post("fq.intake", "/api/cases", aCase().inVillage(LESHAN).manualDispatch().body());
        long closed = r.get("id").asLong();
        assertThat(api.post("fq.intake", "/api/cases/" + closed + "/close",
                Map.of("outcome", "REJECTED", "summary", "不属于受理范围", "reply", "您好，已办理，特此答复。")).status()).isEqualTo(200);
        String closedCode = api.get("fq.intake", "/api/cases/" + closed).get("trackingCode").asString();

        SessionClient supervisor = SessionClient.signedInAs(port, "fq.supervisor");
        SessionClient.Page board = supervisor.get("/supervision");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.html()).contains("data-case=\"" + first + "\"", "data-case=\"" + second + "\"")
                .doesNotContain("data-case=\"" + closed + "\"");

        SessionClient.Page done = supervisor.post("/supervision/supervise", Map.of(
                "caseId", List.of(Long.toString(first), Long.toString(second), Long.toString(closed)),
                "mode", List.of("CHASE"), "message", List.of(""), "back", List.of("/supervision")));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).endsWith("/supervision");
        SessionClient.Page after = supervisor.get("/supervision");
        assertThat(after.html()).contains("已催办 2 件").contains("1 件未能督办").contains(closedCode);

        for (long id : new long[] {first, second}) {
            assertThat(api.get("fq.intake", "/api/cases/" + id).get("supervised").asBoolean()).isTrue();
            assertThat(jdbc.sql("select message from supervision_notice where case_id = ? and kind = 'SUPERVISE'")
                    .param(id).query(String.class).list()).containsExactly("本件已超期或即将到期，请抓紧办理并反馈。");
        }
        assertThat(api.get("fq.intake", "/api/cases/" + closed).get("supervised").asBoolean()).isFalse();
    }

    @Test
    void superviseOnTheBoardAsksForTheOpinionAndTheDateConfirmsAndStaysOnTheBoard() {
        long id = register();
        SessionClient supervisor = SessionClient.signedInAs(port, "fq.supervisor");
        String html = supervisor.get("/supervision").html();
        int row = html.indexOf("data-case=\"" + id + "\"");
        String rowHtml = html.substring(row, html.indexOf("</tr>", row));
        assertThat(rowHtml).as("the opinion and the date are asked, and confirmed, before anything is sent")
                .contains("<details").contains("name=\"message\"").contains("<textarea").contains("name=\"dueOn\"")
                .contains("data-confirm=");
        assertThat(jdbc.sql("select count(*) from supervision_notice where case_id = ?").param(id)
                .query(Integer.class).single()).as("opening the board sends nothing").isZero();

        String due = java.time.LocalDate.now(clock).plusDays(5).toString();
        SessionClient.Page sent = supervisor.post("/supervision/supervise", Map.of("caseId", List.of(Long.toString(id)),
                "mode", List.of("SUPERVISE"), "message", List.of("请于本周内约谈双方并书面反馈"), "dueOn", List.of(due),
                "back", List.of("/supervision")));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.location()).as("stays on the board").endsWith("/supervision");
        assertThat(supervisor.get("/supervision").html()).contains("已督办 1 件");
        assertThat(jdbc.sql("select message || '|' || ((due_at at time zone 'Asia/Shanghai') - interval '1 second')::date"
                + " from supervision_notice"
                + " where case_id = ? and kind = 'SUPERVISE'").param(id).query(String.class).list())
                .as("answer by the end of the day chosen").containsExactly("请于本周内约谈双方并书面反馈|" + due);

        SessionClient.Page bad = supervisor.post("/supervision/supervise", Map.of("caseId", List.of(Long.toString(id)),
                "mode", List.of("SUPERVISE"), "message", List.of("再次督办"), "dueOn", List.of("next friday"),
                "back", List.of("/supervision")));
        assertThat(bad.location()).endsWith("/supervision");
        assertThat(supervisor.get("/supervision").html()).contains("反馈期限应为日期").doesNotContain("next friday");
        assertThat(jdbc.sql("select count(*) from supervision_notice where case_id = ?").param(id)
                .query(Integer.class).single()).as("nothing written for a bad date").isEqualTo(1);
    }

    @Test
    void aCaseDueWithinTwoWorkingDaysIsOnTheBoardUnderItsHandlingUnit() {
        long soon = register();
        SessionClient.Page board = SessionClient.signedInAs(port, "fq.supervisor").get("/supervision");
        String html = board.html();
        int unit = html.indexOf("data-unit=\"" + labourOffice() + "\"");
        assertThat(unit).isPositive();
        assertThat(html.indexOf("data-case=\"" + soon + "\"", unit)).isPositive();
        assertThat(html).contains("action=\"/cases/" + soon + "/actions/SUPERVISE\"");
    }

    @Test
    void dispatchersSeeTheBoardButOnlySupervisorsActAndOthersAreTurnedAway() {
        long id = register();
        SessionClient dispatcher = SessionClient.signedInAs(port, "fq.dispatcher");
        SessionClient.Page board = dispatcher.get("/supervision");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.html()).contains("data-case=\"" + id + "\"").doesNotContain("/actions/SUPERVISE");
        assertThat(dispatcher.post("/supervision/supervise", Map.of("caseId", List.of(Long.toString(id)))).status())
                .isEqualTo(403);
        assertThat(SessionClient.signedInAs(port, "fq.intake").get("/supervision").status()).isEqualTo(403);
        assertThat(SessionClient.signedInAs(port, "fq.labour").get("/supervision").status()).isEqualTo(403);
        assertThat(api.get("fq.intake", "/api/cases/" + id).get("supervised").asBoolean()).isFalse();
    }

    @Test
    void unitsBelowTheMinimumSampleAreListedApartFromTheRanking() {
        long id = register();
        assertThat(api.post("fq.labour", "/api/cases/" + id + "/accept", null).status()).isEqualTo(200);
        clock.advance(Duration.ofHours(2));
        assertThat(api.post("fq.labour", "/api/cases/" + id + "/close",
                Map.of("outcome", "ANSWERED", "summary", "已答复", "reply", "您好，已办理，特此答复。")).status()).isEqualTo(200);
        SessionClient supervisor = SessionClient.signedInAs(port, "fq.supervisor");
        String period = "from=2027-10-25&to=2027-10-29";

        String ranked = supervisor.get("/supervision?" + period + "&minSample=1").html();
        assertThat(section(ranked, "id=\"ranking\"", "</table>")).contains("data-unit=\"" + labourOffice() + "\"");
        assertThat(section(ranked, "id=\"too-few\"", "</ul>")).doesNotContain("data-unit=\"" + labourOffice() + "\"");

        String tooFew = supervisor.get("/supervision?" + period).html();
        assertThat(section(tooFew, "id=\"ranking\"", "</table>")).doesNotContain("data-unit=\"" + labourOffice() + "\"");
        assertThat(section(tooFew, "id=\"too-few\"", "</ul>")).contains("data-unit=\"" + labourOffice() + "\"");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private long register() {
        Cases c = aCase().kind("CONSULTATION").inVillage(LESHAN).with("assignTo", labourOffice());
        Api.Response r = api.post("fq.intake", "/api/cases", c.body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.get("id").asLong();
    }

    private long labourOffice() {
        return jdbc.sql("select id from unit where code = 'FQ-LDBZ'").query(Long.class).single();
    }

    private static String section(String html, String start, String end) {
        int from = html.indexOf(start);
        assertThat(from).as(start).isPositive();
        return html.substring(from, html.indexOf(end, from));
    }
}
