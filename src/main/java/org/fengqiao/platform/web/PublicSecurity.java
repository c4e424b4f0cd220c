package org.fengqiao.platform.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The one chain of the citizens' door, {@code /public/**}, before the staff chains; every module serving pages there
 * ({@code citizens}: 随手报 and tracking; {@code openboard}: the board and {@code /public/stats}) is served by it
 * and declares none of its own. Anyone may come, no staff session is read or made (the security context is never
 * loaded from the session, no session is created), CSRF tokens in a cookie of their own on every form, no referrer
 * sent, and a strict content security policy — nothing by default; scripts, styles and connections from the platform
 * only, images also as data: URIs (the QR code), no framing, forms only back to the platform.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PublicSecurity {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @Bean
    @Order(0)
    SecurityFilterChain publicFilterChain(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository csrf = new CookieCsrfTokenRepository();
        csrf.setCookieName("FQ-PUBLIC-XSRF");
        csrf.setCookiePath("/public");
        http.securityMatcher("/public/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(
                        new org.springframework.security.web.context.RequestAttributeSecurityContextRepository()))
                .csrf(c -> c.csrfTokenRepository(csrf))
                .requestCache(r -> r.disable())
                .anonymous(a -> { })
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }
}
