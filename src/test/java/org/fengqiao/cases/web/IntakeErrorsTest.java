package org.fengqiao.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.aCase;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.fengqiao.cases.PhoneNumber;
import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;

/**
 * The intake form says everything that is wrong at once, each beside its field, marks what is required, and takes
 * only phone numbers that can be called in China.
 */
@IntegrationTest
class IntakeErrorsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Pages pages;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void everyErrorIsShownAtOnceBesideItsField() throws Exception {
        long before = jdbc.sql("select count(*) from cases").query(Long.class).single();
        String html = mvc.perform(post("/cases/new").with(pages.as("fq.intake")).with(csrf())
                        .param("channel", "WALK_IN").param("kind", "DISPUTE").param("title", "")
                        .param("description", "两户因院墙发生争执").param("regionCode", "")
                        .param("parties[0].role", "APPLICANT").param("parties[0].name", "周八")
                        .param("parties[0].phone", "1390000123").param("parties[0].idNumber", "330681199001011234"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document form = Jsoup.parse(html);
        assertThat(form.select(".is-invalid").eachAttr("name"))
                .containsExactlyInAnyOrder("title", "regionCode", "parties[0].phone", "parties[0].idNumber");
        assertThat(form.select(".invalid-feedback").eachText()).hasSize(4)
                .anySatisfy(t -> assertThat(t).contains("校验位"))
                .anySatisfy(t -> assertThat(t).contains("11位"));
        assertThat(form.select("#form-error").text()).contains("4").contains("标题").contains("当事人电话");
        assertThat(form.select("input#parties0\\.phone").val()).isEqualTo("1390000123");
        assertThat(form.select("label.required").eachAttr("for")).contains("title", "description");
        assertThat(jdbc.sql("select count(*) from cases").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aTenDigitMobileIsRefusedByTheApiNamingTheField() {
        Api.Response r = new Api(port).post("fq.intake", "/api/cases",
                aCase().party("APPLICANT", "张三", "1390000123", null).body());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("parties[0].phone").doesNotContain("1390000123");
    }

    @Test
    void chineseMobileAndLandlineNumbersAreTold() {
        assertThat(PhoneNumber.Check.isValid("13912345678")).isTrue();
        assertThat(PhoneNumber.Check.isValid("+86 139 1234 5678")).isTrue();
        assertThat(PhoneNumber.Check.isValid("0575-87654321")).isTrue();
        assertThat(PhoneNumber.Check.isValid("(010) 6512 3456")).isTrue();
        assertThat(PhoneNumber.Check.isValid("87654321")).isTrue();
        assertThat(PhoneNumber.Check.isValid("400-123-4567")).isTrue();
        assertThat(PhoneNumber.Check.isValid("1390000123")).as("ten digits").isFalse();
        assertThat(PhoneNumber.Check.isValid("12912345678")).as("no 12x mobiles").isFalse();
        assertThat(PhoneNumber.Check.isValid("139123456789")).as("twelve digits").isFalse();
        assertThat(PhoneNumber.Check.isValid("0575-1234")).isFalse();
    }
}
