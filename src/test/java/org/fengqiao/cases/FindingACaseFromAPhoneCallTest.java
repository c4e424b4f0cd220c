package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.aCase;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.SessionClient;

/**
 * A caller on the phone gives the tracking code without hyphens, or their own phone or ID number: the list's
 * search and the top bar's quick find reach the case. Numbers are compared by their keyed hashes, only by staff who
 * may reveal a party, and every such search is audited without the number.
 */
@IntegrationTest
class FindingACaseFromAPhoneCallTest {

    static final String PHONE = "13912345678";
    static final String ID_NUMBER = "330681199001011237";

    static Api api;
    static long id;
    static String code;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void aCaseWhoseApplicantCalls(@LocalServerPort int port) {
        api = new Api(port);
        Api.Response r = api.post("fq.intake", "/api/cases", aCase().titled("来电查询测试事项")
                .party("APPLICANT", "钱九", PHONE, ID_NUMBER).body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        id = r.get("id").asLong();
        code = r.get("trackingCode").asString();
    }

    static long found(String user, String q) {
        return api.get(user, "/api/cases?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).get("total").asLong();
    }

    @Test
    void theTrackingCodeTypedWithoutHyphensFindsTheCase() {
        assertThat(found("fq.intake", code.replace("-", ""))).isEqualTo(1);
        assertThat(found("fq.intake", code.replace("-", "").substring(6, 20))).isEqualTo(1);
    }

    @Test
    void aPartysPhoneOrIdNumberFindsTheCaseAndTheSearchIsAudited() {
        long before = searches();
        assertThat(found("fq.intake", PHONE)).isEqualTo(1);
        assertThat(found("fq.intake", "139 1234 5678")).isEqualTo(1);
        assertThat(found("fq.intake", ID_NUMBER)).isEqualTo(1);
        assertThat(found("fq.intake", "13912345679")).isZero();
        assertThat(searches()).as("each search by a number is audited").isEqualTo(before + 4);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'SEARCH_PARTY' and detail::text like ?")
                .param("%" + PHONE + "%").query(Long.class).single()).as("never the number itself").isZero();
    }

    @Test
    void whoMayNotRevealAPartyCannotSearchByTheirNumber() {
        assertThat(found("admin", PHONE)).isZero();
    }

    @Test
    void theTopBarsQuickFindOpensTheCaseOfACode() {
        SessionClient intake = SessionClient.signedInAs(port, "fq.intake");
        SessionClient.Page page = intake.get("/cases/find?q=" + code.replace("-", "").toLowerCase());
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/cases/" + id);
        SessionClient.Page other = intake.get("/cases/find?q=" + PHONE);
        assertThat(other.location()).contains("/cases?q=" + PHONE);
        assertThat(intake.get("/workbench").html()).contains("id=\"find-code\"");
    }

    long searches() {
        return jdbc.sql("select count(*) from audit_log where action = 'SEARCH_PARTY'").query(Long.class).single();
    }
}
