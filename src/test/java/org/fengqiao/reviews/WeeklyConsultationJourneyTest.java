package org.fengqiao.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.aCase;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.fengqiao.support.Api;
import org.fengqiao.support.BrowserJourney;
import org.fengqiao.support.IntegrationTest;

/**
 * A township's weekly consultation (乡每周一会商) in a real browser: the dispatcher opens the generated agenda,
 * decides to hand a new dispute to the justice office and sets a follow-up task, records the meeting, and the
 * minutes carry the decision while the case's timeline names the meeting.
 */
@IntegrationTest
class WeeklyConsultationJourneyTest extends BrowserJourney {

    @AfterEach
    void tidy() {
        clock.reset();
        Api.forgetTokens();
    }

    @Test
    void theWeeklyConsultationGoesFromTheAgendaToTheMinutes() throws Exception {
        clock.set(LocalDateTime.of(2028, 9, 6, 10, 0));
        Api api = new Api(port);
        Api.forgetTokens();
        Api.Response r = api.post("fq.intake", "/api/cases", aCase().dispute("NEIGHBOUR").inVillage(FENGYUAN)
                .manualDispatch().titled("浏览器会商：两户宅基地边界争执").body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        long id = r.get("id").asLong();
        String code = r.get("trackingCode").asString();

        browser.start(1440, "fq.dispatcher", "/reviews");
        assertThat(browser.text(By.id("section-newMatters"))).contains(code).contains("浏览器会商");
        assertThat(browser.text(By.tagName("h1"))).contains("枫桥镇社会治理中心").contains("每周会商");
        browser.screenshot("reviews-01-agenda");

        WebElement row = browser.find(By.xpath("//section[@id='section-newMatters']//tr[contains(., '" + code + "')]"));
        new Select(row.findElement(By.cssSelector("select.decision-action"))).selectByValue("ASSIGN");
        row.findElement(By.tagName("summary")).click();
        new Select(row.findElement(By.cssSelector("select.decision-unit"))).selectByVisibleText("枫桥司法所");
        row.findElement(By.cssSelector("input.decision-text")).sendKeys("交司法所组织双方现场勘界调解");

        browser.find(By.id("chair")).sendKeys("王镇长");
        browser.find(By.id("attendees")).sendKeys("李书记、张所长");
        WebElement task = browser.find(By.cssSelector("input.follow-up-task"));
        task.sendKeys("回访宅基地纠纷双方");
        browser.find(By.cssSelector("input.follow-up-owner")).sendKeys("枫桥司法所");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2028-09-15';",
                browser.find(By.cssSelector("input.follow-up-due")));
        browser.screenshot("reviews-02-decisions");
        WebElement submit = browser.find(By.id("record-meeting"));
        browser.inView(submit).click();

        browser.waitFor(ExpectedConditions.urlMatches("/reviews/\\d+$"));
        String page = browser.text(By.tagName("main"));
        assertThat(page).contains("会议记录已保存").contains(code).contains("交办").contains("枫桥司法所")
                .contains("回访宅基地纠纷双方");
        browser.screenshot("reviews-03-record");
        browser.width(375);
        browser.screenshot("reviews-04-record-phone");
        browser.go("/reviews");
        browser.screenshot("reviews-05-agenda-phone");
        browser.width(1440);

        String minutesPath = browser.currentPath();
        assertThat(minutesPath).startsWith("/reviews");
        long meeting = api.get("fq.dispatcher", "/api/reviews").json().get("meetings").get(0).get("id").asLong();
        Api.Response minutes = api.get("fq.dispatcher", "/api/reviews/" + meeting + "/minutes.docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(minutes.raw().body()));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("主持人：王镇长").contains(code).contains("交司法所组织双方现场勘界调解")
                    .contains("回访宅基地纠纷双方");
        }
        assertThat(api.get("fq.intake", "/api/cases/" + id).get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(api.get("fq.intake", "/api/cases/" + id + "/timeline").text()).contains("第 " + meeting + " 号");
    }

    @Test
    void aGridWorkerPatrolsAndReportsScreeningFromThePhone() {
        clock.set(LocalDateTime.of(2028, 9, 13, 9, 0));
        Api.forgetTokens();
        browser.start(375, "fengyuan.grid", "/grids");
        browser.press(browser.find(By.id("locationConsent")));
        browser.press(browser.find(By.cssSelector("#start-patrol button[type=submit]")));
        assertThat(browser.text(By.id("patrol"))).contains("巡查中");
        new Select(browser.find(By.id("kind"))).selectByValue("SAFETY_HAZARD");
        browser.find(By.id("title")).sendKeys("手机巡查：村口路灯不亮");
        browser.find(By.id("description")).sendKeys("村口两盏路灯损坏，夜间通行不便。");
        browser.screenshot("grids-01-patrol-phone");
        WebElement add = browser.find(By.cssSelector("#patrol form button[type=submit]"));
        browser.press(add);
        assertThat(browser.text(By.cssSelector(".alert-success"))).contains("发现事项已记录");
        WebElement end = browser.find(By.xpath("//form[contains(@action, '/end')]//button"));
        browser.press(end);
        assertThat(browser.text(By.id("recent-patrols"))).contains("手机巡查：村口路灯不亮");
        WebElement toCase = browser.find(By.xpath("//li[contains(., '手机巡查：村口路灯不亮')]//form//button"));
        browser.press(toCase);
        browser.waitFor(ExpectedConditions.urlMatches("/cases/\\d+$"));
        assertThat(browser.text(By.tagName("main"))).contains("手机巡查：村口路灯不亮");
        browser.go("/screening");
        browser.press(browser.find(By.id("zeroReport")));
        WebElement submit = browser.find(By.cssSelector("#report-form button[type=submit]"));
        browser.press(submit);
        assertThat(browser.text(By.cssSelector(".alert-success"))).contains("排查报告已提交");
        assertThat(browser.text(By.id("screening-status"))).contains("零报告");
        browser.screenshot("grids-02-screening-phone");
        browser.start(1440, "fq.dispatcher", "/grids");
        assertThat(browser.text(By.id("grid-board"))).contains("第一网格");
        browser.screenshot("grids-03-board");
        browser.go("/screening");
        assertThat(browser.text(By.id("screening-status"))).contains("未报告");
        browser.screenshot("grids-04-screening-township");
    }
}
