package org.fengqiao.deadlines.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

import org.fengqiao.deadlines.WorkingCalendar;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;

/**
 * The working-day calendar page lists a year's holidays and make-up workdays with their names, adds, changes
 * and removes a day, and shows what that does to a deadline.
 */
@IntegrationTest
class CalendarAdminPagesTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    WorkingCalendar calendar;

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(context);
    }

    @Test
    void listsTheYearsHolidaysAndMakeUpWorkdaysWithTheirNames() throws Exception {
        String html = html("/admin/calendar?year=2026&from=2026-09-30&days=3");
        assertThat(html).contains("2026 年工作日历").contains("2026-10-01").contains("国庆").contains("2026-10-10")
                .contains("调休上班").contains("放假").contains("cal-holiday").contains("cal-workday");
        // 9-30 + 3 working days: Oct 1–7 are off, Oct 8 and 9 are working days, Oct 10 (Sat) is a make-up workday
        assertThat(html).contains("2026-09-30 + 3 个工作日 = 2026-10-10");
    }

    @Test
    void addingAHolidayMovesDeadlinesAndRemovingItRestoresThem() throws Exception {
        LocalDate day = LocalDate.of(2030, 10, 9);
        assertThat(html("/admin/calendar?year=2030&from=2030-10-08&days=3")).contains("2030-10-08 + 3 个工作日 = 2030-10-11");
        try {
            MvcResult saved = pages.mvc.perform(post("/admin/calendar/days").param("day", day.toString())
                    .param("kind", "HOLIDAY").param("name", "测试假日").with(pages.as("admin")).with(csrf())).andReturn();
            assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/calendar?year=2030&from=" + day);
            assertThat(saved.getFlashMap().get("success")).isEqualTo("已将 2030-10-09 设为放假（测试假日）。");
            assertThat(calendar.isWorkingDay(day)).isFalse();
            assertThat(html("/admin/calendar?year=2030&from=2030-10-08&days=3")).contains("测试假日")
                    .contains("2030-10-08 + 3 个工作日 = 2030-10-14");

            pages.mvc.perform(post("/admin/calendar/days").param("day", day.toString()).param("kind", "WORKDAY")
                    .param("name", "改为上班").with(pages.as("admin")).with(csrf()));
            assertThat(calendar.specialDay(day).orElseThrow().name()).isEqualTo("改为上班");

            pages.mvc.perform(post("/admin/calendar/days/" + day + "/delete").with(pages.as("admin")).with(csrf()));
            assertThat(calendar.specialDay(day)).isEmpty();
            assertThat(html("/admin/calendar?year=2030&from=2030-10-08&days=3")).contains("2030-10-08 + 3 个工作日 = 2030-10-11");
        } finally {
            calendar.clearSpecialDay(day);
        }
    }

    @Test
    void refusesADayWithoutANameOrADateNextToTheField() throws Exception {
        assertThat(body(post("/admin/calendar/days").param("day", "2030-10-09").param("kind", "HOLIDAY").param("name", "")))
                .containsPattern(Pages.invalid("name", "名称不能为空"));
        assertThat(body(post("/admin/calendar/days").param("day", "not-a-date").param("kind", "HOLIDAY")
                .param("name", "假日"))).contains("请填写有效的日期。");
        assertThat(calendar.specialDay(LocalDate.of(2030, 10, 9))).isEmpty();
    }

    private String html(String url) throws Exception {
        return pages.mvc.perform(get(url).with(pages.as("admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return pages.mvc.perform(request.with(pages.as("admin")).with(csrf())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
