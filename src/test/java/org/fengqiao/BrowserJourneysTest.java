package org.fengqiao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.aCase;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import org.fengqiao.cases.DeadlineSweep;
import org.fengqiao.support.Api;
import org.fengqiao.support.BrowserJourney;
import org.fengqiao.support.IntegrationTest;

/**
 * The closed loop as people live it, in a real browser: an intake officer registers a dispute at the
 * window, the mediation committee it was routed to accepts and closes it, a supervisor finds an overdue case
 * and supervises it, and a neighbouring village cannot open the case by its address.
 */
@IntegrationTest
class BrowserJourneysTest extends BrowserJourney {

    @Autowired
    DeadlineSweep sweep;

    @Test
    void anIntakeOfficerRegistersADisputeAndTheMediationCommitteeResolvesIt() {
        browser.logIn("fq.intake").screenshot("01-workbench-intake");
        browser.go("/cases/new");
        new Select(browser.find(By.id("channel"))).selectByValue("WALK_IN");
        new Select(browser.find(By.id("kind"))).selectByValue("DISPUTE");
        new Select(browser.find(By.id("disputeType"))).selectByValue("NEIGHBOUR");
        browser.find(By.id("title")).sendKeys("浏览器测试：两户因院墙滴水发生争执");
        browser.find(By.id("description")).sendKeys("申请人反映邻居屋檐滴水落入其院内，多次协商无果，请求调解。");
        new Select(browser.find(By.id("regionCode"))).selectByValue("330681109290");
        // the parties are an optional, folded part of the intake form: unfolded as the officer would
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('section-parties').open = true;");
        browser.find(By.id("parties0.name")).sendKeys("孙七");
        browser.find(By.id("parties0.phone")).sendKeys("13700001234");
        browser.screenshot("02-intake-form");
        WebElement submit = browser.find(By.cssSelector("#intake-form button[type=submit]"));
        browser.inView(submit).click();

        String code = browser.text(By.id("tracking-code"));
        assertThat(code).matches("330681-\\d{8}-\\d{6,}-[0-9X]");
        browser.screenshot("03-registered");
        browser.find(By.linkText("打印回执")).click();
        assertThat(browser.text(By.cssSelector(".receipt"))).contains(code).contains("受理回执");
        browser.screenshot("04-receipt");
        String casePath = "/cases/" + browser.currentPath().replaceAll("\\D+", " ").strip().split(" ")[0];

        browser.logIn("fengyuan.mediator");
        browser.go(casePath);
        assertThat(browser.text(By.cssSelector("main"))).contains("枫源村人民调解委员会").contains("孙*");
        browser.screenshot("05-case-detail-to-accept");
        browser.find(By.cssSelector("[data-action=ACCEPT]")).click();
        browser.find(By.cssSelector("#form-ACCEPT button[type=submit]")).click();
        assertThat(browser.text(By.cssSelector(".alert-success"))).contains("签收");

        browser.find(By.cssSelector("[data-action=CLOSE]")).click();
        new Select(browser.find(By.id("c-outcome"))).selectByValue("RESOLVED");
        browser.find(By.id("c-summary")).sendKeys("经调解，邻居同意加装雨水槽，矛盾化解。");
        browser.screenshot("05b-close-form");
        // the close form is long (summary and the reply to the citizen): bring its button into view first
        browser.inView(browser.find(By.cssSelector("#form-CLOSE button[type=submit]"))).click();
        assertThat(browser.text(By.cssSelector("header"))).contains("已办结");
        assertThat(browser.text(By.cssSelector(".timeline"))).contains("受理登记").contains("交办").contains("签收")
                .contains("办结");
        browser.screenshot("06-case-closed");
    }

    @Test
    void aSupervisorSeesAnOverdueCaseAndSupervisesIt() {
        Api api = new Api(port);
        clock.set(LocalDateTime.of(2026, 11, 16, 9, 0));
        long id = api.post("fq.intake", "/api/cases", aCase().kind("CONSULTATION").titled("浏览器测试：超期咨询件")
                .with("assignTo", unit(api, "FQ-LDBZ")).body()).get("id").asLong();
        clock.set(LocalDateTime.of(2026, 11, 20, 10, 0));
        sweep.run();

        browser.logIn("fq.supervisor").screenshot("07-workbench-supervisor");
        browser.find(By.cssSelector("[data-tray=OVERDUE]")).click();
        browser.find(By.id("q")).sendKeys("浏览器测试：超期咨询件");
        browser.waitFor(ExpectedConditions.urlContains("q="));
        browser.find(By.partialLinkText("浏览器测试：超期咨询件")).click();
        assertThat(browser.text(By.id("deadline-status"))).contains("已超期");
        browser.find(By.cssSelector("[data-action=SUPERVISE]")).click();
        browser.find(By.cssSelector("#form-SUPERVISE button[type=submit]")).click();
        assertThat(browser.text(By.cssSelector(".alert-success"))).contains("督办");
        assertThat(browser.text(By.cssSelector("header"))).contains("督办");
        browser.screenshot("08-case-supervised");
        assertThat(api.get("fq.supervisor", "/api/cases/" + id).get("supervised").asBoolean()).isTrue();
    }

