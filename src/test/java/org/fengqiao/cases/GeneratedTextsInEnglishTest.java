package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.aCase;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import org.fengqiao.deadlines.DeadlinePolicy;
import org.fengqiao.deadlines.DeadlineStep;
import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;

/**
 * Issue 15, item 14: the sentences the platform generates (routing reasons, risk reasons, deadline bases) read in
 * English for an English reader — from the bundles, with no Chinese left but the names that are data — and
 * "1 working day" is singular.
 */
@IntegrationTest
class GeneratedTextsInEnglishTest {

    private static final String HAN = "\\p{IsHan}";

    @LocalServerPort
    int port;

    @Autowired
    StoredSentences sentences;

    @Autowired
    MessageSource messages;

    private String chinese(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aRoutingReasonARiskReasonAndAOneWorkingDayBasisReadInEnglishWithoutHanCharacters() {
        String routing = sentences.in(chinese("routing.reason.byDispatcher", "fq.intake", "Fengqiao Centre"),
                Locale.ENGLISH);
        assertThat(routing).isEqualTo("Assigned to Fengqiao Centre by fq.intake").doesNotContainPattern(HAN);

        String risk = sentences.in("GROUP：" + chinese("risk.reason.groupLarge", 60), Locale.ENGLISH);
        assertThat(risk).contains("60 people involved: a large group matter").doesNotContainPattern(HAN);

        DeadlinePolicy oneDay = new DeadlinePolicy(0, "ACCEPT_DEFAULT", DeadlineStep.ACCEPT, null, null, null, null, 1,
                DeadlinePolicy.DurationUnit.WORKING_DAYS, null, "交办后1个工作日内签收", true);
        assertThat(sentences.policyIn(oneDay, Locale.ENGLISH)).isEqualTo("Accept within 1 working day of assignment")
                .doesNotContainPattern(HAN);
        assertThat(sentences.policyIn(oneDay, Locale.SIMPLIFIED_CHINESE)).as("Chinese readers read the policy's text")
                .isEqualTo("交办后1个工作日内签收");
    }

    @Test
    void theApiGivesACasesDeadlineBasisInTheReadersLanguage() throws Exception {
        Api api = new Api(port);
        long labourOffice = 0;
        for (var u : api.get("fq.intake", "/api/units").json()) {
            if (u.get("code").asString().equals("FQ-LDBZ")) {
                labourOffice = u.get("id").asLong();
            }
        }
        // a consultation's handling policy (3 working days) cites no article: the whole basis is the bundle's
        Api.Response created = api.post("fq.intake", "/api/cases", aCase().kind("CONSULTATION")
                .with("assignTo", labourOffice).body());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.get("id").asLong();
        String english = read(api, id, "en").get("deadlines").get("handlePolicyDescription").asString();
        assertThat(english).startsWith("Conclude within ").contains("working days").doesNotContainPattern(HAN);
        String chinese = read(api, id, "zh-CN").get("deadlines").get("handlePolicyDescription")
                .asString();
        assertThat(chinese).containsPattern(HAN);
    }

    private tools.jackson.databind.JsonNode read(Api api, long id, String language) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases/" + id))
                .header("Authorization", "Bearer " + api.token("fq.intake")).header("Accept-Language", language)
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.JSON.readTree(response.body());
    }
}
