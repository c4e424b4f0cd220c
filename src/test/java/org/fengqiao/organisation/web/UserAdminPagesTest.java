package org.fengqiao.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

import org.fengqiao.organisation.Role;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.StaffUser;
import org.fengqiao.organisation.Units;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;

/**
 * Administrators create staff users with a unit, roles and an initial password, change their roles, switch
 * them off and on and set new passwords; bad input is refused next to the field.
 */
@IntegrationTest
class UserAdminPagesTest {

    static final String PASSWORD = "Chushi@2026";

    @Autowired
    WebApplicationContext context;

    @Autowired
    Staff staff;

    @Autowired
    Units units;

    Pages pages;
    String username;
    long unitId;

    @BeforeEach
    void setUp() {
        pages = new Pages(context);
        username = "test.user" + (System.nanoTime() % 1_000_000_000L);
        unitId = units.findByCode("FQ-SFS").orElseThrow().id();
    }

    @Test
    void createsAUserWithUnitRolesAndAnInitialPasswordTheyCanSignInWith() throws Exception {
        MvcResult created = create(username, "新调解员", PASSWORD, "HANDLER", "MEDIATOR");

        StaffUser user = staff.findByUsername(username).orElseThrow();
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + user.id());
        assertThat(created.getFlashMap().get("success")).isEqualTo("已创建用户 " + username + "。");
        assertThat(user.unitId()).isEqualTo(unitId);
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.HANDLER, Role.MEDIATOR);
        assertThat(staff.authenticate(username, PASSWORD)).isPresent();
        assertThat(html(get("/admin/users").param("q", username))).contains(username).contains("新调解员")
                .contains("枫桥司法所").contains("承办人").contains("调解员");
    }

    @Test
    void refusesADuplicateUsernameAWeakPasswordAndAMissingRoleNextToTheField() throws Exception {
        MockHttpServletResponse duplicate = create("fq.intake", "重名", PASSWORD, "INTAKE").getResponse();
        assertThat(duplicate.getStatus()).isEqualTo(200);
        assertThat(duplicate.getContentAsString(StandardCharsets.UTF_8))
                .containsPattern(Pages.invalid("username", "用户名 fq.intake 已被使用。"));
        assertThat(body(create(username, "弱密码", "123", "INTAKE")))
                .containsPattern(Pages.invalid("password", "密码长度须为8至128位。"));
        assertThat(body(create(username, "无角色", PASSWORD))).contains("至少需要一个角色。");
        assertThat(body(create("Bad Name!", "坏用户名", PASSWORD, "INTAKE"))).contains("用户名须为3至40位小写字母");
        assertThat(staff.findByUsername(username)).isEmpty();
    }

    @Test
    void changesRolesDeactivatesActivatesAndSetsANewPassword() throws Exception {
        create(username, "待调整", PASSWORD, "HANDLER");
        long id = staff.findByUsername(username).orElseThrow().id();

        MvcResult roles = pages.mvc.perform(post("/admin/users/" + id + "/roles").param("roles", "INTAKE", "DISPATCHER")
                .with(pages.as("admin")).with(csrf())).andReturn();
        assertThat(roles.getFlashMap().get("success")).asString().contains("下次登录时生效");
        assertThat(staff.find(id).orElseThrow().roles()).isEqualTo(Set.of(Role.INTAKE, Role.DISPATCHER));
        assertThat(body(pages.mvc.perform(post("/admin/users/" + id + "/roles").with(pages.as("admin")).with(csrf()))
                .andReturn())).contains("至少需要一个角色。");

        pages.mvc.perform(post("/admin/users/" + id + "/active").param("active", "false").with(pages.as("admin"))
                .with(csrf()));
        assertThat(staff.authenticate(username, PASSWORD)).isEmpty();
        assertThat(html(get("/admin/users/" + id))).contains("启用账号");
        pages.mvc.perform(post("/admin/users/" + id + "/active").param("active", "true").with(pages.as("admin"))
                .with(csrf()));
        assertThat(staff.authenticate(username, PASSWORD)).isPresent();

        assertThat(body(pages.mvc.perform(post("/admin/users/" + id + "/password").param("password", "short")
                .param("repeat", "short").with(pages.as("admin")).with(csrf())).andReturn()))
                .contains("密码长度须为8至128位。");
        assertThat(body(pages.mvc.perform(post("/admin/users/" + id + "/password").param("password", "Xinmima@2026")
                .param("repeat", "Different@2026").with(pages.as("admin")).with(csrf())).andReturn()))
                .contains("两次输入的新密码不一致");
        pages.mvc.perform(post("/admin/users/" + id + "/password").param("password", "Xinmima@2026")
                .param("repeat", "Xinmima@2026").with(pages.as("admin")).with(csrf()));
        assertThat(staff.authenticate(username, "Xinmima@2026")).isPresent();
        assertThat(staff.authenticate(username, PASSWORD)).isEmpty();
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() throws Exception {
        long admin = staff.findByUsername("admin").orElseThrow().id();
        assertThat(body(pages.mvc.perform(post("/admin/users/" + admin + "/roles").param("roles", "SUPERVISOR")
                .with(pages.as("admin")).with(csrf())).andReturn())).contains("不能取消自己的管理员角色");
        MvcResult off = pages.mvc.perform(post("/admin/users/" + admin + "/active").param("active", "false")
                .with(pages.as("admin")).with(csrf())).andReturn();
        assertThat(off.getFlashMap().get("error")).isEqualTo("不能停用自己的账号。");
        assertThat(staff.find(admin).orElseThrow().active()).isTrue();
        assertThat(staff.find(admin).orElseThrow().roles()).contains(Role.ADMIN);
    }

    @Test
    void aGridWorkersGridMustLieInTheirUnitsRegion() throws Exception {
        assertThat(body(pages.mvc.perform(post("/admin/users/new").param("username", username)
                .param("displayName", "网格员").param("unitId", Long.toString(unitId)).param("roles", "GRID_WORKER")
                .param("password", PASSWORD).param("gridCode", "330681109999999")
                .with(pages.as("admin")).with(csrf())).andReturn())).contains("330681109999999 不是已登记的网格代码。");
        assertThat(staff.findByUsername(username)).isEmpty();
    }

    private MvcResult create(String user, String name, String password, String... roles) throws Exception {
        MockHttpServletRequestBuilder request = post("/admin/users/new").param("username", user)
                .param("displayName", name).param("unitId", Long.toString(unitId)).param("password", password);
        if (roles.length > 0) {
            request.param("roles", roles);
        }
        return pages.mvc.perform(request.with(pages.as("admin")).with(csrf())).andReturn();
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return body(pages.mvc.perform(request.with(pages.as("admin"))).andReturn());
    }

    static String body(MvcResult result) throws Exception {
        return result == null ? null : result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
