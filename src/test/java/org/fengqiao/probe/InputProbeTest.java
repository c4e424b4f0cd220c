package org.fengqiao.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

import org.fengqiao.support.Api;
import org.fengqiao.support.Cases;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.RawHttp;

/**
 * The probe: every API operation of the OpenAPI document and every page route, sent the classes of bad input
 * that once broke the platform — over-long values, NUL and invalid or overlong UTF-8, extreme dates and
 * numbers, wrong JSON types, missing, empty, malformed, oversized and chunked bodies, wrong content types and
 * methods, odd paths and headers, and another jurisdiction's cases. Whatever the answer, it is never a 5xx; for
 * the API a refusal is an RFC 9457 problem detail; no answer names a Java class or exception, and no refusal
 * echoes the value sent. Findings are gathered and reported together.
 */
@IntegrationTest
class InputProbeTest {

    /** Marks every probe value, so an echo of it in a refusal is found. */
    static final String MARK = "PRB7Q";
    static final String LONG = MARK + "a".repeat(3000);
    static final List<String> QUERY_VALUES = List.of(LONG, MARK, MARK + "%00", "%C0%AF" + MARK, MARK + "%FF%FE",
            MARK + "%ED%A0%80", "%E2%80%AE" + MARK, "+300000-01-01", "-999999999-01-01", "999999999", "-999999999",
            "-1", "1.7", "99999999999999999999", "2026-02-30", "true", "", "%20");
    /** Pages share the parameter filter with the API: a shorter list covers them. */
    static final List<String> PAGE_QUERY_VALUES = List.of(LONG, MARK + "%00", "%C0%AF" + MARK, "+300000-01-01",
            "-999999999-01-01", "99999999999999999999", "1.7", "%20");
    static final List<String> PATH_VALUES = List.of("99999999999999999999", "-1", MARK + "%00", "%C0%AF" + MARK,
            MARK + "a".repeat(1000), MARK + "%2F" + MARK, "%2E%2E", "1.7", MARK + "%FF");
    /** Posts that would sign the probe's accounts out or change their credentials for the tests after it. */
    /** Signing the probe's token out, or wrong current passwords (counted as failed sign-ins), would break the tests after it. */
    static final Set<String> UNSAFE_API_OPERATIONS = Set.of("PUT /api/me/password", "DELETE /api/auth/token");
    static final Set<String> UNSAFE_PAGE_POSTS = Set.of("/logout", "/login", "/login/two-factor",
            "/account/sign-out-everywhere", "/account/password", "/account/two-factor", "/account/two-factor/remove");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    RawHttp http;
    Api api;
    final ProbeFindings findings = new ProbeFindings(MARK);

    @BeforeEach
    void setUp() {
        http = new RawHttp(port);
        api = new Api(port);
    }

    /** The OpenAPI document is for signed-in staff (a page session). */
    private JsonNode apiDocs() {
        String body = http.request("GET", "/v3/api-docs").header("Cookie", http.signIn("admin")).send().body();
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
    }

