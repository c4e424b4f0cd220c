package org.fengqiao.deadlines.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;

import org.fengqiao.deadlines.WorkingCalendar;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;

/**
 * In late 2026 deadlines already run into 2027, whose holidays are not published yet: administrators are warned on
 * the calendar page and the other administration pages, and until then 2027's fixed-date statutory holidays (New
 * Year's Day …) are not counted as working days. Removing a day and switching off a routing rule ask first.
 */
@IntegrationTest
class CalendarGapWarningTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    WorkingCalendar calendar;

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(context);
    }

    Document page(String user, String path) throws Exception {
        return Jsoup.parse(pages.mvc.perform(get(path).with(pages.as(user))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void deadlinesReachingAYearWithoutACalendarWarnAdministrators() throws Exception {
        assertThat(calendar.unpublishedYearsReached(LocalDate.of(2026, 11, 20))).contains(2027);
        assertThat(page("admin", "/admin/calendar").select("#calendar-gap").text()).contains("2027").contains("春节");
        assertThat(page("admin", "/admin/users").select("#calendar-gap a").attr("href"))
                .isEqualTo("/admin/calendar?year=2027");
        assertThat(page("fq.intake", "/workbench").select("#calendar-gap")).isEmpty();
    }

    @Test
    void aYearWithoutACalendarStillKeepsItsFixedDateHolidays() {
        assertThat(calendar.isPublished(2027)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).as("New Year's Day 2027").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 4))).isTrue();
    }

    @Test
    void removingACalendarDayAndSwitchingOffARoutingRuleAskFirstAndPriorityIsExplained() throws Exception {
        Document year = page("admin", "/admin/calendar?year=2026");
        assertThat(year.select("form[action*=/delete]")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.attr("data-confirm")).contains("确定删除"));
        Document routing = page("admin", "/admin/routing");
        assertThat(routing.select("form[action*=/active]:has(input[value=false])")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.attr("data-confirm")).contains("确定停用"));
        assertThat(routing.select("#priority-explained").text()).contains("优先级");
    }
}
