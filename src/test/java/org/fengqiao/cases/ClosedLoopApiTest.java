package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.aCase;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.TestClock;

/**
 * One case all the way round the closed loop over HTTP, as the people who handle it would take it.
 */
@IntegrationTest
class ClosedLoopApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clock.reset();
    }

    @Test
    void aNeighbourDisputeGoesRoundTheWholeLoop() {
        Api.Response registered = api.post("fq.intake", "/api/cases", aCase().dispute("NEIGHBOUR").inVillage(FENGYUAN)
                .titled("两户因排水沟堵塞发生争执").party("APPLICANT", "张三", "13812341234", null)
                .party("RESPONDENT", "李四", null, null).body());
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        long id = registered.get("id").asLong();
        assertThat(registered.raw().headers().firstValue("Location")).contains("/api/cases/" + id);
        assertThat(registered.get("trackingCode").asString()).matches("330681-20261120-\\d{6,}-[0-9X]");
        assertThat(registered.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(registered.get("handlingUnit").get("name").asString()).isEqualTo("枫源村人民调解委员会");
        assertThat(registered.get("routing").get("ruleCode").asString()).isEqualTo("NEIGHBOUR-V");
        assertThat(registered.get("deadlines").get("handlePolicy").asString()).isEqualTo("HANDLE_DISPUTE");
        assertThat(registered.get("parties").get(0).get("name").asString()).isEqualTo("张*");
        assertThat(registered.get("parties").get(0).get("phone").asString()).isEqualTo("138****1234");

        clock.advance(Duration.ofHours(2));
        assertThat(api.post("fengyuan.mediator", "/api/cases/" + id + "/accept", Map.of("note", "已签收")).status())
                .isEqualTo(200);
        clock.advance(Duration.ofDays(1));
        Api.Response session = api.post("fengyuan.mediator", "/api/cases/" + id + "/mediation-sessions", Map.of(
                "heldAt", clock.instant().minusSeconds(3600).toString(), "place", "枫源村调解室",
                "mediators", "枫源村调解员", "result", "AGREED", "notes", "双方同意疏通排水沟"));
        assertThat(session.status()).as(session.text()).isEqualTo(200);
        Api.Response closed = api.post("fengyuan.mediator", "/api/cases/" + id + "/close",
                Map.of("outcome", "RESOLVED", "summary", "经调解双方达成一致，排水沟已疏通", "reply", "您好，已办理，特此答复。"));
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("resolved").asBoolean()).isTrue();
        assertThat(closed.get("closedOnTime").asBoolean()).isTrue();
        assertThat(closed.get("revisitDueAt").isNull()).isFalse();

        clock.advance(Duration.ofDays(1));
        Api.Response evaluated = api.post("fq.intake", "/api/cases/" + id + "/evaluation",
                Map.of("rating", "SATISFIED", "comment", "很满意", "source", "PHONE"));
        assertThat(evaluated.get("rating").asString()).isEqualTo("SATISFIED");
        Api.Response revisited = api.post("fq.intake", "/api/cases/" + id + "/revisits",
                Map.of("method", "PHONE", "result", "STILL_RESOLVED"));
        assertThat(revisited.get("status").asString()).isEqualTo("CLOSED");
        Api.Response archived = api.post("fq.intake", "/api/cases/" + id + "/archive", null);
        assertThat(archived.get("status").asString()).isEqualTo("ARCHIVED");

        List<String> steps = events(id).stream().map(e -> e.get("type").asString()).toList();
        assertThat(steps).containsExactly("CaseRegistered", "CaseAssigned", "CaseAccepted", "MediationSessionRecorded",
                "CaseClosed", "CaseEvaluated", "CaseRevisited", "CaseArchived");
        JsonNode accepted = events(id).get(2);
        assertThat(accepted.get("from").asString()).isEqualTo("ASSIGNED");
        assertThat(accepted.get("to").asString()).isEqualTo("IN_PROGRESS");
        assertThat(accepted.get("actorName").asString()).isEqualTo("枫源村调解员");
        assertThat(accepted.get("actorUnitName").asString()).isEqualTo("枫源村人民调解委员会");
        assertThat(accepted.get("reason").asString()).isEqualTo("已签收");
    }

    @Test
    void aReturnedCaseIsCountedAndDispatchedAgain() {
        long id = register(aCase().kind("COMPLAINT").body());
        assertThat(api.get("fq.intake", "/api/cases/" + id).get("status").asString()).isEqualTo("REGISTERED");
        long police = unitId("FQ-PCS");
        assertThat(api.post("fq.dispatcher", "/api/cases/" + id + "/assign", Map.of("unitId", police)).status())
                .isEqualTo(200);
        Api.Response returned = api.post("fq.police", "/api/cases/" + id + "/return",
                Map.of("reason", "不属于公安职责，属城建问题"));
        assertThat(returned.status()).as(returned.text()).isEqualTo(200);
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("returnCount").asInt()).isEqualTo(1);
        Api.Response again = api.post("fq.dispatcher", "/api/cases/" + id + "/assign", Map.of("unitId", unitId("FQ-CJB")));
        assertThat(again.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(again.get("handlingUnit").get("name").asString()).isEqualTo("枫桥镇村镇建设办公室");
        assertThat(again.get("routing").get("ruleCode").asString()).isEqualTo("MANUAL");
    }

    @Test
    void escalationTakesAVillageCaseToTheTownship() {
        long id = register("fengyuan.grid", aCase().kind("COMPLAINT").body());
        Api.Response c = api.get("fengyuan.grid", "/api/cases/" + id);
        assertThat(c.get("ownerUnit").get("name").asString()).isEqualTo("枫源村综治中心");
        Api.Response escalated = api.post("fengyuan.grid", "/api/cases/" + id + "/escalate", Map.of("reason", "村级无法处理"));
        assertThat(escalated.status()).as(escalated.text()).isEqualTo(200);
        assertThat(escalated.get("ownerUnit").get("name").asString()).isEqualTo("枫桥镇社会治理中心");
        assertThat(escalated.get("status").asString()).isEqualTo("REGISTERED");
        assertThat(api.post("fq.dispatcher", "/api/cases/" + id + "/assign", Map.of("unitId", unitId("FQ-SFS"))).status())
                .isEqualTo(200);
    }

    @Test
    void transferExtensionAndSupervisionWorkTogether() {
        long id = register(aCase().dispute("CONTRACT_DEBT").body());
        Api.Response c = api.get("fq.intake", "/api/cases/" + id);
        assertThat(c.get("handlingUnit").get("name").asString()).isEqualTo("枫桥司法所");
        api.post("fq.justice", "/api/cases/" + id + "/accept", null);
        Api.Response transferred = api.post("fq.justice", "/api/cases/" + id + "/transfer",
                Map.of("unitId", unitId("FQ-PCS"), "reason", "涉及治安问题"));
        assertThat(transferred.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(api.post("fq.police", "/api/cases/" + id + "/accept", null).status()).isEqualTo(200);
        String until = org.fengqiao.deadlines.Deadlines.lastDayOf(java.time.Instant.parse(
                api.get("fq.police", "/api/cases/" + id).get("deadlines").get("handleDueAt").asString())).plusDays(5).toString();
        Api.Response requested = api.post("fq.police", "/api/cases/" + id + "/extension-requests",
                Map.of("until", until, "reason", "需等待伤情鉴定"));
        assertThat(requested.status()).as(requested.text()).isEqualTo(200);
        assertThat(requested.get("deadlines").get("pendingExtensionId").isNull()).isFalse();
        Api.Response approved = api.post("fq.supervisor", "/api/cases/" + id + "/extension-decision",
                Map.of("approve", true, "reason", "同意"));
        assertThat(approved.get("deadlines").get("handleDueAt").asString()).startsWith(until.substring(0, 8));
        Api.Response supervised = api.post("fq.supervisor", "/api/cases/" + id + "/supervision-notices",
                Map.of("message", "请加快办理"));
        assertThat(supervised.get("supervised").asBoolean()).isTrue();
        Api.Response second = api.post("fq.police", "/api/cases/" + id + "/extension-requests",
                Map.of("until", until, "reason", "再延一次"));
        assertThat(second.status()).isEqualTo(409);
    }

    @Test
    void aProgressNoteFromTheSupervisedUnitAnswersTheSupervisionNotice() {
        long id = register(aCase().dispute("CONTRACT_DEBT").body());
        api.post("fq.justice", "/api/cases/" + id + "/accept", null);
        api.post("fq.supervisor", "/api/cases/" + id + "/supervision-notices", Map.of("message", "请于三日内反馈"));
        assertThat(api.get("fq.justice", "/api/cases/trays").get("SUPERVISED").asLong()).isPositive();
        long before = api.get("fq.justice", "/api/cases?tray=SUPERVISED&size=500").get("total").asLong();
        api.post("fq.justice", "/api/cases/" + id + "/notes", Map.of("note", "已约双方下周调解"));
        assertThat(api.get("fq.justice", "/api/cases?tray=SUPERVISED&size=500").get("total").asLong()).isEqualTo(before - 1);
    }

    @Test
    void aDissatisfiedCitizenGetsAReviewThatCanReopenTheCase() {
        long id = register(aCase().dispute("CONTRACT_DEBT").body());
        api.post("fq.justice", "/api/cases/" + id + "/accept", null);
        api.post("fq.justice", "/api/cases/" + id + "/close", Map.of("outcome", "RESOLVED", "summary", "已调解", "reply", "您好，已办理，特此答复。"));
        Api.Response review = api.post("fq.intake", "/api/cases/" + id + "/evaluation",
                Map.of("rating", "DISSATISFIED", "comment", "钱还没还"));
        assertThat(review.get("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(review.get("risk").get("level").asString()).isIn("MEDIUM", "HIGH", "SEVERE");
        assertThat(review.get("risk").get("reasons").toString()).contains("群众评价不满意");
        assertThat(events(id).stream().map(e -> e.get("type").asString())).containsSubsequence("CaseEvaluated",
                "RiskReassessed");
        Api.Response reopened = api.post("fq.supervisor", "/api/cases/" + id + "/review",
                Map.of("reopen", true, "reason", "协议未履行，重新办理"));
        assertThat(reopened.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(reopened.get("reopenCount").asInt()).isEqualTo(1);
        assertThat(reopened.get("handlingUnit").get("name").asString()).isEqualTo("枫桥司法所");
    }

    @Test
    void aDuplicateIsMergedIntoItsMasterAndNotLost() {
        long master = register(aCase().kind("COMPLAINT").titled("村道路面坑洼").body());
        long duplicate = register(aCase().kind("COMPLAINT").titled("村道路面坑洼积水").body());
        Api.Response merged = api.post("fq.dispatcher", "/api/cases/" + duplicate + "/merge",
                Map.of("masterCaseId", master, "reason", "同一事项"));
        assertThat(merged.status()).as(merged.text()).isEqualTo(200);
        assertThat(merged.get("status").asString()).isEqualTo("MERGED");
        assertThat(merged.get("mergedInto").asLong()).isEqualTo(master);
        assertThat(events(master).stream().map(e -> e.get("type").asString())).contains("DuplicateMerged");
    }

    @Test
    void anActionTheStatusDoesNotAllowIsA409NamingStatusAndAllowedActions() {
        long id = register(aCase().dispute("CONTRACT_DEBT").body());
        api.post("fq.justice", "/api/cases/" + id + "/accept", null);
        Api.Response again = api.post("fq.justice", "/api/cases/" + id + "/accept", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(again.get("currentStatus").asString()).isEqualTo("IN_PROGRESS");
        assertThat(again.get("allowedActions").toString()).contains("CLOSE", "REQUEST_EXTENSION");
        assertThat(again.detail()).contains("办理中").contains("签收");
    }

    @Test
    void someoneWhoSeesTheCaseButIsNotTheHandlingUnitGetsA403() {
        long id = register(aCase().dispute("CONTRACT_DEBT").body());
        Api.Response r = api.post("fq.intake", "/api/cases/" + id + "/accept", null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(api.get("fq.intake", "/api/cases/" + id).get("status").asString()).isEqualTo("ASSIGNED");
    }

    @Test
    void revealingAPartyIsAuditedAndShowsTheFullData() {
        long id = register(aCase().dispute("NEIGHBOUR").party("APPLICANT", "王五", "13900001111",
                "11010519491231002X").body());
        long partyId = api.get("fq.intake", "/api/cases/" + id).get("parties").get(0).get("id").asLong();
        Api.Response revealed = api.post("fq.intake", "/api/cases/" + id + "/parties/" + partyId + "/reveal",
                Map.of("purpose", "电话联系当事人"));
        assertThat(revealed.get("name").asString()).isEqualTo("王五");
        assertThat(revealed.get("idNumber").asString()).isEqualTo("11010519491231002X");
        Api.Response audit = api.get("admin", "/api/audit?caseId=" + id);
        assertThat(audit.json()).singleElement().satisfies(e -> {
            assertThat(e.get("action").asString()).isEqualTo("REVEAL_PARTY");
            assertThat(e.get("username").asString()).isEqualTo("fq.intake");
        });
    }

    @Test
    void theRoutingSuggestionExplainsItself() {
        long id = register(aCase().dispute("LABOUR_WAGES").manualDispatch().body());
        Api.Response s = api.get("fq.dispatcher", "/api/cases/" + id + "/routing-suggestion");
        assertThat(s.get("ruleCode").asString()).isEqualTo("WAGES-T");
        assertThat(s.get("unitName").asString()).isEqualTo("枫桥镇劳动保障所");
        assertThat(s.get("explanation").asString()).contains("WAGES-T").contains("枫桥镇劳动保障所");
    }

    private List<JsonNode> events(long id) {
        Api.Response r = api.get("fq.intake", "/api/cases/" + id + "/timeline");
        return java.util.stream.StreamSupport.stream(r.json().spliterator(), false).toList();
    }

    private long register(Map<String, Object> body) {
        return register("fq.intake", body);
    }

    private long register(String user, Map<String, Object> body) {
        Api.Response r = api.post(user, "/api/cases", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.get("id").asLong();
    }

    private long unitId(String code) {
        for (JsonNode u : api.get("fq.intake", "/api/units").json()) {
            if (u.get("code").asString().equals(code)) {
                return u.get("id").asLong();
            }
        }
        throw new IllegalArgumentException(code);
    }
}
