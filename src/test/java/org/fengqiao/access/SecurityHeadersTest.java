package org.fengqiao.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.fengqiao.support.IntegrationTest;

/**
 * The session cookie is SameSite and (behind TLS) Secure; pages send a Referrer-Policy and a CSP that loads
 * images only from the platform, data: URIs and the configured tile server, with base-uri locked; the OpenAPI
 * document and Swagger UI are for signed-in staff only.
 */
@IntegrationTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void theSessionCookieIsSameSiteHttpOnlyAndSecureBehindTls() {
        WebClient plain = new WebClient(port, Accounts.anAddress());
        String cookie = plain.get("/login").header("Set-Cookie");
        assertThat(cookie).contains("SESSION=").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly")
                .doesNotContainIgnoringCase("Secure");

        WebClient proxied = new WebClient(port, Accounts.anAddress());
        String tls = proxied.send(proxied.request("/login").header("X-Forwarded-Proto", "https").GET())
                .header("Set-Cookie");
        assertThat(tls).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("; Secure");
    }

    @Test
    void pagesSendAReferrerPolicyAndAContentSecurityPolicyWithoutImagesFromAnyHost() {
        WebClient.Page login = new WebClient(port, Accounts.anAddress()).get("/login");
        assertThat(login.header("Referrer-Policy")).isEqualTo("same-origin");
        String csp = login.header("Content-Security-Policy");
        assertThat(csp).contains("img-src 'self' data: blob:;").doesNotContain("https:").contains("base-uri 'self'");
    }

    @Test
    void theConfiguredTileServerIsTheOnlyOtherImageSource() {
        assertThat(SecurityConfiguration.contentSecurityPolicy("https://{s}.tile.example.org/{z}/{x}/{y}.png"))
                .contains("img-src 'self' data: blob: https://*.tile.example.org;");
        assertThat(SecurityConfiguration.contentSecurityPolicy("https://tiles.example.cn:8443/{z}/{x}/{y}.png"))
                .contains("img-src 'self' data: blob: https://tiles.example.cn:8443;");
    }

    @Test
    void theApiDocumentAndSwaggerUiNeedAStaffSignIn() {
        WebClient anonymous = new WebClient(port, Accounts.anAddress());
        assertThat(anonymous.get("/v3/api-docs").location()).endsWith("/login");
        assertThat(anonymous.get("/swagger-ui/index.html").location()).endsWith("/login");

        WebClient staff = new WebClient(port, Accounts.anAddress());
        staff.signIn("fq.intake", "Fengqiao@2026");
        WebClient.Page doc = staff.get("/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.html()).contains("/api/cases");
    }
}
