package org.fengqiao.platform;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks every request parameter (query string and form fields) before anything uses it: strict UTF-8 (Tomcat
 * refuses to decode otherwise, which would surface as a 500 deep in a controller), no NUL or other control
 * characters ({@link TextHygiene}: PostgreSQL cannot store NUL), and a length cap — a query parameter is a
 * filter, a code or a number, never more than {@value #MAX_QUERY_VALUE} characters; a form field is at most
 * {@value #MAX_FORM_VALUE}. Individual parameters are checked further where they are declared.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestParameterFilter extends OncePerRequestFilter {

    static final int MAX_QUERY_VALUE = 1000;
    static final int MAX_FORM_VALUE = 20_000;
    static final int MAX_NAME = 100;

    private final ProblemMessages problems;

    RequestParameterFilter(ProblemMessages problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            // parts are read by the multipart resolver later; only the query string is checked here
            String refusal = checkQuery(request.getQueryString());
            if (refusal != null) {
                Refusals.refuse(request, response, 400, null, refusal);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        Map<String, String[]> params;
        try {
            params = request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Tomcat's InvalidParameterException: bytes that are not UTF-8, or too many parameters
            Refusals.refuse(request, response, 400, null, problems.text("input.param.undecodable"));
            return;
        }
        boolean form = type.startsWith("application/x-www-form-urlencoded");
        for (var e : params.entrySet()) {
            String refusal = check(e.getKey(), e.getValue(), form ? MAX_FORM_VALUE : MAX_QUERY_VALUE);
            if (refusal != null) {
                Refusals.refuse(request, response, 400, safeName(e.getKey()), refusal);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private String checkQuery(String query) {
        if (query == null) {
            return null;
        }
        try {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                // malformed UTF-8 decodes to U+FFFD, which check() refuses; a broken %-escape throws
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                String refusal = check(name, new String[] {value}, MAX_QUERY_VALUE);
                if (refusal != null) {
                    return refusal;
                }
            }
        } catch (IllegalArgumentException e) {
            return problems.text("input.param.undecodable");
        }
        return null;
    }

    private String check(String name, String[] values, int max) {
        if (name.length() > MAX_NAME || !TextHygiene.isClean(name) || name.indexOf('\uFFFD') >= 0) {
            return problems.text("input.param.badName");
        }
        for (String v : values) {
            if (v == null) {
                continue;
            }
            if (v.length() > max) {
                return problems.text("input.param.tooLong", safeName(name), max);
            }
            if (!TextHygiene.isClean(v) || v.indexOf('\uFFFD') >= 0) {
                return problems.text("input.param.invalidText", safeName(name));
            }
        }
        return null;
    }

    /** Parameter names are echoed only when they are plain identifiers (the ones the platform defines). */
    private static String safeName(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_.\\[\\]-]{0,60}") ? name : "?";
    }
}
