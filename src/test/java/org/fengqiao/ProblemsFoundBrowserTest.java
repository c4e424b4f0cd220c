package org.fengqiao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.aCase;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.fengqiao.support.Api;
import org.fengqiao.support.BrowserJourney;
import org.fengqiao.support.IntegrationTest;

/**
 * The problems a newcomer hit in the workbench (issue 15), each checked in a real browser where it was a
 * browser problem: the map marker opens its case, a refused form keeps what was typed, the phone-width layout.
 */
@IntegrationTest
class ProblemsFoundBrowserTest extends BrowserJourney {

    static final double LAT = 29.7003;
    static final double LON = 120.4652;

    @AfterEach
    void desktopWidth() {
        browser.width(1366);
    }

    @Test
    void aCaseMarkerOpensItsCaseAndTheRegionsAreNamed() {
        String title = "浏览器测试：地图上的标记 <b>粗体</b>";
        long id = new Api(port).post("fq.intake", "/api/cases", aCase().kind("HELP").inVillage(FENGYUAN).at(LAT, LON)
                .titled(title).body()).get("id").asLong();
        browser.logIn("county.leader");
        browser.go("/map?kind=HELP");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cases-map .region-label")));
        browser.waitFor(ExpectedConditions.textMatches(By.id("map-count"), java.util.regex.Pattern.compile("\\d")));
        WebElement map = browser.inView(browser.find(By.id("cases-map")));
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) ((JavascriptExecutor) browser.driver()).executeScript(
                "var m = arguments[0].fengqiaoMap; m.setView([arguments[1], arguments[2]], 15, {animate: false});"
                        + "var p = m.latLngToContainerPoint([arguments[1], arguments[2]]); return [p.x, p.y];",
                map, LAT, LON);
        int dx = xy.get(0).intValue() - map.getSize().getWidth() / 2;
        int dy = xy.get(1).intValue() - map.getSize().getHeight() / 2;
        new Actions(browser.driver()).moveToElement(map, dx, dy).pause(300).click().perform();

        WebElement popup = browser.find(By.cssSelector("#cases-map .leaflet-popup-content"));
        assertThat(popup.getText()).as("the popup names the case, its title as text").contains(title);
        assertThat(popup.findElement(By.tagName("a")).getAttribute("href")).endsWith("/cases/" + id);
        assertThat(browser.driver().findElements(By.cssSelector("#cases-map .region-label")))
                .as("villages and towns are named on the outlines").isNotEmpty()
                .anySatisfy(label -> assertThat(label.getText()).contains("枫源村"));
        WebElement attribution = browser.find(By.cssSelector("#cases-map .leaflet-control-attribution"));
        assertThat(attribution.findElements(By.cssSelector("svg, img"))).as("plain text attribution").isEmpty();
        assertThat(attribution.getText()).contains("Leaflet");
        browser.screenshot("p01-map-marker-popup");
        popup.findElement(By.tagName("a")).click();
        browser.waitFor(ExpectedConditions.urlContains("/cases/" + id));
    }

    @Test
    void aRefusedMediationSessionKeepsWhatWasTypedAndTheTimeDefaultsToNow() {
        Api api = new Api(port);
        long id = api.post("fq.intake", "/api/cases", aCase().dispute("NEIGHBOUR").titled("浏览器测试：被拒的调解记录").body())
                .get("id").asLong();
        assertThat(api.post("fengyuan.mediator", "/api/cases/" + id + "/accept", java.util.Map.of()).status()).isEqualTo(200);
        browser.logIn("fengyuan.mediator").go("/cases/" + id);
        browser.find(By.cssSelector("[data-action=RECORD_MEDIATION]")).click();
        WebElement at = browser.find(By.id("m-at"));
        assertThat(at.getAttribute("value")).as("the time defaults to now").isEqualTo("2026-11-20T10:00");
        // a time in the future; the browser's own check (max) is lifted so that the server's refusal is seen
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].removeAttribute('max'); arguments[0].value = '2026-11-25T15:30';", at);
        browser.find(By.id("m-place")).sendKeys("村调委会议室");
        WebElement mediators = browser.find(By.id("m-mediators"));
        mediators.clear();
        mediators.sendKeys("王调解、李调解");
        browser.find(By.id("m-participants")).sendKeys("双方当事人");
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("m-result"))).selectByValue("ADJOURNED");
        browser.find(By.id("m-notes")).sendKeys("双方同意下周再谈。");
        browser.find(By.cssSelector("#form-RECORD_MEDIATION button[type=submit]")).click();

        assertThat(browser.text(By.cssSelector(".alert-danger"))).isNotBlank();
        assertThat(browser.find(By.id("m-at")).getAttribute("value")).isEqualTo("2026-11-25T15:30");
        assertThat(browser.find(By.id("m-place")).getAttribute("value")).isEqualTo("村调委会议室");
        assertThat(browser.find(By.id("m-mediators")).getAttribute("value")).isEqualTo("王调解、李调解");
        assertThat(browser.find(By.id("m-participants")).getAttribute("value")).isEqualTo("双方当事人");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.find(By.id("m-result")))
                .getFirstSelectedOption().getAttribute("value")).isEqualTo("ADJOURNED");
        assertThat(browser.find(By.id("m-notes")).getAttribute("value")).isEqualTo("双方同意下周再谈。");
        browser.screenshot("p02-refused-form-keeps-values");
    }

    @Test
    void pastedTextGetsACategorySuggestionWithoutHopelessRunnersUp() {
        browser.logIn("fq.intake").go("/cases/new");
        browser.find(By.cssSelector("#triage-panel"));
        // what a paste does: the value changes and an input event fires, without any key press
        ((JavascriptExecutor) browser.driver()).executeScript(
                "var d = document.getElementById('description'); d.value = arguments[0];"
                        + "d.dispatchEvent(new Event('input', {bubbles: true}));",
                "工地老板拖欠我们十几个工人三个月的工资，一直不给，要求帮助讨薪。");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#triage-panel [data-suggested]")));
        for (WebElement badge : browser.driver().findElements(By.cssSelector("#triage-panel li[data-suggested]:not(:first-child) .badge"))) {
            assertThat(Integer.parseInt(badge.getText().replaceAll("\\D", ""))).as("offered runner-up").isGreaterThanOrEqualTo(15);
        }
        browser.screenshot("p11-suggestion-after-paste");
    }

    @Test
    void theChangedPagesAtDesktopAndPhoneWidth() {
        for (int width : new int[] {1440, 375}) {
            browser.start(width, "admin", "/admin/calendar");
            assertThat(browser.text(By.id("calendar-gap"))).contains("2027");
            browser.screenshot("p13-calendar-gap-" + width);
            browser.go("/admin/routing").screenshot("p13-routing-" + width);
            browser.logIn("fq.intake");
            // in the top bar; at phone width inside the collapsed menu
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("find-code")));
            browser.screenshot("p03-top-bar-find-" + width);
            browser.go("/cases/new");
            WebElement submit = browser.find(By.cssSelector("#intake-form button[type=submit]"));
            // the empty toast container lies over the button's corner at this size: press it as a script would
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", submit);
            browser.find(By.id("form-error"));
            browser.screenshot("p04-intake-errors-" + width);
        }
    }
}
