package org.fengqiao.mediators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.aCase;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;

/**
 * 调解员库: the directory with measured records, suggested mediators for a case with why, and bookings of joint
 * mediation sessions that refuse a double-booked mediator and write nothing.
 */
@IntegrationTest
class MediatorsTest {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    Pages pages;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    long mediatorNamed(String name) {
        for (JsonNode row : api.get("fq.dispatcher", "/api/mediators").json().get("mediators")) {
            if (row.get("mediator").get("name").asString().equals(name)) {
                return row.get("mediator").get("id").asLong();
            }
        }
        throw new AssertionError("no mediator " + name);
    }

    long neighbourCaseInFengyuan() {
        Api.Response r = api.post("fq.intake", "/api/cases", aCase().dispute("NEIGHBOUR").inVillage(FENGYUAN)
                .titled("两户因排水沟发生争执").describedAs("邻居排水沟堵塞，雨水倒灌进申请人厨房。").body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.get("id").asLong();
    }

    @Test
    void theDirectoryFiltersBySpecialtyAndShowsARateOnlyFromTenClosedCases() {
        JsonNode labour = api.get("fq.dispatcher", "/api/mediators?disputeType=LABOUR_WAGES").json().get("mediators");
        assertThat(labour.valueStream().map(r -> r.get("mediator").get("name").asString()).toList())
                .contains("枫桥镇劳动争议调解员", "法律援助中心值班律师").doesNotContain("枫源村调解员");
        int withRecord = 0;
        for (JsonNode row : api.get("county.leader", "/api/mediators").json().get("mediators")) {
            JsonNode record = row.get("record");
            boolean rated = !record.get("successRate").isNull();
            assertThat(rated).as(row.toString()).isEqualTo(record.get("closed").asInt() >= MediatorRecord.MIN_SAMPLE);
            withRecord += record.get("casesMediated").asInt() > 0 ? 1 : 0;
        }
        assertThat(withRecord).as("demo mediators with sessions recorded").isPositive();
        assertThat(api.get("fq.dispatcher", "/api/mediators?disputeType=NOPE").status()).isEqualTo(400);
    }

    @Test
    void aNeighbourCaseSuggestsTheVillageMediatorFirstWithWhyAndNeverOneNotTakingCases() {
        long id = neighbourCaseInFengyuan();
        JsonNode suggested = api.get("fq.dispatcher", "/api/cases/" + id + "/mediators").json().get("mediators");
        JsonNode first = suggested.get(0);
        assertThat(first.get("mediator").get("name").asString()).startsWith("枫源村");
        List<String> why = first.get("why").valueStream().map(JsonNode::asString).toList();
        assertThat(why).anyMatch(w -> w.contains("擅长「邻里纠纷」")).anyMatch(w -> w.contains("在本村"));
        assertThat(suggested.valueStream().map(s -> s.get("mediator").get("available").asBoolean())).containsOnly(true);
        assertThat(api.get("leshan.grid", "/api/cases/" + id + "/mediators").status()).isEqualTo(404);
    }

    @Test
    void aJointSessionIsBookedAndADoubleBookingIsRefusedWithNothingWritten() {
        long id = neighbourCaseInFengyuan();
        long village = mediatorNamed("枫源村调解员");
        long justice = mediatorNamed("枫桥司法所调解员");
        Instant start = clock.instant().plus(Duration.ofDays(3));
        Api.Response booked = api.post("fq.dispatcher", "/api/mediators/bookings", Map.of("caseId", id,
                "startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(2)).toString(),
                "place", "枫源村调解室", "mediatorIds", List.of(village, justice)));
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        assertThat(booked.get("joint").asBoolean()).isTrue();

        long other = neighbourCaseInFengyuan();
        Api.Response clash = api.post("fq.dispatcher", "/api/mediators/bookings", Map.of("caseId", other,
                "startsAt", start.plus(Duration.ofHours(1)).toString(),
                "endsAt", start.plus(Duration.ofHours(3)).toString(), "place", "枫桥司法所",
                "mediatorIds", List.of(justice)));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.detail()).contains("枫桥司法所调解员").contains("冲突");
        assertThat(api.get("fq.dispatcher", "/api/cases/" + other + "/mediation-bookings").json().get("bookings"))
                .isEmpty();

        Api.Response after = api.post("fq.dispatcher", "/api/mediators/bookings", Map.of("caseId", other,
                "startsAt", start.plus(Duration.ofHours(2)).toString(),
                "endsAt", start.plus(Duration.ofHours(3)).toString(), "place", "枫桥司法所",
                "mediatorIds", List.of(justice)));
        assertThat(after.status()).as("back to back is not a clash").isEqualTo(201);
        JsonNode schedule = api.get("fq.dispatcher", "/api/mediators/" + justice + "/schedule").json().get("bookings");
        assertThat(schedule.valueStream().map(b -> b.get("caseId").asLong()).toList()).contains(id, other);
    }

