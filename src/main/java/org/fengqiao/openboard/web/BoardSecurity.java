package org.fengqiao.openboard.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The board's public door ({@code /public/board/**}, {@code /public/stats}): no staff session and no session at
 * all (the CSRF token of the "me too" form lives in a cookie), a strict content security policy (no inline script
 * or style, nothing from elsewhere). Until the public side's own {@code /public/**} chain is merged, this covers
 * the board's paths only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class BoardSecurity {

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @Bean
    @Order(0)
    SecurityFilterChain boardFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/public/board", "/public/board/**", "/public/stats", "/public/stats/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.csrfTokenRepository(new CookieCsrfTokenRepository()))
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }
}
