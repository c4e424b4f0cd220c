package org.fengqiao.access;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
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
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
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
    SecurityFilterChain pageSecurity(HttpSecurity http, LoginHandlers loginHandlers,
                                     @Value("${fengqiao.map.tile-url:}") String tiles) throws Exception {
        var failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?throttled"));
        // the OpenAPI document maps every administrator operation: staff only, like the pages
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/webjars/**", "/assets/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/error")
                        .permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(loginHandlers).failureHandler(failures)
                        .permitAll())
                .addFilterAfter(new AccountGate.Filter(), AuthorizationFilter.class)
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
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(tiles))));
        return http.build();
    }

    /** Images from the platform itself, data: URIs (QR codes, charts) and the configured map tile server only. */
    static String contentSecurityPolicy(String tileUrl) {
        String tiles = "";
        if (tileUrl != null && !tileUrl.isBlank()) {
            // a template such as https://{s}.tile.example.org/{z}/{x}/{y}.png: its scheme and host (any subdomain)
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(https?)://([^/]+)").matcher(tileUrl.strip());
            if (m.find()) {
                String host = m.group(2).replaceAll("\\{[^}]*}", "*").replaceAll("[^A-Za-z0-9.*:-]", "");
                tiles = " " + m.group(1) + "://" + host;
            }
        }
        return "default-src 'self'; img-src 'self' data: blob:" + tiles + "; style-src 'self' 'unsafe-inline'; "
                + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
                + "base-uri 'self'; object-src 'none'";
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
