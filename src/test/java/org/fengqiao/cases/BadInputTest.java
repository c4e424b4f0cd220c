package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.LESHAN;
import static org.fengqiao.support.Cases.aCase;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;

/**
 * Every malformed, missing, oversized or unknown input is refused with a 4xx and a message a person can act
 * on, and nothing is written.
 */
@IntegrationTest
class BadInputTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    long casesBefore;
    long partiesBefore;

    @BeforeEach
    void count() {
        api = new Api(port);
        api.token("fq.intake");
        casesBefore = countCases();
        partiesBefore = jdbc.sql("select count(*) from case_party").query(Long.class).single();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(countCases()).isEqualTo(casesBefore);
        assertThat(jdbc.sql("select count(*) from case_party").query(Long.class).single()).isEqualTo(partiesBefore);
    }

    long countCases() {
        return jdbc.sql("select count(*) from cases").query(Long.class).single();
    }

    Api.Response postRaw(String body) {
        return api.postRaw("fq.intake", "/api/cases", body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    @Test
    void malformedJsonIsRefused() {
        Api.Response r = postRaw("{\"channel\": \"WALK_IN\", \"title\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.detail()).contains("JSON");
    }

    @Test
    void missingFieldsAreNamed() {
        Api.Response r = api.post("fq.intake", "/api/cases", Map.of("description", "只有描述"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.get("errors").toString()).contains("title").contains("channel").contains("kind");
    }

    @Test
    void wrongTypesAreRefused() {
        Api.Response r = api.post("fq.intake", "/api/cases", aCase().with("peopleInvolved", "很多").body());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.detail()).contains("peopleInvolved");
        Api.Response number = api.post("fq.intake", "/api/cases", aCase().with("title", 12345).body());
        assertThat(number.status()).isEqualTo(400);
    }

    @Test
    void unknownEnumValuesAndFieldsAreRefused() {
        assertThat(api.post("fq.intake", "/api/cases", aCase().channel("TELEPATHY").body()).status()).isEqualTo(400);
        Api.Response r = api.post("fq.intake", "/api/cases", aCase().with("colour", "red").body());
        assertThat(r.status()).isEqualTo(400);
        // the unknown name is not repeated (it is whatever was sent); the fields the operation takes are listed
        assertThat(r.detail()).doesNotContain("colour").contains("title").contains("channel");
    }

    @Test
    void unknownCodesAreRefusedWithTheField() {
        assertField(api.post("fq.intake", "/api/cases", aCase().with("categoryCode", "9999999").body()), "categoryCode");
        assertField(api.post("fq.intake", "/api/cases", aCase().inVillage("330681109999").body()), "regionCode");
        assertField(api.post("fq.intake", "/api/cases", aCase().dispute("FEUD").body()), "disputeType");
        assertField(api.post("fq.intake", "/api/cases", aCase().with("assignTo", 999999).body()), "assignTo");
        assertThat(api.post("fq.intake", "/api/cases", aCase().inVillage("33068110929").body()).status()).isEqualTo(400);
    }

    @Test
    void aDisputeTypeOnANonDisputeIsRefused() {
        assertField(api.post("fq.intake", "/api/cases", aCase().kind("CONSULTATION").with("disputeType", "NEIGHBOUR")
                .body()), "disputeType");
    }

    @Test
    void aMegabyteDescriptionIsRefusedBeforeItIsRead() {
        Api.Response r = api.post("fq.intake", "/api/cases", aCase().describedAs("很长".repeat(500_000)).body());
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.detail()).contains("KB");
    }

    @Test
    void aDescriptionOverTheLimitIsRefusedWithTheField() {
        assertField(api.post("fq.intake", "/api/cases", aCase().describedAs("长".repeat(10_001)).body()), "description");
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] body = ("{\"channel\":\"WALK_IN\",\"kind\":\"HELP\",\"title\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};
        byte[] tail = "\",\"description\":\"x\",\"regionCode\":\"330681109290\"}".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[body.length + bad.length + tail.length];
        System.arraycopy(body, 0, all, 0, body.length);
        System.arraycopy(bad, 0, all, body.length, bad.length);
        System.arraycopy(tail, 0, all, body.length + bad.length, tail.length);
        assertThat(api.postRaw("fq.intake", "/api/cases", all, "application/json").status()).isEqualTo(400);
    }

    @Test
    void unpairedSurrogatesAndControlCharactersAreRefused() {
        String lone = "{\"channel\":\"WALK_IN\",\"kind\":\"HELP\",\"title\":\"坏\\ud800字\",\"description\":\"x\","
                + "\"regionCode\":\"330681109290\"}";
        Api.Response r = postRaw(lone);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.detail()).contains("title").doesNotContain("坏");
        String nul = lone.replace("\\ud800", "\\u0000");
        assertThat(postRaw(nul).status()).isEqualTo(400);
    }

    @Test
    void aResidentIdWithAWrongCheckDigitIsRefused() {
        Api.Response r = api.post("fq.intake", "/api/cases", aCase().party("APPLICANT", "张三", null, "110105194912310021")
                .body());
        assertField(r, "parties[0].idNumber");
        assertThat(r.detail()).contains("校验位");
    }

    @Test
    void aMalformedPhoneIsRefused() {
        assertThat(api.post("fq.intake", "/api/cases", aCase().party("APPLICANT", "张三", "call me maybe", null).body())
                .status()).isEqualTo(400);
    }

    @Test
    void aPointOutsideTheGivenVillageIsRefused() {
        // a point in the first grid of 枫源村 (the demo draws it at 120.46–120.48 E, 29.690–29.707 N)
        Api.Response r = api.post("fq.intake", "/api/cases", aCase().inVillage(LESHAN).at(29.70, 120.465).body());
        assertField(r, "regionCode");
    }

    @Test
    void oneCoordinateAloneIsRefused() {
        assertField(api.post("fq.intake", "/api/cases", aCase().inVillage(FENGYUAN).with("latitude", 29.7).body()),
                "latitude");
    }

    @Test
    void requestsWithoutAValidTokenAre401() {
        assertThat(api.send("GET", "/api/cases", null, null, null).status()).isEqualTo(401);
        Api.Response r = api.send("GET", "/api/cases", "fq_not-a-real-token", null, null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.detail()).contains("令牌");
    }

    @Test
    void badCredentialsAre401AndEnglishOnRequest() {
        Api.Response r = api.send("POST", "/api/auth/token", null,
                "{\"username\":\"fq.intake\",\"password\":\"wrong-password\"}", "application/json");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.detail()).isEqualTo("用户名或密码不正确。");
    }

    @Test
    void badListParametersAre400() {
        assertThat(api.get("fq.intake", "/api/cases?status=FLYING").status()).isEqualTo(400);
        assertThat(api.get("fq.intake", "/api/cases?size=100000").status()).isEqualTo(400);
        assertThat(api.get("fq.intake", "/api/cases?from=yesterday").status()).isEqualTo(400);
        assertThat(api.get("fq.intake", "/api/cases?region=33").status()).isEqualTo(400);
    }

    private static void assertField(Api.Response r, String field) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.get("errors").toString()).as(r.text()).contains(field);
    }
}
