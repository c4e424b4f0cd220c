package org.fengqiao.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How a filter refuses a request before any controller sees it: the status and a message in words go to the
 * error page ({@code platform.web.ErrorPages}), which answers a problem detail for the API and a page for
 * pages, like every other refusal.
 */
public final class Refusals {

    /** Request attribute holding the refusal's message, already in the caller's language. */
    public static final String MESSAGE = Refusals.class.getName() + ".message";
    /** Request attribute holding the name of the field or parameter refused, if any. */
    public static final String FIELD = Refusals.class.getName() + ".field";

    private Refusals() {
    }

    public static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String field,
            String message) throws IOException {
        request.setAttribute(MESSAGE, message);
        if (field != null) {
            request.setAttribute(FIELD, field);
        }
        response.sendError(status);
    }

    /** Whether the request is for the API (problem details) rather than a page. */
    public static boolean isApi(String uri) {
        return uri != null && (uri.startsWith("/api/") || uri.equals("/api") || uri.startsWith("/v3/api-docs"));
    }

    /** Whether the address is the Open311 GeoReport v2 server's, whose refusals have a format of their own. */
    public static boolean isOpen311(String uri) {
        return uri != null && (uri.startsWith("/open311/") || uri.equals("/open311"));
    }

    /**
     * A refusal in GeoReport v2's own error format: a list of errors, each a code and a description, as XML when
     * the address asks for XML ({@code .xml}), as JSON otherwise. The description is one of the platform's
     * messages, never a value sent.
     */
    public static Open311Error open311(String uri, int status, String description) {
        boolean xml = uri != null && uri.contains(".xml");
        if (xml) {
            return new Open311Error("text/xml;charset=UTF-8", "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                    + "<errors><error><code>" + status + "</code><description>" + description.replace("&", "&amp;")
                    .replace("<", "&lt;").replace(">", "&gt;") + "</description></error></errors>");
        }
        return new Open311Error("application/json;charset=UTF-8", "[{\"code\":" + status + ",\"description\":\""
                + description.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}]");
    }

    /** An Open311 error answer's content type and body. */
    public record Open311Error(String contentType, String body) {
    }
}
