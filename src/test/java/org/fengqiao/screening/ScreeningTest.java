package org.fengqiao.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.LESHAN;
import static org.fengqiao.support.Cases.TIANZHU;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.TestClock;

/**
 * 矛盾纠纷排查: villages report the disputes found or a zero report; the township sees who has not reported and
 * chases them; a screened item becomes a case in one action; the ledger lists reports and missing villages.
 */
@IntegrationTest
class ScreeningTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        Api.forgetTokens();
        clock.set(LocalDateTime.of(2028, 7, 12, 10, 0)); // the week of Monday 10 July 2028
    }

    @AfterEach
    void tidy() {
        clock.reset();
        Api.forgetTokens();
    }

    static Map<String, Object> item(String title) {
        return Map.of("kind", "DISPUTE", "disputeType", "NEIGHBOUR", "title", title,
                "description", "排查发现：" + title, "peopleInvolved", 2);
    }

    static Map<String, Object> report(String region, boolean zero, List<Map<String, Object>> items) {
        Map<String, Object> r = new HashMap<>();
        r.put("regionCode", region);
        r.put("zeroReport", zero);
        r.put("items", items);
        return r;
    }

    static Map<String, JsonNode> byVillage(JsonNode status) {
        Map<String, JsonNode> rows = new HashMap<>();
        status.get("villages").forEach(v -> rows.put(v.get("regionCode").asString(), v));
        return rows;
    }

    @Test
    void zeroReportsCountAsReportedAndTheTownshipSeesAndChasesTheMissing() throws Exception {
        Api.Response zero = api.post("fengyuan.grid", "/api/screening/reports", report(FENGYUAN, true, List.of()));
        assertThat(zero.status()).as(zero.text()).isEqualTo(201);
        assertThat(zero.get("periodStart").asString()).isEqualTo("2028-07-10");
        assertThat(zero.get("periodEnd").asString()).isEqualTo("2028-07-16");
        Api.Response found = api.post("leshan.grid", "/api/screening/reports",
                report(LESHAN, false, List.of(item("两户因排水沟起争执"), item("宅基地界址不清"))));
        assertThat(found.status()).as(found.text()).isEqualTo(201);

        Map<String, JsonNode> status = byVillage(api.get("fq.dispatcher", "/api/screening/status").json());
        assertThat(status.get(FENGYUAN).get("state").asString()).isEqualTo("ZERO");
        assertThat(status.get(LESHAN).get("state").asString()).isEqualTo("REPORTED");
        assertThat(status.get(LESHAN).get("items").asInt()).isEqualTo(2);
        assertThat(status.get(TIANZHU).get("state").asString()).isEqualTo("MISSING");

        Api.Response chased = api.post("fq.dispatcher", "/api/screening/chases", Map.of("regionCode", TIANZHU));
        assertThat(chased.status()).as(chased.text()).isEqualTo(200);
        assertThat(chased.get("villages").get(0).get("chases").asInt()).isEqualTo(1);
        assertThat(api.post("fq.dispatcher", "/api/screening/chases", Map.of("regionCode", FENGYUAN)).status())
                .isEqualTo(409);
        assertThat(api.post("fengyuan.grid", "/api/screening/chases", Map.of("regionCode", FENGYUAN)).status())
                .isEqualTo(403);

        Api.Response ledger = api.get("fq.dispatcher", "/api/screening/ledger.xlsx?from=2028-07-10&to=2028-07-16");
        assertThat(ledger.status()).isEqualTo(200);
        StringBuilder rows = new StringBuilder();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ledger.raw().body()))) {
            for (Row row : book.getSheetAt(0)) {
                row.forEach(c -> rows.append(c.getStringCellValue()).append('|'));
                rows.append('\n');
            }
        }
        assertThat(rows.toString()).contains("零报告").contains("两户因排水沟起争执").contains("未报告")
                .contains("天竺");
    }

    @Test
    void aScreenedItemBecomesAGridReportedCaseOnce() {
        clock.set(LocalDateTime.of(2028, 7, 19, 10, 0));
        Api.Response r = api.post("leshan.grid", "/api/screening/reports",
                report(LESHAN, false, List.of(item("山林界址纠纷"))));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        long itemId = r.get("items").get(0).get("id").asLong();
        Api.Response c = api.post("leshan.grid", "/api/screening/items/" + itemId + "/case", null);
        assertThat(c.status()).as(c.text()).isEqualTo(201);
        JsonNode kase = api.get("leshan.grid", "/api/cases/" + c.get("id").asLong()).json();
        assertThat(kase.get("channel").asString()).isEqualTo("GRID_PATROL");
        assertThat(kase.get("title").asString()).isEqualTo("山林界址纠纷");
        assertThat(api.post("leshan.grid", "/api/screening/items/" + itemId + "/case", null).status()).isEqualTo(409);
        assertThat(api.post("fengyuan.grid", "/api/screening/items/" + itemId + "/case", null).status())
                .isEqualTo(404);
    }

    @Test
    void badReportsAreRefusedWithTheFieldAndNothingWritten() {
        clock.set(LocalDateTime.of(2028, 7, 26, 10, 0));
        Api.Response both = api.post("fengyuan.grid", "/api/screening/reports",
                report(FENGYUAN, true, List.of(item("纠纷"))));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.get("errors").get(0).get("field").asString()).isEqualTo("zeroReport");
        Api.Response neither = api.post("fengyuan.grid", "/api/screening/reports", report(FENGYUAN, false, List.of()));
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.get("errors").get(0).get("field").asString()).isEqualTo("items");
        Api.Response badItem = api.post("fengyuan.grid", "/api/screening/reports",
                report(FENGYUAN, false, List.of(item("好的"), Map.of("kind", "DISPUTE", "title", " ",
                        "description", "x"))));
        assertThat(badItem.get("errors").get(0).get("field").asString()).isEqualTo("items[1].title");
        Api.Response elsewhere = api.post("fengyuan.grid", "/api/screening/reports", report(LESHAN, true, List.of()));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(byVillage(api.get("fq.dispatcher", "/api/screening/status").json()).get(FENGYUAN).get("state")
                .asString()).isEqualTo("MISSING");
        assertThat(api.post("fengyuan.grid", "/api/screening/reports", report(FENGYUAN, true, List.of())).status())
                .isEqualTo(201);
        assertThat(api.post("fengyuan.grid", "/api/screening/reports", report(FENGYUAN, true, List.of())).status())
                .isEqualTo(409);
    }
}
