package org.fengqiao.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.LESHAN;
import static org.fengqiao.support.Cases.aCase;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import org.fengqiao.cases.DeadlineSweep;
import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;

/**
 * 研判会商: the township's weekly agenda generated from known cases section by section, a meeting record whose
 * decisions run as lifecycle actions noted on the cases' timelines as decided by the meeting, follow-ups carried
 * onto the next agenda until done, the minutes and ledger as files, and bad records refused with nothing written.
 */
@IntegrationTest
class ReviewMeetingsTest extends ReviewFixture {

    @Autowired
    DeadlineSweep sweep;

    static List<Long> ids(JsonNode agenda, String section) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : agenda.get(section).get("items")) {
            assertThat(item.get("trackingCode").asString()).isNotBlank();
            ids.add(item.get("caseId").asLong());
        }
        return ids;
    }

    long unit(String code) {
        return units.findByCode(code).orElseThrow().id();
    }

    @Test
    void theWeeklyAgendaPutsEachKnownCaseInItsSection() {
        // a wage dispute assigned to the labour office in January, overdue by March
        clock.set(LocalDateTime.of(2028, 1, 10, 10, 0));
        long overdue = register("fq.intake", aCase().dispute("LABOUR_WAGES").inVillage(LESHAN)
                .titled("工地拖欠三名工人工资").body());
        clock.set(LocalDateTime.of(2028, 3, 1, 10, 0)); // a Wednesday: the next consultation is Monday 6 March
        sweep.run();
        Api.forgetTokens();
        long plain = register("fq.intake", aCase().dispute("NEIGHBOUR").inVillage(FENGYUAN).manualDispatch().body());
        long group = register("fq.intake", aCase().dispute("LAND_FOREST_WATER").inVillage(FENGYUAN).manualDispatch()
                .with("peopleInvolved", 12).titled("十二户村民灌溉用水纠纷").body());
        long threat = register("fq.intake", aCase().dispute("NEIGHBOUR").inVillage(FENGYUAN).manualDispatch()
                .describedAs("被申请人扬言报复，双方矛盾激化。").body());
        long first = register("fq.intake", aCase().dispute("NEIGHBOUR").inVillage(LESHAN).manualDispatch()
                .with("address", "乐山村后塘12号").body());
        long again = register("fq.intake", aCase().dispute("NEIGHBOUR").inVillage(LESHAN).manualDispatch()
                .with("address", "乐山村后塘12号").body());
        long unhappy = register("fq.intake", aCase().inVillage(FENGYUAN).manualDispatch().body());
        assertThat(api.post("fq.dispatcher", "/api/cases/" + unhappy + "/close",
                Map.of("outcome", "ANSWERED", "summary", "已当场答复", "reply", "您反映的问题已答复。")).status()).isEqualTo(200);
        assertThat(api.post("fq.intake", "/api/cases/" + unhappy + "/evaluation",
                Map.of("rating", "DISSATISFIED", "source", "PHONE")).status()).isEqualTo(200);
        long fromVillage = register("fengyuan.grid", aCase().dispute("CONTRACT_DEBT").inVillage(FENGYUAN)
                .manualDispatch().body());
        assertThat(api.post("fengyuan.grid", "/api/cases/" + fromVillage + "/escalate",
                Map.of("reason", "涉及金额较大，村里调解不了")).status()).isEqualTo(200);

        Api.Response r = api.get("fq.dispatcher", "/api/reviews/agenda");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode agenda = r.json();
        assertThat(agenda.get("meetingDate").asString()).isEqualTo("2028-03-06");
        assertThat(agenda.get("frequency").asString()).isEqualTo("WEEKLY");
        assertThat(ids(agenda, "newMatters")).contains(plain, group, threat, first, again, unhappy, fromVillage)
                .doesNotContain(overdue);
        assertThat(ids(agenda, "overdue")).contains(overdue).doesNotContain(plain);
        assertThat(ids(agenda, "highRisk")).contains(threat).doesNotContain(plain);
        assertThat(ids(agenda, "repeated")).contains(first, again).doesNotContain(plain);
        assertThat(ids(agenda, "groupMatters")).contains(group).doesNotContain(plain);
        assertThat(ids(agenda, "dissatisfied")).contains(unhappy).doesNotContain(plain);
        assertThat(ids(agenda, "escalated")).contains(fromVillage).doesNotContain(plain);
        assertThat(agenda.get("trends").get("measures").get(0).get("name").asString()).isEqualTo("intake");
        assertThat(agenda.get("trends").get("measures").get(0).get("current").get("numerator").asLong())
                .isGreaterThanOrEqualTo(7);
        assertThat(agenda.get("screening").get("villages").size()).isGreaterThan(20);
        assertThat(agenda.has("hotTopics")).isTrue();
        assertThat(agenda.get("followUps").isArray()).isTrue();

        // a village's desk sees its own village only; a county leader may ask for the township's agenda
        JsonNode village = api.get("fengyuan.grid", "/api/reviews/agenda").json();
        assertThat(village.get("frequency").asString()).isEqualTo("DAILY");
        assertThat(ids(village, "newMatters")).contains(plain).doesNotContain(first);
        assertThat(api.get("county.leader", "/api/reviews/agenda?centre=" + unit("FQ-ZZZX")).status()).isEqualTo(200);
        assertThat(api.get("leshan.grid", "/api/reviews/agenda?centre=" + unit("FQ-ZZZX")).status()).isEqualTo(400);

        Api.Response ledger = api.get("fq.dispatcher", "/api/reviews/agenda.xlsx");
        assertThat(ledger.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ledger.raw().body()))) {
            String all = book.getSheetAt(0).getRow(2).getCell(1).getStringCellValue();
            assertThat(all).isNotBlank();
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void decisionsRunAsLifecycleActionsNamedOnTheTimelineAndFollowUpsCarryOverUntilDone() throws Exception {
        clock.set(LocalDateTime.of(2028, 4, 10, 9, 30)); // a Monday: the consultation is today
        long toAssign = register("fq.intake", aCase().dispute("NEIGHBOUR").inVillage(FENGYUAN).manualDispatch()
                .titled("两户宅前通道纠纷").body());
        long toJoin = register("fq.intake", aCase().dispute("NEIGHBOUR").inVillage(LESHAN).body());
        assertThat(api.post("leshan.mediator", "/api/cases/" + toJoin + "/accept", null).status()).isEqualTo(200);
        String code = api.get("fq.intake", "/api/cases/" + toAssign).get("trackingCode").asString();
        Map<String, Object> meeting = new HashMap<>(Map.of("heldAt", "2028-04-10T01:30:00Z", "chair", "王镇长",
                "attendees", List.of("李书记", "张所长"), "invitedUnits", List.of(unit("FQ-SFS"), unit("FQ-PCS")),
                "summary", "本周会商重点：邻里通道纠纷和排查未报村。",
                "decisions", List.of(
                        Map.of("section", "newMatters", "caseId", toAssign, "action", "ASSIGN",
                                "unitId", unit("FQ-SFS"), "dueOn", "2028-04-20", "text", "交司法所十日内调处到位"),
                        Map.of("section", "newMatters", "caseId", toJoin, "action", "JOINT_MEDIATION",
                                "unitId", unit("FQ-PCS"), "text", "派出所参与联合调解"),
                        Map.of("section", "screening", "action", "FOLLOW_UP", "owner", "李书记",
                                "dueOn", "2028-04-14", "text", "督促未报村补报排查情况"))));
        Api.Response r = api.post("fq.dispatcher", "/api/reviews", meeting);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        long id = r.get("id").asLong();
        assertThat(r.get("decisions").get(0).get("trackingCode").asString()).isEqualTo(code);

        JsonNode assigned = api.get("fq.intake", "/api/cases/" + toAssign).json();
        assertThat(assigned.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(assigned.get("handlingUnit").get("id").asLong()).isEqualTo(unit("FQ-SFS"));
        JsonNode last = last(api.get("fq.intake", "/api/cases/" + toAssign + "/timeline").json(), "CaseAssigned");
        assertThat(last.get("reason").asString()).contains("每周会商会").contains("第 " + id + " 号")
                .contains("交司法所十日内调处到位");
        JsonNode joined = last(api.get("fq.intake", "/api/cases/" + toJoin + "/timeline").json(), "JointUnitAdded");
        assertThat(joined.get("reason").asString()).contains("第 " + id + " 号");

        // the follow-up and the assignment's due date are carried onto the next agenda while open
        clock.set(LocalDateTime.of(2028, 4, 12, 10, 0));
        Api.forgetTokens();
        JsonNode next = api.get("fq.dispatcher", "/api/reviews/agenda").json();
        assertThat(next.get("meetingDate").asString()).isEqualTo("2028-04-17");
        assertThat(next.get("lastMeetingId").asLong()).isEqualTo(id);
        List<String> tasks = new ArrayList<>();
        long followUp = 0;
        for (JsonNode f : next.get("followUps")) {
            tasks.add(f.get("task").asString());
            if (f.get("task").asString().equals("督促未报村补报排查情况")) {
                followUp = f.get("id").asLong();
            }
        }
        assertThat(tasks).contains("督促未报村补报排查情况", "交司法所十日内调处到位");
        assertThat(api.post("fq.dispatcher", "/api/reviews/follow-ups/" + followUp + "/done",
                Map.of("note", "已电话催报，两村已补报")).status()).isEqualTo(200);
        assertThat(api.get("fq.dispatcher", "/api/reviews/agenda").json().get("followUps").toString())
                .doesNotContain("督促未报村补报排查情况").contains("交司法所十日内调处到位");

        assertThat(api.get("fq.dispatcher", "/api/reviews").json().get("meetings").get(0).get("id").asLong())
                .isEqualTo(id);
        Api.Response minutes = api.get("fq.dispatcher", "/api/reviews/" + id + "/minutes.docx");
        assertThat(minutes.status()).isEqualTo(200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(minutes.raw().body()));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("枫桥镇社会治理中心每周会商纪要").contains("主持人：王镇长")
                    .contains("李书记、张所长").contains("枫桥司法所").contains(code).contains("交办")
                    .contains("交司法所十日内调处到位").contains("督促未报村补报排查情况").contains("已办结");
        }
        assertThat(api.get("leshan.grid", "/api/reviews/" + id).status()).isEqualTo(404);
    }

    @Test
    void aRecordWithADecisionOutsideTheCentreOrAFollowUpWithoutOwnerIsRefusedWithNothingWritten() {
        clock.set(LocalDateTime.of(2028, 5, 8, 10, 0));
        long county = register("county.dispatcher", aCase().inVillage("330681000000").manualDispatch().body());
        long mine = register("fq.intake", aCase().dispute("NEIGHBOUR").inVillage(FENGYUAN).manualDispatch().body());
        long meetings = jdbc.sql("select count(*) from review_meeting").query(Long.class).single();

        Api.Response outside = api.post("fq.dispatcher", "/api/reviews", Map.of("heldAt", "2028-05-08T01:00:00Z",
                "chair", "王镇长", "decisions", List.of(
                        Map.of("caseId", mine, "action", "ASSIGN", "unitId", unit("FQ-SFS"), "text", "交司法所"),
                        Map.of("caseId", county, "action", "ESCALATE", "text", "上报"))));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.get("errors").get(0).get("field").asString()).isEqualTo("decisions[1].caseId");
        assertThat(outside.detail()).contains("辖区");

        Api.Response noOwner = api.post("fq.dispatcher", "/api/reviews", Map.of("heldAt", "2028-05-08T01:00:00Z",
                "chair", "王镇长", "decisions", List.of(Map.of("action", "FOLLOW_UP", "dueOn", "2028-05-20",
                        "text", "落实排查"))));
        assertThat(noOwner.status()).isEqualTo(400);
        assertThat(noOwner.get("errors").get(0).get("field").asString()).isEqualTo("decisions[0].owner");

        // a lifecycle refusal half-way rolls back the meeting and the decisions before it
        Api.Response refused = api.post("fq.dispatcher", "/api/reviews", Map.of("heldAt", "2028-05-08T01:00:00Z",
                "chair", "王镇长", "decisions", List.of(
                        Map.of("caseId", mine, "action", "ASSIGN", "unitId", unit("FQ-SFS"), "text", "交司法所"),
                        Map.of("caseId", mine, "action", "LEADER_TAKES", "leader", "王镇长", "text", "镇长包案"))));
        assertThat(refused.status()).as("a dispatcher is no supervisor: 领导包案 is a supervision").isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from review_meeting").query(Long.class).single()).isEqualTo(meetings);
        assertThat(api.get("fq.intake", "/api/cases/" + mine).get("status").asString()).isEqualTo("REGISTERED");
    }

    @Test
    void theCountyMonthlyReportIsAPrintableDocumentWithChartsAsImages() throws Exception {
        clock.set(LocalDateTime.of(2028, 6, 3, 10, 0));
        register("fq.intake", aCase().dispute("NEIGHBOUR").inVillage(FENGYUAN).body());
        clock.advance(Duration.ofDays(30));
        Api.forgetTokens();
        Api.Response r = api.get("county.leader", "/api/reviews/report.docx?month=2028-06");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.raw().body()));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("诸暨市").contains("2028年6月矛盾纠纷研判报告").contains("化解率")
                    .contains("去年同期").contains("邻里纠纷");
            assertThat(doc.getAllPictures()).hasSize(3);
            assertThat(doc.getAllPictures().getFirst().getPictureType()).isEqualTo(org.apache.poi.xwpf.usermodel
                    .Document.PICTURE_TYPE_PNG);
        }
        assertThat(api.get("county.leader", "/api/reviews/report.docx?month=2031-01").status()).isEqualTo(400);
    }

    static JsonNode last(JsonNode timeline, String type) {
        JsonNode found = null;
        for (JsonNode e : timeline) {
            if (e.get("type").asString().equals(type)) {
                found = e;
            }
        }
        assertThat(found).as(type + " in " + timeline).isNotNull();
        return found;
    }
}