    @Test
    void aUserOfAnotherVillageCannotOpenTheCaseByItsAddress() {
        Api api = new Api(port);
        long id = api.post("fengyuan.grid", "/api/cases", aCase().dispute("NEIGHBOUR").titled("浏览器测试：村内纠纷").body())
                .get("id").asLong();
        browser.logIn("leshan.grid");
        browser.go("/cases/" + id);
        assertThat(browser.text(By.cssSelector("main"))).contains("未找到").doesNotContain("浏览器测试：村内纠纷");
        browser.screenshot("09-other-village-not-found");
    }

    @Test
    void theMainPagesRenderAndSwitchToEnglish() {
        browser.logIn("fq.dispatcher");
        browser.go("/cases").screenshot("10-case-list");
        browser.find(By.id("q")).sendKeys("纠纷");
        browser.waitFor(ExpectedConditions.urlContains("q="));
        assertThat(browser.text(By.id("results"))).contains("共");
        browser.go("/cases?lang=en");
        assertThat(browser.text(By.cssSelector("nav"))).contains("Workbench").contains("Cases");
        browser.screenshot("11-case-list-english");
        browser.go("/workbench?lang=zh_CN");
        assertThat(browser.text(By.cssSelector("nav"))).contains("工作台");
    }

    @Test
    void theLeadersPagesDrawTheirChartsAndMapAndTheAdministratorsPagesOpen() {
        browser.logIn("county.leader");
        browser.go("/dashboard");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-trend svg path")));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-region svg path")));
        assertThat(browser.text(By.id("as-of"))).as("when the figures were computed").matches("数据截至 \\d{2}:\\d{2}:\\d{2}");
        browser.screenshot("14-dashboard");

        browser.go("/supervision");
        assertThat(browser.text(By.cssSelector("h1"))).contains("督办");
        browser.find(By.id("ranking"));
        browser.screenshot("15-supervision-board");

        browser.go("/map");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#cases-map .leaflet-regions-pane path")));
        browser.screenshot("16-map");

        browser.logIn("admin");
        browser.go("/admin/users");
        assertThat(browser.text(By.cssSelector("main"))).contains("fq.intake");
        browser.screenshot("17-admin-users");
        browser.go("/admin/units").screenshot("18-admin-units");
    }

    @Test
    void theIntakeFormWorksAtPhoneWidth() {
        browser.width(390);
        try {
            browser.logIn("fengyuan.grid").go("/cases/new").screenshot("12-intake-phone");
            assertThat(browser.find(By.id("title")).isDisplayed()).isTrue();
            assertThat(browser.find(By.cssSelector("#intake-form button[type=submit]")).isDisplayed()).isTrue();
        } finally {
            browser.width(1366);
        }
    }

    @Test
    void aGridWorkerOnAPhoneAddsANoteWithTheKeyboardAlone() {
        Api api = new Api(port);
        long id = api.post("fengyuan.grid", "/api/cases", aCase().kind("HELP").titled("浏览器测试：手机上填写进展").body())
                .get("id").asLong();
        browser.width(390);
        try {
            browser.logIn("fengyuan.grid").go("/cases/" + id);
            browser.find(By.cssSelector("[data-action=ADD_NOTE]")).sendKeys(org.openqa.selenium.Keys.ENTER);
            browser.find(By.cssSelector("#form-ADD_NOTE [data-close-action-form]")).sendKeys(org.openqa.selenium.Keys.ENTER);
            browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("form-ADD_NOTE")));
            assertThat(browser.driver().switchTo().activeElement().getAttribute("data-action"))
                    .as("cancel gives the focus back to the action").isEqualTo("ADD_NOTE");
            browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
            browser.find(By.id("n-note"));
            org.openqa.selenium.WebElement focused = browser.driver().switchTo().activeElement();
            assertThat(focused.getAttribute("id")).as("the picked form's first field takes the focus").isEqualTo("n-note");
            focused.sendKeys("已上门了解，老人需要代办医保报销材料。");
            browser.screenshot("13-case-note-phone");
            focused.sendKeys(org.openqa.selenium.Keys.TAB);
            browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
            assertThat(browser.text(By.cssSelector(".alert-success"))).contains("填写进展");
            assertThat(browser.text(By.cssSelector(".timeline"))).contains("已上门了解");
        } finally {
            browser.width(1366);
        }
    }

    private static long unit(Api api, String code) {
        for (var u : api.get("fq.intake", "/api/units").json()) {
            if (u.get("code").asString().equals(code)) {
                return u.get("id").asLong();
            }
        }
        throw new IllegalArgumentException(code);
    }

}
