package org.fengqiao.open311.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The Open311 door ({@code /open311/**}): no session, no CSRF token (other systems post forms with an API key,
 * checked per call by the API itself, as the specification has it), nothing of the staff side reachable.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class Open311Security {

    @Bean
    @Order(0)
    SecurityFilterChain open311FilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/open311/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(AbstractHttpConfigurer::disable)
                .anonymous(a -> { })
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }
}
