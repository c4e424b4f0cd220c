package org.fengqiao.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.fengqiao.platform.ChinaTime;
import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;

/**
 * Working days on the official calendar the platform ships: public holidays are off even on weekdays, and
 * make-up weekends (调休) are working days.
 */
@IntegrationTest
class WorkingCalendarTest {

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    Deadlines deadlines;

    @LocalServerPort
    int port;

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void aMakeUpSaturdayBeforeSpringFestivalIsAWorkingDay() {
        assertThat(calendar.isWorkingDay(d("2026-02-14"))).isTrue();
        assertThat(calendar.addWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
    }

    @Test
    void springFestivalIsSkippedWhole() {
        assertThat(calendar.addWorkingDays(d("2026-02-14"), 1)).isEqualTo(d("2026-02-24"));
        assertThat(calendar.isWorkingDay(d("2026-02-16"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2026-02-28"))).isTrue();
    }

    @Test
    void nationalDay2025SkipsEightDaysAndCountsTheMakeUpSundayAndSaturday() {
        assertThat(calendar.addWorkingDays(d("2025-09-26"), 1)).isEqualTo(d("2025-09-28"));
        assertThat(calendar.addWorkingDays(d("2025-09-30"), 1)).isEqualTo(d("2025-10-09"));
        assertThat(calendar.addWorkingDays(d("2025-10-10"), 1)).isEqualTo(d("2025-10-11"));
    }

    @Test
    void newYear2026RestsThreeDaysAndWorksOnSunday() {
        assertThat(calendar.isWorkingDay(d("2026-01-02"))).isFalse();
        assertThat(calendar.addWorkingDays(d("2025-12-31"), 1)).isEqualTo(d("2026-01-04"));
    }

    @Test
    void sameDayOnAHolidayMeansTheNextWorkingDay() {
        assertThat(calendar.addWorkingDays(d("2026-10-03"), 0)).isEqualTo(d("2026-10-08"));
        assertThat(calendar.addWorkingDays(d("2026-11-20"), 0)).isEqualTo(d("2026-11-20"));
    }

    @Test
    void workingDaysBetweenCountsAcrossHolidays() {
        assertThat(calendar.workingDaysBetween(d("2026-09-30"), d("2026-10-10"))).isEqualTo(3);
        assertThat(calendar.workingDaysBetween(d("2026-10-10"), d("2026-09-30"))).isEqualTo(-3);
    }

    @Test
    void aConsultationBeforeNationalDayIsDueOnTheMakeUpSaturday() {
        Instant start = LocalDateTime.of(2026, 9, 30, 10, 0).atZone(ChinaTime.ZONE).toInstant();
        Deadline due = deadlines.due(DeadlineStep.HANDLE, new DeadlineSubject("WALK_IN", "CONSULTATION", null, false), start);
        assertThat(due.policy().code()).isEqualTo("HANDLE_CONSULTATION");
        assertThat(due.due()).isEqualTo(ChinaTime.endOf(d("2026-10-10")));
    }

    @Test
    void aStatutoryPeriodEndingOnAHolidayMovesToTheNextWorkingDay() {
        Instant start = LocalDateTime.of(2026, 9, 16, 10, 0).atZone(ChinaTime.ZONE).toInstant();
        Deadline due = deadlines.due(DeadlineStep.ACCEPT, new DeadlineSubject("PETITION", "COMPLAINT", null, false), start);
        assertThat(due.policy().code()).isEqualTo("ACCEPT_PETITION");
        assertThat(due.due()).isEqualTo(ChinaTime.endOf(d("2026-10-08")));
    }

    @Test
    void urgentMattersAreDueTheSameDay() {
        Instant start = LocalDateTime.of(2026, 11, 20, 9, 0).atZone(ChinaTime.ZONE).toInstant();
        Deadline due = deadlines.due(DeadlineStep.HANDLE, new DeadlineSubject("GRID_PATROL", "SAFETY_HAZARD", null, true), start);
        assertThat(due.policy().code()).isEqualTo("HANDLE_URGENT");
        assertThat(due.due()).isEqualTo(ChinaTime.endOf(d("2026-11-20")));
    }

    @Test
    void theChaseFallsOnTheWorkingDayAfterTheMissedDeadline() {
        Deadline chase = deadlines.triggerAfter(DeadlineStep.CHASE, new DeadlineSubject("WALK_IN", "COMPLAINT", null, false),
                d("2026-09-30"));
        assertThat(chase.due()).isEqualTo(ChinaTime.officeOpens(d("2026-10-08")));
    }

    @Test
    void administratorsCanListAnExtraHolidayAndTheArithmeticFollows() {
        Api api = new Api(port);
        LocalDate day = d("2026-12-31");
        assertThat(calendar.addWorkingDays(d("2026-12-30"), 1)).isEqualTo(day);
        assertThat(api.put("fq.dispatcher", "/api/calendar/" + day, Map.of("kind", "HOLIDAY", "name", "测试假日")).status())
                .isEqualTo(403);
        assertThat(api.put("admin", "/api/calendar/" + day, Map.of("kind", "HOLIDAY", "name", "测试假日")).status())
                .isEqualTo(200);
        try {
            // 2027's calendar is not in yet, but New Year's Day is a statutory holiday on a fixed date
            assertThat(calendar.addWorkingDays(d("2026-12-30"), 1)).isEqualTo(d("2027-01-04"));
        } finally {
            api.send("DELETE", "/api/calendar/" + day, api.token("admin"), null, null);
        }
        assertThat(calendar.addWorkingDays(d("2026-12-30"), 1)).isEqualTo(day);
    }

    @Test
    void theCalendarApiShowsTheMonth() {
        Api api = new Api(port);
        Api.Response r = api.get("fq.intake", "/api/calendar?year=2026&month=2");
        assertThat(r.json().size()).isEqualTo(28);
        assertThat(r.json().get(13).get("workingDay").asBoolean()).isTrue();
        assertThat(r.json().get(13).get("name").asString()).isEqualTo("春节调休");
    }
}
