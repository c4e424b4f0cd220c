package org.fengqiao.platform;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized non-upload request bodies before anything reads them. Uploads have their own limits
 * ({@code spring.servlet.multipart.*}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final MessageSource messages;

    RequestSizeLimitFilter(@Value("${fengqiao.api.max-body-bytes:262144}") long maxBytes, MessageSource messages) {
        this.maxBytes = maxBytes;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/") && request.getContentLengthLong() > maxBytes) {
            Locale locale = LocaleContextHolder.getLocale();
            String detail = messages.getMessage("problem.bodyTooLarge", new Object[] {maxBytes / 1024}, locale);
            String title = messages.getMessage("problem.title.413", null, locale);
            response.setStatus(413);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"status\":413,\"title\":\"" + title
                    + "\",\"detail\":\"" + detail + "\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
