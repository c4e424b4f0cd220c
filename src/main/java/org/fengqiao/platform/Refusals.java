package org.fengqiao.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How a filter refuses a request before any controller sees it: the status and a message in words go to the
 * error page ({@code platform.web.ErrorPages}), which answers a problem detail for the API and a page for
 * pages, like every other refusal (or in an {@link ErrorFormat} of the address's own).
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
}
