package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.aCase;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;

/**
 * The list's word search: Chinese words through the term index, other words as substrings.
 */
@IntegrationTest
class CaseSearchTest {

    static Api api;
    static long id;

    @BeforeAll
    static void aCaseWithUnusualWords(@LocalServerPort int port) {
        api = new Api(port);
        id = api.post("fq.intake", "/api/cases", aCase().titled("鹁鸪岭水渠淤塞").describedAs("上游鸬鹚滩一带渠道被XZ-77号工地弃土堵住")
                .body()).get("id").asLong();
    }

    static long found(String q) {
        return api.get("fq.intake", "/api/cases?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).get("total").asLong();
    }

    @Test
    void chineseWordsAreFoundInTitleAndDescription() {
        assertThat(found("鹁鸪岭")).isEqualTo(1);
        assertThat(found("鸬鹚滩")).isEqualTo(1);
        assertThat(found("鹁鸪岭 鸬鹚滩")).isEqualTo(1);
    }

    @Test
    void aSearchFindsTheCasesOfTheSearchersOwnVillageTownshipOrCountyOnly() {
        assertThat(foundBy("fengyuan.grid", "鹁鸪岭")).as("the case's village").isEqualTo(1);
        assertThat(foundBy("leshan.grid", "鹁鸪岭")).as("another village").isZero();
        assertThat(found("鹁鸪岭")).as("the township").isEqualTo(1);
        assertThat(foundBy("county.leader", "鹁鸪岭")).as("the county").isEqualTo(1);
    }

    @Test
    void theRegionTermsBesideTheWordsAreNothingAPersonCanSearchFor() {
        assertThat(found("@330681")).isZero();
        assertThat(found("@330681109290")).isZero();
    }

    static long foundBy(String user, String q) {
        return api.get(user, "/api/cases?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).get("total").asLong();
    }

    @Test
    void wordsMustMatchInOrder() {
        assertThat(found("岭鸪鹁")).isZero();
    }

    @Test
    void lettersDigitsAndSingleCharactersMatchAsSubstrings() {
        assertThat(found("XZ-77")).isEqualTo(1);
        assertThat(found("xz-7")).isEqualTo(1);
        assertThat(found("鹁鸪岭 XZ-78")).isZero();
    }

    @Test
    void wildcardsInTheQueryAreJustCharacters() {
        assertThat(found("%")).isZero();
        assertThat(found("_")).isZero();
    }
}
