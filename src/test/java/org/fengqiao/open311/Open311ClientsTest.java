package org.fengqiao.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;

/**
 * Administrators issue a key per client system on {@code /admin/open311} (shown once, stored as a digest) and
 * revoke it; a revoked key is refused at once with GeoReport's 403; each key may post only so often.
 */
@IntegrationTest
class Open311ClientsTest {

    @LocalServerPort
    int port;

    @Autowired
    Pages pages;

    @Autowired
    Open311Clients clients;

    @Autowired
    JdbcClient jdbc;

    Open311ConformanceTest.Answer postWithKey(String key) throws Exception {
        Open311ConformanceTest client = new Open311ConformanceTest();
        client.port = port;
        Map<String, String> form = Open311ConformanceTest.aRequest();
        form.put("api_key", key);
        return client.post("/open311/v2/requests.json", form);
    }

    @Test
    void anIssuedKeyIsShownOnceStoredAsADigestAndStopsWorkingWhenRevoked() throws Exception {
        MvcResult issued = pages.mvc.perform(post("/admin/open311").with(pages.as("admin")).with(csrf())
                .param("name", "测试 App").param("actingUsername", "fq.intake")).andReturn();
        assertThat(issued.getResponse().getRedirectedUrl()).isEqualTo("/admin/open311");
        String key = (String) issued.getFlashMap().get("issuedKey");
        assertThat(key).startsWith("o311_").hasSizeGreaterThan(40);
        String page = pages.mvc.perform(get("/admin/open311").with(pages.as("admin"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("测试 App").doesNotContain(key);
        assertThat(jdbc.sql("select encode(key_hash, 'hex') from open311_client where name = ?").param("测试 App")
                .query(String.class).single()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))));

        assertThat(postWithKey(key).status()).isEqualTo(200);
        long id = clients.list().stream().filter(c -> c.name().equals("测试 App")).findFirst().orElseThrow().id();
        pages.mvc.perform(post("/admin/open311/" + id + "/revoke").with(pages.as("admin")).with(csrf()));
        Open311ConformanceTest.Answer refused = postWithKey(key);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get(0).get("code").asString()).isEqualTo("403");
    }

    @Test
    void aClientMustActAsAnActiveIntakeAccountAndOnlyAdministratorsIssueKeys() throws Exception {
        MvcResult refused = pages.mvc.perform(post("/admin/open311").with(pages.as("admin")).with(csrf())
                .param("name", "无受理权限").param("actingUsername", "fq.supervisor")).andReturn();
        assertThat((String) refused.getFlashMap().get("error")).contains("受理");
        assertThat(clients.list()).noneMatch(c -> c.name().equals("无受理权限"));
        assertThat(pages.mvc.perform(get("/admin/open311").with(pages.as("fq.supervisor"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    @Test
    void aKeyThatPostsTooOftenIsToldToWait() throws Exception {
        String key = clients.issue("限流测试", "fq.intake", 1).key();
        int limited = 0;
        for (int i = 0; i < 65 && limited == 0; i++) {
            if (postWithKey(key).status() == 429) {
                limited = i + 1;
            }
        }
        assertThat(limited).as("the 61st post in a minute is refused").isEqualTo(61);
    }
}