    @Test
    void badBookingsAreRefusedWithTheField() {
        long id = neighbourCaseInFengyuan();
        long village = mediatorNamed("枫源村调解员");
        Instant past = clock.instant().minus(Duration.ofDays(1));
        Api.Response inThePast = api.post("fq.dispatcher", "/api/mediators/bookings", Map.of("caseId", id,
                "startsAt", past.toString(), "endsAt", past.plus(Duration.ofHours(1)).toString(), "place", "村委会",
                "mediatorIds", List.of(village)));
        assertThat(inThePast.status()).isEqualTo(400);
        assertThat(inThePast.detail()).contains("startsAt");
        Api.Response none = api.post("fq.dispatcher", "/api/mediators/bookings", Map.of("caseId", id,
                "startsAt", clock.instant().plus(Duration.ofDays(1)).toString(),
                "endsAt", clock.instant().plus(Duration.ofDays(1)).plus(Duration.ofHours(1)).toString(),
                "place", "村委会", "mediatorIds", List.of()));
        assertThat(none.status()).isEqualTo(400);
        long notTaking = mediatorNamed("栎桥村乡贤调解员");
        Api.Response away = api.post("fq.dispatcher", "/api/mediators/bookings", Map.of("caseId", id,
                "startsAt", clock.instant().plus(Duration.ofDays(5)).toString(),
                "endsAt", clock.instant().plus(Duration.ofDays(5)).plus(Duration.ofHours(1)).toString(),
                "place", "村委会", "mediatorIds", List.of(notTaking)));
        assertThat(away.status()).isEqualTo(409);
    }

    @Test
    void theBookingPageSuggestsMediatorsAndRefusesADoubleBookingWithAMessage() throws Exception {
        long id = neighbourCaseInFengyuan();
        long village = mediatorNamed("枫源村调解员");
        String page = pages.mvc.perform(get("/cases/" + id + "/mediators").with(pages.as("fq.dispatcher")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("枫源村调解员").contains("擅长「邻里纠纷」");
        java.time.LocalDateTime start = java.time.LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(9)),
                org.fengqiao.platform.ChinaTime.ZONE).withSecond(0).withNano(0);
        var form = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/cases/" + id + "/mediators/bookings").param("startsAt", start.toString())
                .param("endsAt", start.plusHours(1).toString()).param("place", "枫源村调解室")
                .param("mediatorIds", Long.toString(village)).with(pages.as("fq.dispatcher"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
        assertThat(pages.mvc.perform(form).andReturn().getFlashMap().get("success")).isNotNull();
        assertThat((String) pages.mvc.perform(form).andReturn().getFlashMap().get("error")).contains("时间冲突");
        assertThat(api.get("fq.dispatcher", "/api/cases/" + id + "/mediation-bookings").json().get("bookings").size())
                .isEqualTo(1);
        assertThat(pages.mvc.perform(get("/cases/" + id + "/mediators").with(pages.as("leshan.grid"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theDirectoryPageListsMediatorsWithTheirRecord() throws Exception {
        String page = pages.mvc.perform(get("/mediators").param("disputeType", "MEDICAL").with(pages.as("fq.dispatcher")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("诸暨市医调委调解员").contains("医疗纠纷").doesNotContain("枫源村调解员")
                .doesNotContain(">MEDICAL<");
    }

    @Test
    void theCasePageOffersTheBestSuggestedMediatorsAndTheWayToBookThem() throws Exception {
        long id = neighbourCaseInFengyuan();
        String detail = pages.mvc.perform(get("/cases/" + id).with(pages.as("fq.dispatcher"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(detail).contains("/cases/" + id + "/mediators/panel");
        String panel = pages.mvc.perform(get("/cases/" + id + "/mediators/panel").with(pages.as("fq.dispatcher")))
                .andReturn().getResponse().getContentAsString();
        assertThat(panel).contains("枫源村调解员").contains("擅长「邻里纠纷」").contains("/cases/" + id + "/mediators\"");
        assertThat(org.apache.commons.lang3.StringUtils.countMatches(panel, "suggested-mediator"))
                .isBetween(1, 3);
        assertThat(pages.mvc.perform(get("/cases/" + id + "/mediators/panel").with(pages.as("leshan.grid")))
                .andReturn().getResponse().getStatus()).as("outside the jurisdiction").isEqualTo(404);
    }

    @Test
    void aMediatorsPageShowsTheirScheduleAndOnlyCasesTheViewerMaySee() throws Exception {
        long id = neighbourCaseInFengyuan();
        long village = mediatorNamed("枫源村调解员");
        Instant start = clock.instant().plus(Duration.ofDays(4));
        assertThat(api.post("fq.dispatcher", "/api/mediators/bookings", Map.of("caseId", id,
                "startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(1)).toString(),
                "place", "枫源村文化礼堂", "mediatorIds", List.of(village))).status()).isEqualTo(201);
        String code = api.get("fq.dispatcher", "/api/cases/" + id).get("trackingCode").asString();

        String own = pages.mvc.perform(get("/mediators/" + village).with(pages.as("fq.dispatcher"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(own).contains("枫源村调解员").contains("枫源村文化礼堂").contains(code);
        String outsider = pages.mvc.perform(get("/mediators/" + village).with(pages.as("leshan.grid"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(outsider).contains("枫源村文化礼堂").doesNotContain(code).contains("辖区外案件");
        assertThat(pages.mvc.perform(get("/mediators/999999").with(pages.as("fq.dispatcher"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void availabilityIsChangedByAdministratorsDispatchersAndMediatorsOnly() throws Exception {
        long lawyer = mediatorNamed("法律援助中心值班律师");
        var off = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/mediators/" + lawyer + "/availability").param("available", "false")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
        assertThat(pages.mvc.perform(off.with(pages.as("county.leader"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(pages.mvc.perform(off.with(pages.as("fq.dispatcher"))).andReturn().getFlashMap().get("success"))
                .isNotNull();
        assertThat(api.get("fq.dispatcher", "/api/mediators/" + lawyer).json().get("mediator").get("available")
                .asBoolean()).isFalse();
        var on = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/mediators/" + lawyer + "/availability").param("available", "true").with(pages.as("fq.dispatcher"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
        pages.mvc.perform(on);
        assertThat(api.get("fq.dispatcher", "/api/mediators/" + lawyer).json().get("mediator").get("available")
                .asBoolean()).isTrue();
    }
}
