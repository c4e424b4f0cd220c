package org.fengqiao.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import tools.jackson.databind.JsonNode;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;

/**
 * GeoReport v2 as its specification (open311.org, GeoReport v2 and Service Discovery) describes it, call by
 * call, in XML and in JSON: the root elements and field names of each answer, the Spark mapping between them
 * (a list element is a JSON array), W3C date-times with a zone, the error list with 400 / 403 / 404, a POSTed
 * request that reads back the same in both formats, and nothing personal in what anyone may read.
 */
@IntegrationTest
class Open311ConformanceTest {

    static final String KEY = "demo-open311-key";
    static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "status_notes",
            "service_name", "service_code", "description", "agency_responsible", "service_notice",
            "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
            "lat", "long", "media_url");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        Api.forgetTokens();
    }

    record Answer(int status, String contentType, String body) {
        Document xml() throws Exception {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        }

        JsonNode json() {
            return Api.JSON.readTree(body);
        }
    }

    Answer get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    Answer post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    static Map<String, String> aRequest() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", KEY);
        form.put("service_code", "DISPUTE");
        form.put("attribute[dispute_type]", "NEIGHBOUR");
        form.put("attribute[people_involved]", "2");
        form.put("attribute[external_id]", "12345-2026-0001");
        form.put("address_id", "330681109290");
        form.put("address_string", "枫源村3组12号");
        form.put("first_name", "小明");
        form.put("last_name", "张");
        form.put("phone", "13857512345");
        form.put("email", "zhang@example.org");
        form.put("description", "邻居张小明家的空调外机正对我家卧室窗户，夜间噪声很大，电话13857512345。");
        form.put("media_url", "https://12345.example.gov.cn/media/1.jpg");
        return form;
    }

    static List<String> children(Element e) {
        List<String> names = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                names.add(c.getTagName());
            }
        }
        return names;
    }

    static Element child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + e.getTagName() + ">");
    }

    @Test
    void discoveryListsTheV2EndpointWithBothFormatsInXmlAndJson() throws Exception {
        Answer xml = get("/open311/discovery.xml");
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.contentType()).startsWith("text/xml").containsIgnoringCase("charset=utf-8");
        assertThat(xml.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Element root = xml.xml().getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("discovery");
        assertThat(children(root)).containsExactly("changeset", "contact", "key_service", "endpoints");
        Element endpoint = child(child(root, "endpoints"), "endpoint");
        assertThat(children(endpoint)).containsExactly("specification", "url", "changeset", "type", "formats");
        assertThat(child(endpoint, "specification").getTextContent()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(child(endpoint, "url").getTextContent()).endsWith("/open311/v2");

        Answer json = get("/open311/discovery.json");
        assertThat(json.contentType()).startsWith("application/json");
        JsonNode ep = json.json().get("endpoints").get(0);
        assertThat(ep.get("formats").isArray()).isTrue();
        assertThat(ep.get("formats").get(0).asString()).isEqualTo("text/xml");
        assertThat(ep.get("formats").get(1).asString()).isEqualTo("application/json");
        assertThat(ep.get("type").asString()).isEqualTo("production");
    }

    @Test
    void servicesListEveryServiceWithTheSpecificationsFieldsAndTheDisputeDefinitionAsksForTheDisputeType()
            throws Exception {
        Element services = get("/open311/v2/services.xml").xml().getDocumentElement();
        assertThat(services.getTagName()).isEqualTo("services");
        Element first = child(services, "service");
        assertThat(children(first)).containsExactly("service_code", "service_name", "description", "metadata", "type",
                "keywords", "group");
        assertThat(child(first, "type").getTextContent()).isEqualTo("realtime");

        JsonNode list = get("/open311/v2/services.json").json();
        assertThat(list.isArray()).isTrue();
        assertThat(list.size()).isEqualTo(services.getElementsByTagName("service").getLength()).isGreaterThan(10);
        assertThat(list.get(0).get("metadata").asBoolean()).isTrue();

        Element def = get("/open311/v2/services/DISPUTE.xml").xml().getDocumentElement();
        assertThat(def.getTagName()).isEqualTo("service_definition");
        Element attr = child(child(def, "attributes"), "attribute");
        assertThat(children(attr)).containsExactly("variable", "code", "datatype", "required", "datatype_description",
                "order", "description", "values");
        assertThat(child(attr, "code").getTextContent()).isEqualTo("dispute_type");
        assertThat(child(attr, "datatype").getTextContent()).isEqualTo("singlevaluelist");
        assertThat(children(child(child(attr, "values"), "value"))).containsExactly("key", "name");

        JsonNode jdef = get("/open311/v2/services/DISPUTE.json").json();
        assertThat(jdef.get("service_code").asString()).isEqualTo("DISPUTE");
        assertThat(jdef.get("attributes").get(0).get("values").isArray()).isTrue();
        assertThat(jdef.get("attributes").get(0).get("order").asInt()).isEqualTo(1);
    }

    @Test
    void aRequestPostedInXmlReadsBackTheSameInXmlAndJsonWithoutPersonalData() throws Exception {
        Answer created = post("/open311/v2/requests.xml", aRequest());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        Element request = child(created.xml().getDocumentElement(), "request");
        assertThat(created.xml().getDocumentElement().getTagName()).isEqualTo("service_requests");
        assertThat(children(request)).containsExactly("service_request_id", "token", "service_notice", "account_id");
        String id = child(request, "service_request_id").getTextContent();
        assertThat(id).matches("330681-\\d{8}-\\d{6}-[0-9A-Z]");
        // registered through the same service as staff intake, on the channel for other systems, reference kept
        assertThat(jdbc.sql("select channel || ' ' || source_ref || ' ' || kind || ' ' || dispute_type from case_report "
                + "where tracking_code = ?").param(id).query(String.class).single())
                .isEqualTo("SYSTEM_API 12345-2026-0001 DISPUTE NEIGHBOUR");

        Element one = child(get("/open311/v2/requests/" + id + ".xml").xml().getDocumentElement(), "request");
        assertThat(children(one)).containsExactlyElementsOf(REQUEST_FIELDS);
        assertThat(child(one, "status").getTextContent()).isEqualTo("open");
        assertThat(child(one, "service_code").getTextContent()).isEqualTo("DISPUTE");
        assertThat(child(one, "address_id").getTextContent()).isEqualTo("330681109290");
        assertThat(child(one, "requested_datetime").getTextContent())
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");
        assertThat(child(one, "media_url").getTextContent()).isEqualTo("https://12345.example.gov.cn/media/1.jpg");

        JsonNode json = get("/open311/v2/requests/" + id + ".json").json();
        assertThat(json.isArray()).isTrue();
        JsonNode j = json.get(0);
        assertThat(j.propertyNames()).containsExactlyElementsOf(REQUEST_FIELDS);
        for (String field : REQUEST_FIELDS) {
            String x = child(one, field).getTextContent();
            assertThat(j.get(field).isNull() ? "" : j.get(field).asString()).as(field).isEqualTo(x);
        }
        for (Answer a : List.of(get("/open311/v2/requests/" + id + ".xml"), get("/open311/v2/requests/" + id + ".json"),
                get("/open311/v2/requests.json?service_request_id=" + id))) {
            assertThat(a.body()).doesNotContain("张小明", "13857512345", "zhang@example.org", "3组12号", "county.dispatcher",
                    "诸暨市中心分派员", "riskLevel", "risk_level");
        }
        assertThat(j.get("description").asString()).contains("张某").contains("〔电话〕");
    }

    @Test
    void requestsCanBeFilteredByIdServiceCodeStatusAndDatesAndPaged() throws Exception {
        String a = child(child(post("/open311/v2/requests.xml", aRequest()).xml().getDocumentElement(), "request"),
                "service_request_id").getTextContent();
        String b = post("/open311/v2/requests.json", aRequest()).json().get(0).get("service_request_id").asString();
        JsonNode both = get("/open311/v2/requests.json?service_request_id=" + a + "," + b).json();
        assertThat(both.size()).isEqualTo(2);
        assertThat(get("/open311/v2/requests.json?service_code=DISPUTE&status=open").json().size()).isGreaterThanOrEqualTo(2);
        assertThat(get("/open311/v2/requests.json?service_code=DISPUTE&status=closed").json().findValuesAsString("service_request_id"))
                .doesNotContain(a, b);
        assertThat(get("/open311/v2/requests.json?start_date=2001-01-01T00:00:00Z&end_date=2001-02-01T00:00:00Z").json().size())
                .isZero();
        assertThat(get("/open311/v2/requests.json?page_size=1&page=1").json().size()).isEqualTo(1);
        assertThat(get("/open311/v2/requests.xml?page_size=1&page=2").xml().getElementsByTagName("request").getLength())
                .isEqualTo(1);
    }

    @Test
    void errorsAreAListOfCodeAndDescriptionWithTheStatusTheSpecificationNames() throws Exception {
        Map<String, String> noKey = aRequest();
        noKey.remove("api_key");
        Answer forbidden = post("/open311/v2/requests.xml", noKey);
        assertThat(forbidden.status()).isEqualTo(403);
        Element errors = forbidden.xml().getDocumentElement();
        assertThat(errors.getTagName()).isEqualTo("errors");
        assertThat(children(child(errors, "error"))).containsExactly("code", "description");
        assertThat(child(child(errors, "error"), "code").getTextContent()).isEqualTo("403");

        Map<String, String> wrongKey = aRequest();
        wrongKey.put("api_key", "not-a-key");
        JsonNode wrong = post("/open311/v2/requests.json", wrongKey).json();
        assertThat(wrong.isArray()).isTrue();
        assertThat(wrong.get(0).get("code").asString()).isEqualTo("403");
        assertThat(wrong.get(0).get("description").asString()).contains("api_key");

        Map<String, String> unknown = aRequest();
        unknown.put("service_code", "NOPE");
        assertThat(post("/open311/v2/requests.json", unknown).status()).isEqualTo(404);
        assertThat(get("/open311/v2/services/NOPE.json").status()).isEqualTo(404);
        assertThat(get("/open311/v2/requests/330681-20990101-000001-X.json").status()).isEqualTo(404);
        assertThat(get("/open311/v2/tokens/0000.xml").status()).isEqualTo(404);
        assertThat(get("/open311/v2/services.json?jurisdiction_id=elsewhere.gov").status()).isEqualTo(404);
        assertThat(get("/open311/v2/requests.json?start_date=yesterday").status()).isEqualTo(400);
        assertThat(get("/open311/v2/requests.json?status=pending").status()).isEqualTo(400);
        assertThat(get("/open311/v2/requests.json?page_size=5000").status()).isEqualTo(400);
        assertThat(get("/open311/v2/services.html").status()).isEqualTo(400);
        assertThat(get("/open311/v2/nothing.json").status()).isEqualTo(404);
    }

    @Test
    void theTokenAPostAnswersWithResolvesToItsServiceRequestIdInXmlAndJson() throws Exception {
        JsonNode created = post("/open311/v2/requests.json", aRequest()).json().get(0);
        String id = created.get("service_request_id").asString();
        String token = created.get("token").asString();
        assertThat(token).matches("[0-9a-f]{32}");

        Element xml = get("/open311/v2/tokens/" + token + ".xml").xml().getDocumentElement();
        assertThat(xml.getTagName()).isEqualTo("service_requests");
        Element request = child(xml, "request");
        assertThat(children(request)).containsExactly("service_request_id", "token");
        assertThat(child(request, "service_request_id").getTextContent()).isEqualTo(id);
        assertThat(child(request, "token").getTextContent()).isEqualTo(token);

        Answer json = get("/open311/v2/tokens/" + token + ".json");
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.json().isArray()).isTrue();
        assertThat(json.json().get(0).propertyNames()).containsExactly("service_request_id", "token");
        assertThat(json.json().get(0).get("service_request_id").asString()).isEqualTo(id);
        assertThat(json.json().get(0).get("token").asString()).isEqualTo(token);

        // the token another POST answered in XML resolves the same way
        Element posted = child(post("/open311/v2/requests.xml", aRequest()).xml().getDocumentElement(), "request");
        assertThat(get("/open311/v2/tokens/" + child(posted, "token").getTextContent() + ".json").json().get(0)
                .get("service_request_id").asString()).isEqualTo(child(posted, "service_request_id").getTextContent());
    }

    @Test
    void anUnknownTokenIsGeoReportsNotFoundInXmlAndJson() throws Exception {
        Answer xml = get("/open311/v2/tokens/00000000000000000000000000000000.xml");
        assertThat(xml.status()).isEqualTo(404);
        assertThat(xml.contentType()).contains("xml");
        Element errors = xml.xml().getDocumentElement();
        assertThat(errors.getTagName()).isEqualTo("errors");
        assertThat(children(child(errors, "error"))).containsExactly("code", "description");
        assertThat(child(child(errors, "error"), "code").getTextContent()).isEqualTo("404");
        assertThat(child(child(errors, "error"), "description").getTextContent()).isNotBlank()
                .doesNotContain("00000000000000000000000000000000");

        Answer json = get("/open311/v2/tokens/not-a-token.json");
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.json().get(0).get("code").asString()).isEqualTo("404");
        assertThat(json.json().get(0).get("description").asString()).isNotBlank().doesNotContain("not-a-token");
    }

    @Test
    void badSubmissionsAreRefusedOnTheirFieldWithoutEchoAndWriteNothing() throws Exception {
        int before = get("/open311/v2/requests.json").json().size();
        Map<String, Map.Entry<String, String>> bad = new LinkedHashMap<>();
        bad.put("description", Map.entry("description", "很长".repeat(2001)));
        bad.put("lat", Map.entry("lat", "ninety"));
        bad.put("media_url", Map.entry("media_url", "javascript:alert(1)"));
        bad.put("dispute_type", Map.entry("attribute[dispute_type]", "NO_SUCH_TYPE"));
        bad.put("people_involved", Map.entry("attribute[people_involved]", "-3"));
        bad.put("attribute", Map.entry("attribute[colour]", "red"));
        bad.put("phone", Map.entry("phone", "call-me-maybe"));
        bad.put("address_id", Map.entry("address_id", "12345"));
        for (var e : bad.entrySet()) {
            Map<String, String> form = aRequest();
            form.put(e.getValue().getKey(), e.getValue().getValue());
            Answer refused = post("/open311/v2/requests.json", form);
            assertThat(refused.status()).as(e.getKey() + ": " + refused.body()).isEqualTo(400);
            String description = refused.json().get(0).get("description").asString();
            assertThat(description).as(e.getKey()).isNotBlank().doesNotContain(e.getValue().getValue());
        }
        Map<String, String> outside = aRequest();
        outside.remove("address_id");
        outside.remove("address_string");
        outside.put("lat", "39.9");
        outside.put("long", "116.4");
        assertThat(post("/open311/v2/requests.json", outside).status()).isEqualTo(400);
        Map<String, String> noPlace = aRequest();
        noPlace.remove("address_id");
        noPlace.remove("address_string");
        assertThat(post("/open311/v2/requests.json", noPlace).status()).isEqualTo(400);
        assertThat(get("/open311/v2/requests.json").json().size()).isEqualTo(before);
    }
}
