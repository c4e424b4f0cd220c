package org.fengqiao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.aCase;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.fengqiao.support.Api;
import org.fengqiao.support.Browser;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.TestClock;

/**
 * The problems a newcomer hit in the workbench (issue 15), each checked in a real browser where it was a
 * browser problem: the map marker opens its case, a refused form keeps what was typed, the phone-width layout.
 */
@IntegrationTest
class ProblemsFoundBrowserTest {

    static final double LAT = 29.7003;
    static final double LON = 120.4652;

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    static Browser browser;

    @BeforeAll
    static void openBrowser(@LocalServerPort int port) {
        browser = Browser.open(port);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void resetClock() {
        clock.reset();
    }

    @AfterEach
    void desktopWidth() {
        browser.driver().manage().window().setSize(new Dimension(1366, 900));
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
        WebElement map = browser.find(By.id("cases-map"));
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
}
