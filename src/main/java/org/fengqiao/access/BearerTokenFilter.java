package org.fengqiao.access;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests carrying {@code Authorization: Bearer fq_…}. A missing or unknown token leaves
 * the request anonymous; the security rules then answer 401.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;

    BearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.resolve(header.substring(7).strip()).ifPresent(actor -> {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(StaffAuthenticationProvider.authenticated(actor));
                SecurityContextHolder.setContext(context);
            });
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
