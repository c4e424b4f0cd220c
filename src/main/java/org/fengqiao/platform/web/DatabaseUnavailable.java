package org.fengqiao.platform.web;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * An instance that cannot reach its database answers 503 with a page saying so (a problem detail for the API) and
 * {@code Retry-After}, instead of an error page naming nothing; the connection pool reconnects by itself, so the
 * instance recovers without a restart. Placed before the page-session filter, which is the first to need the
 * database. A load balancer's health check ({@code /actuator/health}) sees the same and takes the instance out.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class DatabaseUnavailable extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    private final MessageSource messages;

    DatabaseUnavailable(MessageSource messages) {
        this.messages = messages;
    }

    /** Whether the failure is the database being out of reach (rather than a bug or a refusal). */
    public static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** Also on the error dispatch: a failure that reached the container (thrown after the filters) ends there. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR) {
            if (isCause((Throwable) request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION))
                    && !response.isCommitted()) {
                log.warn("Database unreachable: {} answered 503", request.getAttribute(
                        jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI));
                write(request, response);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!isCause(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unreachable: {} answered 503", request.getRequestURI());
            write(request, response);
        }
    }

    private void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Chinese first: English only for a browser that asks for it (no session or locale cookie can be read now)
        String accepted = request.getHeader("Accept-Language");
        Locale locale = accepted != null && accepted.strip().toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        String title = messages.getMessage("scale.unavailable.title", null, locale);
        String text = messages.getMessage("scale.unavailable.text", null, locale);
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding("UTF-8");
        Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String o ? o : request.getRequestURI();
        if (uri.startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"title\":\"" + json(title) + "\",\"status\":503,\"detail\":\""
                    + json(text) + "\"}");
            return;
        }
        response.setContentType("text/html");
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + (locale == Locale.ENGLISH ? "en" : "zh-CN")
                + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,"
                + " initial-scale=1\"><meta http-equiv=\"refresh\" content=\"" + RETRY_AFTER_SECONDS + "\"><title>"
                + HtmlUtils.htmlEscape(title) + "</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;"
                + "margin:4rem auto;padding:0 1rem;color:#212529}h1{font-size:1.4rem}</style></head><body><main>"
                + "<h1>" + HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(text) + "</p><p><a href=\"\">"
                + HtmlUtils.htmlEscape(messages.getMessage("scale.unavailable.retry", null, locale))
                + "</a></p></main></body></html>");
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
