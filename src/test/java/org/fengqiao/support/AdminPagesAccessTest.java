package org.fengqiao.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;

/**
 * The administration pages are for administrators only: everyone else gets a 403 on every page and form,
 * and an administrator finds the same sub-navigation on each.
 */
@IntegrationTest
class AdminPagesAccessTest {

    static final List<String> PAGES = List.of("/admin/users", "/admin/users/new", "/admin/units", "/admin/units/new",
            "/admin/categories", "/admin/routing", "/admin/routing/new", "/admin/deadlines", "/admin/deadlines/new",
            "/admin/deadlines/HANDLE_DEFAULT", "/admin/calendar", "/admin/sms", "/admin/records", "/admin/open311");

    static final List<String> FORMS = List.of("/admin/users/new", "/admin/units/new", "/admin/routing/new",
            "/admin/routing/NEIGHBOUR-V/active", "/admin/deadlines/new", "/admin/deadlines/HANDLE_DEFAULT",
            "/admin/calendar/days", "/admin/calendar/days/2026-10-01/delete", "/admin/categories/import", "/admin/open311");

    @Autowired
    WebApplicationContext context;

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(context);
    }

    @Test
    void nonAdministratorsGetA403OnEveryAdminPageAndForm() throws Exception {
        for (String user : List.of("fq.dispatcher", "county.leader", "fengyuan.grid")) {
            for (String page : PAGES) {
                assertThat(pages.mvc.perform(get(page).with(pages.as(user))).andReturn().getResponse().getStatus())
                        .as(user + " GET " + page).isEqualTo(403);
            }
            for (String form : FORMS) {
                assertThat(pages.mvc.perform(post(form).param("active", "false").with(pages.as(user)).with(csrf()))
                        .andReturn().getResponse().getStatus()).as(user + " POST " + form).isEqualTo(403);
            }
        }
    }

    @Test
    void administratorsSeeEveryAdminPageWithTheAdminTabs() throws Exception {
        for (String page : PAGES) {
            var response = pages.mvc.perform(get(page).with(pages.as("admin"))).andReturn().getResponse();
            assertThat(response.getStatus()).as(page).isEqualTo(200);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(page)
                    .contains("系统管理").contains("用户与角色").contains("工作日历").contains("href=\"/admin/routing\"");
        }
    }

    @Test
    void theAdminPagesSpeakEnglishToAnEnglishUser() throws Exception {
        String html = pages.mvc.perform(get("/admin/deadlines").param("lang", "en").with(pages.as("admin")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Administration").contains("Working-day calendar").contains("Handling")
                .doesNotContain("办理时限");
    }
}
