package org.fengqiao.open311.web;

import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

import org.fengqiao.platform.ErrorFormat;

/**
 * GeoReport v2's error answer — a list of errors, each a code and a description — written once, through
 * {@link GeoReportDocument}, for every refusal under {@code /open311}: the API's own ({@link Open311Api}) and, as the
 * platform's {@link ErrorFormat}, those made before Spring MVC (Tomcat's, the request filters', the error page's).
 * JSON when the address asks for {@code .json}, XML (the specification's first format) otherwise.
 */
@Component
class GeoReportErrors implements ErrorFormat {

    static final String XML = "text/xml;charset=utf-8";
    static final String JSON = "application/json;charset=utf-8";

    private final ObjectMapper mapper;

    GeoReportErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean serves(String uri) {
        return uri.startsWith("/open311/") || uri.equals("/open311");
    }

    /** Whether the address asks for JSON: its last format extension is {@code .json}. */
    static boolean json(String uri) {
        return uri != null && uri.lastIndexOf(".json") > uri.lastIndexOf(".xml");
    }

    @Override
    public Written write(String uri, int status, String description) {
        return write(json(uri), String.valueOf(status), description);
    }

    /** The error list with one error; the code is the HTTP status the specification names, as a number. */
    Written write(boolean json, String code, String description) {
        Object shown = code.matches("\\d{1,3}") ? Integer.valueOf(code) : code;
        var errors = new GeoReportDocument.Items("errors", "error", List.of(
                GeoReportDocument.members("code", shown, "description", description)));
        return json ? new Written(JSON, GeoReportDocument.json(errors, mapper))
                : new Written(XML, GeoReportDocument.xml(errors));
    }
}