    @Test
    void everyApiOperationAnswersBadInputWithAProblemDetail() {
        String admin = "Bearer " + api.token("admin");
        JsonNode doc = apiDocs();
        assertThat(doc.get("paths").size()).as("operations in the OpenAPI document").isGreaterThan(30);
        for (var path : doc.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                if (UNSAFE_API_OPERATIONS.contains(method + " " + path.getKey())) {
                    continue;
                }
                probeOperation(admin, method, path.getKey(), op.getValue(), doc);
            }
        }
        findings.report();
    }

    @Test
    void everyPageRouteAnswersBadInputWithAPage() {
        String cookie = http.signIn("admin");
        String csrf = http.csrfOf(cookie);
        for (var e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            HandlerMethod handler = e.getValue();
            if (handler.getBeanType().isAnnotationPresent(org.springframework.web.bind.annotation.RestController.class)
                    || !handler.getBeanType().getPackageName().startsWith("org.fengqiao")) {
                continue;
            }
            Set<String> params = paramNames(handler);
            for (String pattern : info.getPatternValues()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    if (m == RequestMethod.POST && UNSAFE_PAGE_POSTS.contains(pattern)) {
                        continue;
                    }
                    probePage(cookie, csrf, m.name(), pattern, params);
                }
            }
        }
        findings.report();
    }

    @Test
    void transportLevelRefusalsAreProblemDetailsOrPages() {
        String admin = "Bearer " + api.token("admin");
        for (String target : List.of("/api/cases/%00", "/api/cases/1%2F2", "/api/cases;x=1/1", "/api//cases",
                "/api/cases/%C0%AF", "/api/../api/cases", "/api/cases/%2e%2e/x", "/api/cases/\\x", "/api/cases%09")) {
            findings.check("GET", target, http.request("GET", target).header("Authorization", admin).send(), true);
        }
        for (String target : List.of("/cases/%00", "/cases/1%2F2", "/cases;x=1/1", "//cases", "/cases/%C0%AF",
                "/cases/%2e%2e/x")) {
            findings.check("GET", target, http.request("GET", target).send(), false);
        }
        findings.check("GET", "/api/cases (10 KB header)", http.request("GET", "/api/cases").header("Authorization", admin)
                .header("X-Probe", "a".repeat(10_000)).send(), true);
        findings.check("GET", "/cases (10 KB header)", http.request("GET", "/cases").header("X-Probe", "a".repeat(10_000)).send(),
                false);
        findings.check("GET", "/api/cases (bad UTF-8 in target)", http.request("GET",
                bytes("/api/cases?q=", new byte[] {(byte) 0xC0, (byte) 0xAF}, MARK)).header("Authorization", admin).send(), true);
        RawHttp.Response chunked = http.request("POST", "/api/cases").header("Authorization", admin)
                .body(("{\"title\":\"" + "x".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8), "application/json")
                .chunked().send();
        findings.check("POST", "/api/cases (2 MB chunked)", chunked, true);
        if (chunked.status() != 413) {
            findings.add("a 2 MB chunked body is not refused with 413 (" + chunked.status() + ")", "POST /api/cases");
        }
        findings.report();
    }

    @Test
    void anotherJurisdictionsCaseIsNotFoundForEveryOperation() {
        long fengyuan = api.post("fq.intake", "/api/cases", Cases.aCase().inVillage(Cases.FENGYUAN).body())
                .get("id").asLong();
        String outsider = "Bearer " + api.token("leshan.grid");
        JsonNode doc = apiDocs();
        for (var path : doc.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/cases/{id}")) {
                continue;
            }
            for (var op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                String target = path.getKey().replace("{id}", Long.toString(fengyuan)).replaceAll("\\{[^}]+}", "1");
                String nowhere = path.getKey().replace("{id}", "99999999").replaceAll("\\{[^}]+}", "1");
                findings.expectNoOracle(method, target, outsiderCall(method, target, outsider, path.getKey()),
                        outsiderCall(method, nowhere, outsider, path.getKey()));
            }
        }
        String cookie = http.signIn("leshan.grid");
        String csrf = http.csrfOf(cookie);
        for (var e : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : e.getKey().getPatternValues()) {
                if (!pattern.startsWith("/cases/{id}")) {
                    continue;
                }
                Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    String target = pattern.replace("{id}", Long.toString(fengyuan)).replace("{action}", "MERGE")
                            .replaceAll("\\{[^}]+}", "1");
                    RawHttp.Request r = http.request(m.name(), target).header("Cookie", cookie).header("Accept", "text/html");
                    if (m == RequestMethod.POST && target.endsWith("/attachments")) {
                        r.body(multipart(csrf), "multipart/form-data; boundary=" + BOUNDARY);
                    } else if (m == RequestMethod.POST) {
                        r.body("_csrf=" + enc(csrf) + "&masterCode=NOPE&reason=x&note=x", "application/x-www-form-urlencoded");
                    }
                    findings.expectNotFound(m.name(), target, r.send());
                }
            }
        }
        findings.report();
    }

    static final String BOUNDARY = "prb7qboundary";

    private RawHttp.Response outsiderCall(String method, String target, String auth, String template) {
        RawHttp.Request r = http.request(method, target).header("Authorization", auth);
        if (template.endsWith("/attachments") && method.equals("POST")) {
            r.body(multipart(null), "multipart/form-data; boundary=" + BOUNDARY);
        } else if (!method.equals("GET") && !method.equals("DELETE")) {
            r.body("{}", "application/json");
        }
        return r.send();
    }

    private static String multipart(String csrf) {
        String part = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello\r\n";
        if (csrf != null) {
            part += "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n";
        }
        return part + "--" + BOUNDARY + "--\r\n";
    }

    // --- the API ---

    private void probeOperation(String auth, String method, String template, JsonNode op, JsonNode doc) {
        List<JsonNode> params = new ArrayList<>();
        op.path("parameters").forEach(params::add);
        Map<String, String> baseline = new LinkedHashMap<>();
        for (JsonNode p : params) {
            if (p.path("required").asBoolean() || "path".equals(p.path("in").asString())) {
                baseline.put(p.get("name").asString(), OpenApiProbes.sample(p.path("schema"), doc));
            }
        }
        boolean mutating = !method.equals("GET");
        for (JsonNode p : params) {
            String in = p.path("in").asString();
            String name = p.get("name").asString();
            for (String value : "path".equals(in) ? PATH_VALUES : QUERY_VALUES) {
                Map<String, String> values = new LinkedHashMap<>(baseline);
                values.put(name, value);
                String target = OpenApiProbes.target(template, params, values);
                RawHttp.Request r = http.request(method, target).header("Authorization", auth)
                        .header("Accept", "application/json");
                if (mutating && op.has("requestBody")) {
                    r.body("{}", "application/json");
                }
                findings.check(method, target, r.send(), true);
            }
        }
        if (!op.has("requestBody")) {
            if (mutating) {
                findings.check(method, template, http.request(method, OpenApiProbes.target(template, params, baseline))
                        .header("Authorization", auth).body("{\"x\":1}", "application/json").send(), true);
            }
            probeWrongMethod(auth, template, params, baseline, method);
            return;
        }
        String target = OpenApiProbes.target(template, params, baseline);
        JsonNode content = op.path("requestBody").path("content");
        if (content.has("application/json")) {
            probeJsonBodies(auth, method, target, OpenApiProbes.resolve(content.get("application/json").path("schema"), doc), doc);
        } else {
            for (String type : List.of("application/json", "text/plain")) {
                findings.check(method, target, http.request(method, target).header("Authorization", auth)
                        .body("{}", type).send(), true);
            }
            findings.check(method, target, http.request(method, target).header("Authorization", auth)
                    .body(MARK + "--x\r\n\r\n", "multipart/form-data; boundary=x").send(), true);
        }
        probeWrongMethod(auth, template, params, baseline, method);
    }

    private void probeJsonBodies(String auth, String method, String target, JsonNode schema, JsonNode doc) {
        List<Object[]> bodies = new ArrayList<>();
        for (String raw : List.of("", "null", "[]", "{", "\"" + MARK + "\"", "{}", "{\"" + MARK + "\":1}", "1", "[{}]")) {
            bodies.add(new Object[] {raw.getBytes(StandardCharsets.UTF_8), "application/json"});
        }
        bodies.add(new Object[] {"{}".getBytes(StandardCharsets.UTF_8), "text/plain"});
        bodies.add(new Object[] {"{}".getBytes(StandardCharsets.UTF_8), "application/xml"});
        bodies.add(new Object[] {"{}".getBytes(StandardCharsets.UTF_8), null});
        bodies.add(new Object[] {"{}".getBytes(StandardCharsets.UTF_8), "application/json; charset=EBCDIC-" + MARK});
        JsonNode props = schema.path("properties");
        List<String> names = new ArrayList<>();
        props.properties().forEach(p -> names.add(p.getKey()));
        if (names.isEmpty()) {
            names.add("title");
        }
        List<String> wrong = List.of("3", "20.9", "1.7", "\"5\"", "\"true\"", "true", "\"+300000-01-01\"",
                "\"-999999999-01-01T00:00:00Z\"", "\"" + MARK + "\\u0000\"", "\"" + MARK + "x".repeat(100_000) + "\"",
                "{}", "[]", "null", "-999999999", "99999999999999999999999", "\"\"", "\"" + MARK + "\\ud800\"",
                "\"2026-02-30\"", "\"\\u202e" + MARK + "\"");
        for (String name : names) {
            for (String value : wrong) {
                bodies.add(new Object[] {("{\"" + name + "\":" + value + "}").getBytes(StandardCharsets.UTF_8),
                        "application/json"});
            }
            bodies.add(new Object[] {bytes("{\"" + name + "\":\"" + MARK, new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}"),
                    "application/json"});
            bodies.add(new Object[] {bytes("{\"" + name + "\":\"" + MARK, new byte[] {(byte) 0xFF}, "\"}"),
                    "application/json"});
        }
        for (Object[] b : bodies) {
            findings.check(method, target + " " + shortBody((byte[]) b[0]), http.request(method, target)
                    .header("Authorization", auth).body((byte[]) b[0], (String) b[1]).send(), true);
        }
        byte[] big = ("{\"title\":\"" + "x".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        RawHttp.Response large = http.request(method, target).header("Authorization", auth).body(big, "application/json").send();
        findings.check(method, target + " (300 KB)", large, true);
        RawHttp.Response chunked = http.request(method, target).header("Authorization", auth)
                .body(big, "application/json").chunked().send();
        findings.check(method, target + " (300 KB chunked)", chunked, true);
        if (chunked.status() != 413) {
            findings.add("an oversized chunked body is not refused with 413", method + " " + target);
        }
    }

    private void probeWrongMethod(String auth, String template, List<JsonNode> params, Map<String, String> baseline,
            String method) {
        if (method.equals("GET") || method.equals("POST")) {
            String other = "PATCH";
            String target = OpenApiProbes.target(template, params, baseline);
            findings.check(other, target, http.request(other, target).header("Authorization", auth)
                    .header("Accept", "application/json").send(), true);
        }
    }

    // --- the pages ---

    private void probePage(String cookie, String csrf, String method, String pattern, Set<String> params) {
        String base = pattern.replace("{action}", "ADD_NOTE").replaceAll("\\{[^}]+}", "999999").replace("/**", "/x");
        for (String pv : PATH_VALUES) {
            if (pattern.contains("{")) {
                String target = pattern.replaceFirst("\\{[^}]+}", pv).replaceAll("\\{[^}]+}", "999999").replace("/**", "/x");
                send(cookie, csrf, method, target, "");
            }
        }
        Set<String> names = new LinkedHashSet<>(params);
        names.addAll(List.of("q", "from", "to", "page", "size", "lang"));
        for (String name : names) {
            for (String value : PAGE_QUERY_VALUES) {
                if (method.equals("GET")) {
                    send(cookie, csrf, method, base + "?" + name + "=" + value, "");
                } else {
                    send(cookie, csrf, method, base, name + "=" + value);
                }
            }
        }
        if (method.equals("GET")) {
            findings.check("PATCH", base, http.request("PATCH", base).header("Cookie", cookie).send(), false);
        } else {
            findings.check(method, base, http.request(method, base).header("Cookie", cookie)
                    .body("_csrf=" + enc(csrf), "application/json").send(), false);
            findings.check(method, base, http.request(method, base).header("Cookie", cookie)
                    .body(("_csrf=" + enc(csrf) + "&q=" + "x".repeat(1_000_000)).getBytes(StandardCharsets.UTF_8),
                            "application/x-www-form-urlencoded").chunked().send(), false);
        }
    }

    private void send(String cookie, String csrf, String method, String target, String form) {
        RawHttp.Request r = http.request(method, target).header("Cookie", cookie).header("Accept", "text/html");
        if (!method.equals("GET")) {
            r.body(("_csrf=" + enc(csrf) + (form.isEmpty() ? "" : "&" + form)), "application/x-www-form-urlencoded");
        }
        findings.check(method, target + (form.isEmpty() ? "" : " " + form), r.send(), false);
    }

    private static Set<String> paramNames(HandlerMethod handler) {
        Set<String> names = new LinkedHashSet<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            if (rp != null && !rp.name().isEmpty()) {
                names.add(rp.name());
            } else if (rp != null && p.getParameterName() != null && !Map.class.isAssignableFrom(p.getParameterType())) {
                names.add(p.getParameterName());
            } else if (p.getParameterType().isRecord() && p.getParameterType().getPackageName().startsWith("org.fengqiao")) {
                for (RecordComponent c : p.getParameterType().getRecordComponents()) {
                    names.add(c.getName());
                }
            }
        }
        if (handler.getMethod().getName().equals("act")) {
            names.addAll(List.of("unitId", "masterCode", "until", "dueOn", "heldAt", "signedOn", "agreementId", "note"));
        }
        return names;
    }

    private static String shortBody(byte[] body) {
        String s = new String(body, StandardCharsets.ISO_8859_1);
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
