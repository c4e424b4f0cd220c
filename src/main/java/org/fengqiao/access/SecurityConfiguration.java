package org.fengqiao.access;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Two doors: the API ({@code /api/**}) takes bearer tokens and keeps no session; the pages use a login form,
 * a session and CSRF tokens on every form.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, MessageSource messages, LocaleResolver locales)
            throws Exception {
        http.securityMatcher("/api/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAt(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/auth/token").permitAll()
                        .requestMatchers("/api/public/**").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) ->
                                problem(res, 401, "problem.unauthenticated", messages, locales.resolveLocale(req)))
                        .accessDeniedHandler((req, res, ex) ->
                                problem(res, 403, "problem.forbidden", messages, locales.resolveLocale(req))));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/webjars/**", "/assets/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error")
                        .permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/workbench", false).permitAll())
                // a panel or form fetched by htmx after the session ended: send the whole page to the login
                // instead of letting htmx put the login page inside the panel
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor((req, res, ex) -> {
                    new HttpSessionRequestCache().removeRequest(req, res); // not back to a fragment after login
                    res.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    res.setHeader("HX-Redirect", req.getContextPath() + "/login");
                }, new RequestHeaderRequestMatcher("HX-Request", "true"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE))
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data: blob: https:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    static void problem(HttpServletResponse res, int status, String key, MessageSource messages, Locale locale)
            throws IOException {
        res.setStatus(status);
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        String title = messages.getMessage("problem.title." + status, null, locale);
        String detail = messages.getMessage(key, null, locale);
        res.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"" + title
                + "\",\"detail\":\"" + detail + "\"}");
    }
}
