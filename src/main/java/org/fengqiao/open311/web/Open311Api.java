package org.fengqiao.open311.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import tools.jackson.databind.ObjectMapper;

import org.fengqiao.open311.Open311Clients;
import org.fengqiao.open311.Open311Reads;
import org.fengqiao.open311.Open311Refusal;
import org.fengqiao.open311.Open311Requests;
import org.fengqiao.open311.Open311Services;
import org.fengqiao.open311.Open311Submission;
import org.fengqiao.platform.ChinaTime;

/**
 * The GeoReport v2 endpoints, each in XML ({@code .xml}, text/xml) and JSON ({@code .json}): discovery, services,
 * service definitions, POST and GET requests, GET tokens. Errors are GeoReport's list of code and description
 * with the HTTP status the specification names (400, 403 for a missing or wrong api_key, 404), in the format
 * asked for. Left out of the platform's OpenAPI document: GeoReport v2 is its own specification, with its own
 * error format instead of problem details, and announces itself through the discovery document.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class Open311Api {

    private static final MediaType XML = MediaType.parseMediaType(GeoReportErrors.XML);
    private static final MediaType JSON = MediaType.parseMediaType(GeoReportErrors.JSON);
    private static final DateTimeFormatter W3 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Open311Services services;
    private final Open311Requests requests;
    private final Open311Reads reads;
    private final Open311Clients clients;
    private final Open311Limits limits;
    private final MessageSource messages;
    private final ObjectMapper mapper;
    private final GeoReportErrors errors;
    private final String jurisdiction;
    private final String changeset;

    Open311Api(Open311Services services, Open311Requests requests, Open311Reads reads, Open311Clients clients,
               Open311Limits limits, MessageSource messages, ObjectMapper mapper, GeoReportErrors errors,
               @Value("${fengqiao.open311.jurisdiction-id:zhuji.fengqiao}") String jurisdiction,
               @Value("${fengqiao.open311.changeset:2026-12-04T00:00:00+08:00}") String changeset) {
        this.services = services;
        this.requests = requests;
        this.reads = reads;
        this.clients = clients;
        this.limits = limits;
        this.messages = messages;
        this.mapper = mapper;
        this.errors = errors;
        this.jurisdiction = jurisdiction;
        this.changeset = changeset;
    }

    @GetMapping("/open311/discovery.{format}")
    ResponseEntity<String> discovery(@PathVariable String format, Locale locale) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/open311/v2").toUriString();
        var endpoint = GeoReportDocument.members("specification", "http://wiki.open311.org/GeoReport_v2",
                "url", base, "changeset", changeset, "type", "production",
                "formats", new GeoReportDocument.Items("formats", "format", List.of("text/xml", "application/json")));
        return answer(format, new GeoReportDocument.Element("discovery", GeoReportDocument.members(
                "changeset", changeset, "contact", text("open311.discovery.contact", locale),
                "key_service", text("open311.discovery.keyService", locale),
                "endpoints", new GeoReportDocument.Items("endpoints", "endpoint", List.of(endpoint)))));
    }

    @GetMapping("/open311/v2/services.{format}")
    ResponseEntity<String> services(@PathVariable String format,
                                    @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
                                    Locale locale) {
        checkJurisdiction(jurisdictionId);
        List<Map<String, Object>> list = services.list(locale).stream().map(s -> GeoReportDocument.members(
                "service_code", s.code(), "service_name", s.name(), "description", s.description(), "metadata", true,
                "type", "realtime", "keywords", s.keywords(), "group", s.group())).toList();
        return answer(format, new GeoReportDocument.Items("services", "service", list));
    }

    @GetMapping("/open311/v2/services/{code}.{format}")
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
                                      @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
                                      Locale locale) {
        checkJurisdiction(jurisdictionId);
        services.find(code, locale).orElseThrow(() -> Open311Refusal.notFound("open311.error.serviceCodeNotFound"));
        List<Map<String, Object>> attributes = services.attributes(code, locale).stream().map(a ->
                GeoReportDocument.members("variable", true, "code", a.code(), "datatype", a.datatype(),
                        "required", a.required(), "datatype_description", a.datatypeDescription(), "order", a.order(),
                        "description", a.description(), "values", new GeoReportDocument.Items("values", "value",
                                a.values().stream().map(v -> GeoReportDocument.members("key", v.key(), "name", v.name()))
                                        .toList()))).toList();
        return answer(format, new GeoReportDocument.Element("service_definition", GeoReportDocument.members(
                "service_code", code, "attributes", new GeoReportDocument.Items("attributes", "attribute", attributes))));
    }

    @PostMapping(path = "/open311/v2/requests.{format}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> post(@PathVariable String format, HttpServletRequest http, Locale locale) {
        format(format);
        Map<String, String> form = single(http);
        Open311Clients.Acting client = clients.authenticate(form.get("api_key"))
                .orElseThrow(() -> new Open311Refusal(403, "403", "open311.error.apiKey"));
        checkJurisdiction(form.get("jurisdiction_id"));
        if (!limits.tryPost(client.client().id())) {
            throw new Open311Refusal(429, "429", "open311.error.tooMany");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("attribute[") && k.endsWith("]")) {
                attributes.put(k.substring("attribute[".length(), k.length() - 1), v);
            }
        });
        Open311Requests.Submitted done = requests.submit(client, new Open311Submission(form.get("service_code"),
                form.get("lat"), form.get("long"), form.get("address_string"), form.get("address_id"), form.get("email"),
                form.get("device_id"), form.get("account_id"), form.get("first_name"), form.get("last_name"),
                form.get("phone"), form.get("description"), form.get("media_url"), attributes), locale);
        return answer(format, new GeoReportDocument.Items("service_requests", "request", List.of(
                GeoReportDocument.members("service_request_id", done.serviceRequestId(), "token", done.token(),
                        "service_notice", done.serviceNotice(), "account_id", done.accountId()))));
    }

    @GetMapping("/open311/v2/requests.{format}")
    ResponseEntity<String> search(@PathVariable String format, @RequestParam Map<String, String> params, Locale locale) {
        format(format);
        checkJurisdiction(params.get("jurisdiction_id"));
        Instant start = date("start_date", params.get("start_date"));
        Instant end = date("end_date", params.get("end_date"));
        if (start != null && end != null && (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) > Open311Reads.MAX_DAYS)) {
            throw Open311Refusal.badRequest("open311.error.dateRange", Open311Reads.MAX_DAYS);
        }
        Boolean closed = status(params.get("status"));
        int page = number("page", params.get("page"), 1, 1, 100_000);
        int size = number("page_size", params.get("page_size"), Open311Reads.MAX_PAGE_SIZE, 1, Open311Reads.MAX_PAGE_SIZE);
        List<String> ids = list("service_request_id", params.get("service_request_id"));
        List<String> codes = list("service_code", params.get("service_code"));
        var found = reads.search(new Open311Reads.Query(ids, codes, start, end, closed, page, size), locale);
        return answer(format, new GeoReportDocument.Items("service_requests", "request",
                found.stream().map(Open311Api::request).toList()));
    }

    @GetMapping("/open311/v2/requests/{id}.{format}")
    ResponseEntity<String> request(@PathVariable String id, @PathVariable String format,
                                   @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
                                   Locale locale) {
        format(format);
        checkJurisdiction(jurisdictionId);
        var found = reads.find(id, locale).orElseThrow(() -> Open311Refusal.notFound("open311.error.requestNotFound"));
        return answer(format, new GeoReportDocument.Items("service_requests", "request", List.of(request(found))));
    }

    @GetMapping("/open311/v2/tokens/{token}.{format}")
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format,
                                 @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
        format(format);
        checkJurisdiction(jurisdictionId);
        String id = reads.byToken(token).orElseThrow(() -> Open311Refusal.notFound("open311.error.tokenNotFound"));
        return answer(format, new GeoReportDocument.Items("service_requests", "request", List.of(
                GeoReportDocument.members("service_request_id", id, "token", token))));
    }

    /** Anything else under /open311: GeoReport's 404, not the platform's problem detail. */
    @org.springframework.web.bind.annotation.RequestMapping("/open311/**")
    ResponseEntity<String> unknown() {
        throw Open311Refusal.notFound("open311.error.notFound");
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
    ResponseEntity<String> notAForm(HttpServletRequest http, Locale locale) {
        return refused(Open311Refusal.badRequest("open311.error.contentType"), http, locale);
    }

    @ExceptionHandler(org.springframework.web.HttpRequestMethodNotSupportedException.class)
    ResponseEntity<String> wrongMethod(HttpServletRequest http, Locale locale) {
        return refused(Open311Refusal.badRequest("open311.error.method"), http, locale);
    }

    @ExceptionHandler(Open311Refusal.class)
    ResponseEntity<String> refused(Open311Refusal e, HttpServletRequest http, Locale locale) {
        String description = messages.getMessage(e.messageKey(), e.args(), locale);
        var written = errors.write(GeoReportErrors.json(http.getRequestURI()), e.code(), description);
        return ResponseEntity.status(e.status()).contentType(MediaType.parseMediaType(written.contentType()))
                .body(written.body());
    }

    static Map<String, Object> request(Open311Reads.ServiceRequest r) {
        return GeoReportDocument.members("service_request_id", r.serviceRequestId(),
                "status", r.closed() ? "closed" : "open", "status_notes", r.statusNotes(),
                "service_name", r.serviceName(), "service_code", r.serviceCode(), "description", r.description(),
                "agency_responsible", r.agencyResponsible(), "service_notice", null,
                "requested_datetime", w3(r.requested()), "updated_datetime", w3(r.updated()),
                "expected_datetime", w3(r.expected()), "address", r.address(), "address_id", r.addressId(),
                "zipcode", null, "lat", r.lat(), "long", r.lon(), "media_url", r.mediaUrl());
    }

    private static String w3(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).atZone(ChinaTime.ZONE).toOffsetDateTime().format(W3);
    }

    private ResponseEntity<String> answer(String format, Object document) {
        return format(format)
                ? ResponseEntity.ok().contentType(JSON).body(GeoReportDocument.json(document, mapper))
                : ResponseEntity.ok().contentType(XML).body(GeoReportDocument.xml(document));
    }

    /** True for JSON, false for XML; anything else is refused. */
    private static boolean format(String format) {
        return switch (format) {
            case "json" -> true;
            case "xml" -> false;
            default -> throw Open311Refusal.badRequest("open311.error.format");
        };
    }

    private void checkJurisdiction(String given) {
        if (given != null && !given.isBlank() && !given.strip().equals(jurisdiction)) {
            throw Open311Refusal.notFound("open311.error.jurisdiction");
        }
    }

    private static Map<String, String> single(HttpServletRequest http) {
        Map<String, String> form = new LinkedHashMap<>();
        http.getParameterMap().forEach((k, v) -> {
            if (v.length > 1 && !k.endsWith("[]")) {
                throw Open311Refusal.badRequest("open311.error.repeated", k.length() > 40 ? "" : k);
            }
            form.put(k.endsWith("[]") ? k.substring(0, k.length() - 2) : k, String.join(",", v));
        });
        return form;
    }

    private static Instant date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip(), W3).toInstant();
        } catch (DateTimeParseException e) {
            throw Open311Refusal.badRequest("open311.error.date", field);
        }
    }

    private static Boolean status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<String> s = list("status", value);
        if (!s.stream().allMatch(v -> v.equals("open") || v.equals("closed"))) {
            throw Open311Refusal.badRequest("open311.error.status");
        }
        return s.contains("open") && s.contains("closed") ? null : s.contains("closed");
    }

    private static int number(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Open311Refusal.badRequest("open311.error.number", field, min, max);
    }

    private static List<String> list(String field, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> items = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (items.size() > 100 || items.stream().anyMatch(s -> s.length() > 40)) {
            throw Open311Refusal.badRequest("open311.error.list", field);
        }
        return items;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
