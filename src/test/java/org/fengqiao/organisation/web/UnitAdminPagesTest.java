package org.fengqiao.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.organisation.web.UserAdminPagesTest.body;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.UnitKind;
import org.fengqiao.organisation.Units;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;

/**
 * Administrators list units by level, create one of a kind in a region, rename it and switch it off; a bad
 * code or an unknown region is refused next to the field.
 */
@IntegrationTest
class UnitAdminPagesTest {

    static final String VILLAGE = "330681109290";

    @Autowired
    WebApplicationContext context;

    @Autowired
    Units units;

    Pages pages;
    String code;

    @BeforeEach
    void setUp() {
        pages = new Pages(context);
        code = "TEST-" + (System.nanoTime() % 1_000_000_000L);
    }

    @Test
    void listsUnitsByLevelWithTheirKindAndRegion() throws Exception {
        String html = body(pages.mvc.perform(get("/admin/units").with(pages.as("admin"))).andReturn());
        assertThat(html).contains("县级").contains("乡镇（街道）").contains("村（社区）").contains("枫桥镇社会治理中心")
                .contains("综治中心").contains("诸暨市 › 枫桥镇");
        assertThat(html.indexOf("县级")).isLessThan(html.indexOf("乡镇（街道）"));
    }

    @Test
    void createsAUnitOfAKindInARegion() throws Exception {
        MvcResult created = create(code, "枫源村法律服务点", "LEGAL_AID", VILLAGE);
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/units");
        Unit unit = units.findByCode(code).orElseThrow();
        assertThat(unit.name()).isEqualTo("枫源村法律服务点");
        assertThat(unit.kind()).isEqualTo(UnitKind.LEGAL_AID);
        assertThat(unit.regionCode().value()).isEqualTo(VILLAGE);
        assertThat(unit.active()).isTrue();
        assertThat(body(pages.mvc.perform(get("/admin/units").with(pages.as("admin"))).andReturn()))
                .contains("枫源村法律服务点").contains("法律援助中心");
    }

    @Test
    void refusesABadCodeADuplicateCodeAndAnUnknownRegionNextToTheField() throws Exception {
        assertThat(body(create("坏 代码", "测试单位", "OTHER", VILLAGE)))
                .containsPattern(Pages.invalid("code", "单位代码须为2至40位"));
        assertThat(body(create("FQ-SFS", "测试单位", "OTHER", VILLAGE))).contains("单位代码 FQ-SFS 已被使用。");
        assertThat(body(create(code, "测试单位", "OTHER", "330681109999")))
                .containsPattern(Pages.invalid("regionCode", "区划代码不存在。"));
        assertThat(body(create(code, "", "OTHER", VILLAGE))).contains("单位名称不能为空");
        assertThat(units.findByCode(code)).isEmpty();
    }

    @Test
    void renamesADeactivatesAUnitAndSwitchesItOnAgain() throws Exception {
        create(code, "临时单位", "OTHER", VILLAGE);
        long id = units.findByCode(code).orElseThrow().id();
        assertThat(body(pages.mvc.perform(get("/admin/units/" + id).with(pages.as("admin"))).andReturn()))
                .contains("临时单位").contains("诸暨市 › 枫桥镇 › 枫源村");

        pages.mvc.perform(post("/admin/units/" + id).param("name", "改名后的单位").with(pages.as("admin")).with(csrf()));
        Unit off = units.find(id).orElseThrow();
        assertThat(off.name()).isEqualTo("改名后的单位");
        assertThat(off.active()).isFalse();

        pages.mvc.perform(post("/admin/units/" + id).param("name", "改名后的单位").param("active", "true")
                .with(pages.as("admin")).with(csrf()));
        assertThat(units.find(id).orElseThrow().active()).isTrue();
        assertThat(body(pages.mvc.perform(post("/admin/units/" + id).param("name", " ").with(pages.as("admin"))
                .with(csrf())).andReturn())).contains("单位名称不能为空");
    }

    @Test
    void recordsAUnitsPublicTelephoneAndRefusesANumberThatIsNotChinese() throws Exception {
        MvcResult tenDigits = pages.mvc.perform(post("/admin/units/new").param("code", code).param("name", "带电话的单位")
                .param("kind", "OTHER").param("regionCode", VILLAGE).param("phone", "1391234567")
                .with(pages.as("admin")).with(csrf())).andReturn();
        assertThat(body(tenDigits)).containsPattern(Pages.invalid("phone", "对外电话须为手机号"))
                .as("what was typed is kept").contains("value=\"带电话的单位\"");
        assertThat(units.findByCode(code)).as("nothing half-written").isEmpty();

        pages.mvc.perform(post("/admin/units/new").param("code", code).param("name", "带电话的单位").param("kind", "OTHER")
                .param("regionCode", VILLAGE).param("phone", "0575-87654321").with(pages.as("admin")).with(csrf()));
        long id = units.findByCode(code).orElseThrow().id();
        assertThat(units.phoneOf(id)).contains("0575-87654321");
        assertThat(body(pages.mvc.perform(get("/admin/units/" + id).with(pages.as("admin"))).andReturn()))
                .contains("value=\"0575-87654321\"");

        assertThat(body(pages.mvc.perform(post("/admin/units/" + id).param("name", "带电话的单位").param("active", "true")
                .param("phone", "12345").with(pages.as("admin")).with(csrf())).andReturn()))
                .containsPattern(Pages.invalid("phone", "对外电话须为手机号"));
        assertThat(units.phoneOf(id)).contains("0575-87654321");

        pages.mvc.perform(post("/admin/units/" + id).param("name", "带电话的单位").param("active", "true")
                .param("phone", "13912345678").with(pages.as("admin")).with(csrf()));
        assertThat(units.phoneOf(id)).contains("13912345678");
    }

    private MvcResult create(String unitCode, String name, String kind, String region) throws Exception {
        return pages.mvc.perform(post("/admin/units/new").param("code", unitCode).param("name", name)
                .param("kind", kind).param("regionCode", region).with(pages.as("admin")).with(csrf())).andReturn();
    }
}
