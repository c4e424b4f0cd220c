package org.fengqiao.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.aCase;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fengqiao.support.Api;
import org.fengqiao.support.Cases;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.RawHttp;
import org.fengqiao.support.SessionClient;

/**
 * The probe's findings on input handling (issue 13), one by one: each bad input is refused with a 4xx
 * problem detail naming the field and what it expects, without Java internals or the value sent, and nothing
 * is written.
 */
@IntegrationTest
class InputHandlingTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    RawHttp http;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        http = new RawHttp(port);
    }

    long cases() {
        return jdbc.sql("select count(*) from cases").query(Long.class).single();
    }

    static void assertProblem(Api.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.text()).doesNotContainPattern("org\\.fengqiao|java\\.|Exception|tools\\.jackson|springframework");
    }

    static void assertNamed(Api.Response r, String field) {
        assertProblem(r, 400);
        assertThat(r.detail()).contains(field);
    }

    @Test
    void overLongFilterParametersAreRefusedNamingTheParameter() {
        assertNamed(api.get("fq.intake", "/api/cases?q=" + "纠".repeat(101)), "q");
        for (String p : List.of("category", "code", "region", "disputeType")) {
            assertNamed(api.get("fq.intake", "/api/cases?" + p + "=" + "1".repeat(41)), p);
        }
        assertNamed(api.get("county.leader", "/api/analytics/summary?category=" + "1".repeat(8)), "category");
        assertNamed(api.get("county.leader", "/api/analytics/summary?region=" + "1".repeat(16)), "region");
        assertNamed(api.get("fq.intake", "/api/cases?q=" + "x".repeat(1001)), "q");
    }

    @Test
    void nulAndInvalidUtf8InParametersAreRefused() {
        assertNamed(api.get("fq.intake", "/api/cases?q=%E7%BA%A0%00"), "q");
        assertProblem(api.get("fq.intake", "/api/cases?q=%C0%AF"), 400);
        assertProblem(api.get("fq.intake", "/api/cases?q=%FF%FE"), 400);
        assertProblem(api.get("admin", "/api/units?kind=%FF"), 400);
    }

    @Test
    void datesOutsideAPlausibleRangeAreRefused() {
        for (String date : List.of("%2B300000-01-01", "-999999999-01-01", "1899-12-31", "2300-01-01", "2026-02-30")) {
            assertNamed(api.get("fq.intake", "/api/cases?from=" + date), "from");
            assertNamed(api.get("county.leader", "/api/analytics/summary?to=" + date), "to");
            assertNamed(api.get("fq.intake", "/api/calendar/add-working-days?days=3&from=" + date), "from");
        }
        long id = api.post("fq.intake", "/api/cases", aCase().body()).get("id").asLong();
        Api.Response extension = api.post("fq.intake", "/api/cases/" + id + "/extension-requests",
                Map.of("until", "+300000-01-01", "reason", "需要更多时间"));
        assertNamed(extension, "until");
        Api.Response supervision = api.post("fq.supervisor", "/api/cases/" + id + "/supervision-notices",
                Map.of("message", "请加快", "dueOn", "-999999999-01-01"));
        assertNamed(supervision, "dueOn");
    }

    @Test
    void aNegativeAuditLimitIsRefused() {
        assertNamed(api.get("admin", "/api/audit?limit=-1"), "limit");
        assertNamed(api.get("admin", "/api/audit?limit=999999999"), "limit");
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedOnTheBytesRead() {
        long before = cases();
        String token = "Bearer " + api.token("fq.intake");
        byte[] body = ("{\"title\":\"t\",\"description\":\"" + "纠".repeat(700_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        RawHttp.Response r = http.request("POST", "/api/cases").header("Authorization", token)
                .body(body, "application/json").chunked().send();
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void refusalsNameNoJavaInternalsAndEchoNoValues() {
        Api.Response empty = api.postRaw("fq.intake", "/api/cases", new byte[0], "application/json");
        assertProblem(empty, 400);
        assertThat(empty.text()).doesNotContain("CaseApi").doesNotContain("RegisterCase").doesNotContain("public ");
        Api.Response wrongType = api.post("fq.intake", "/api/cases", aCase().with("title", List.of(1)).body());
        assertNamed(wrongType, "title");
        assertThat(wrongType.text()).doesNotContain("String").doesNotContain("RegisterCase");
        Api.Response nulPhone = api.post("fq.intake", "/api/cases",
                aCase().party("APPLICANT", "张三", "1391234\u00005678", null).body());
        assertProblem(nulPhone, 400);
        assertThat(nulPhone.text()).doesNotContain("1391234").doesNotContain("5678");
    }

    @Test
    void valuesOfTheWrongJsonTypeAreNotCoerced() {
        long before = cases();
        Map<String, Object> bad = Map.of("channel", 3, "assignTo", 20.9, "peopleInvolved", 1.7);
        bad.forEach((field, value) -> assertNamed(api.post("fq.intake", "/api/cases", aCase().with(field, value).body()), field));
        assertNamed(api.post("fq.intake", "/api/cases", aCase().with("peopleInvolved", "5").body()), "peopleInvolved");
        assertNamed(api.post("fq.intake", "/api/cases", aCase().with("urgent", "true").body()), "urgent");
        assertNamed(api.post("fq.intake", "/api/cases", aCase().with("urgent", 1).body()), "urgent");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void overlongUtf8IsRefusedNotDecodedToASlash() {
        long before = cases();
        String json = Api.JSON.writeValueAsString(aCase().titled("TITLE").body());
        byte[] head = json.substring(0, json.indexOf("TITLE")).getBytes(StandardCharsets.UTF_8);
        byte[] tail = json.substring(json.indexOf("TITLE") + 5).getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 4 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        body[head.length] = 'a';
        body[head.length + 1] = (byte) 0xC0;
        body[head.length + 2] = (byte) 0xAF;
        body[head.length + 3] = 'b';
        System.arraycopy(tail, 0, body, head.length + 4, tail.length);
        assertProblem(api.postRaw("fq.intake", "/api/cases", body, "application/json"), 400);
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void containerAndFrameworkRefusalsAreProblemDetailsOrPages() {
        String token = "Bearer " + api.token("fq.intake");
        RawHttp.Response patch = http.request("PATCH", "/api/cases").header("Authorization", token).send();
        assertThat(patch.status()).isEqualTo(405);
        assertThat(patch.contentType()).startsWith("application/problem+json");
        RawHttp.Response plain = http.request("POST", "/api/cases").header("Authorization", token)
                .body("{}", "text/plain").send();
        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.contentType()).startsWith("application/problem+json");
        for (String target : List.of("/api/cases/%00", "/api/cases/1%2F2", "/api/cases;a=b/1", "/api/cases/%C0%AF")) {
            RawHttp.Response r = http.request("GET", target).header("Authorization", token).send();
            assertThat(r.status()).as(target).isBetween(400, 499);
            assertThat(r.contentType()).as(target).startsWith("application/problem+json");
            assertThat(r.body()).doesNotContain("Tomcat").doesNotContain("Exception");
        }
        RawHttp.Response header = http.request("GET", "/api/cases").header("Authorization", token)
                .header("X-Big", "a".repeat(10_000)).send();
        assertThat(header.status()).isBetween(400, 499);
        assertThat(header.contentType()).startsWith("application/problem+json");
        RawHttp.Response page = http.request("GET", "/cases/%00").header("Accept", "text/html").send();
        assertThat(page.status()).isBetween(400, 499);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).doesNotContain("Tomcat").doesNotContain("Whitelabel");
    }

    @Test
    void openThreeOneOneAddressesTheFirewallRejectsAnswerInOpen311sOwnErrorFormat() {
        RawHttp.Response json = http.request("GET", "/open311/v2/requests.json%00").send();
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.body()).startsWith("[{\"code\":400,\"description\":\"").doesNotContain("Tomcat");
        // written by the same writer as the API's own refusals: GeoReport's list in the format the address asks for
        RawHttp.Response xml = http.request("GET", "/open311/v2/requests.xml;x=%00").send();
        assertThat(xml.status()).isBetween(400, 499);
        assertThat(xml.contentType()).startsWith("text/xml");
        assertThat(xml.body()).contains("<errors><error><code>4")
                .contains("</code><description>").contains("</description></error></errors>");
    }

    RawHttp.Response upload(long caseId, String filename, byte[] content) {
        String boundary = "b0undary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return http.request("POST", "/api/cases/" + caseId + "/attachments")
                .header("Authorization", "Bearer " + api.token("fq.intake"))
                .body(body, "multipart/form-data; boundary=" + boundary).send();
    }

    @Test
    void aZipNamedDocxIsRefusedAndUploadNamesAreCleaned() throws java.io.IOException {
        long id = api.post("fq.intake", "/api/cases", aCase().body()).get("id").asLong();
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
            z.putNextEntry(new java.util.zip.ZipEntry("setup.exe"));
            z.write("MZ program".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        RawHttp.Response refused = upload(id, "调解协议.docx", zip.toByteArray());
        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        RawHttp.Response bidi = upload(id, "invoice\u202Etxt.exe", "纠纷经过".getBytes(StandardCharsets.UTF_8));
        assertThat(bidi.status()).as(bidi.body()).isEqualTo(201);
        assertThat(bidi.body()).contains("\"filename\":\"invoicetxt.exe\"");
        RawHttp.Response dots = upload(id, "..", "纠纷经过".getBytes(StandardCharsets.UTF_8));
        assertThat(dots.body()).contains("\"filename\":\"attachment\"");
        assertThat(jdbc.sql("select count(*) from case_attachment where case_id = ?").param(id).query(Long.class)
                .single()).isEqualTo(2);
    }

    @Test
    void aPageActionOnAnotherJurisdictionsCaseIsNotFoundWhateverTheForm() {
        long fengyuan = api.post("fq.intake", "/api/cases", aCase().inVillage(Cases.FENGYUAN).body()).get("id").asLong();
        SessionClient outsider = SessionClient.signedInAs(port, "leshan.grid");
        SessionClient.Page merge = outsider.post("/cases/" + fengyuan + "/actions/MERGE",
                Map.of("masterCode", List.of("NO-SUCH-CODE"), "reason", List.of("重复")));
        assertThat(merge.status()).isEqualTo(404);
        SessionClient.Page assign = outsider.post("/cases/" + fengyuan + "/actions/ASSIGN",
                Map.of("unitId", List.of("not-a-number")));
        assertThat(assign.status()).isEqualTo(404);
    }
}
