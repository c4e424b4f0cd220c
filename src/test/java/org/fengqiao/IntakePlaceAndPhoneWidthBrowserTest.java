package org.fengqiao;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.fengqiao.support.Browser;
import org.fengqiao.support.BrowserJourney;
import org.fengqiao.support.IntegrationTest;

/**
 * Issue 15, items 9 and 10 in a real browser: the intake form's place (a chosen village shows on the map, a point
 * in a village without grids still fills in the village, "use my location"), and the pages at phone width (375 px):
 * the workbench puts what to do first, the intake form folds its optional parts and keeps its button in reach, the
 * case list folds its filters.
 */
@IntegrationTest
class IntakePlaceAndPhoneWidthBrowserTest extends BrowserJourney {

    static final String VILLAGE_WITHOUT_GRIDS = "330681109003";

    @AfterEach
    void desktopWidth() {
        browser.driver().manage().window().setSize(new Dimension(1366, 900));
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
    }

    private static void phoneWidth() {
        browser.driver().manage().window().setSize(new Dimension(375, 812));
    }

    private static double top(WebElement e) {
        return ((Number) js("return arguments[0].getBoundingClientRect().top + window.scrollY;", e)).doubleValue();
    }

    private static void openIntakeFormWithItsOutlines() {
        browser.go("/cases/new");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#location-map path.leaflet-interactive")));
    }

    @Test
    void choosingAVillageShowsItOnTheMapAndAClickThereFillsInTheVillageWithoutAGrid() {
        browser.logIn("fq.intake");
        openIntakeFormWithItsOutlines();
        WebElement map = browser.find(By.id("location-map"));
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", map);
        new Select(browser.find(By.id("regionCode"))).selectByValue(VILLAGE_WITHOUT_GRIDS);
        browser.waitFor(ExpectedConditions.attributeToBe(map, "data-shown", VILLAGE_WITHOUT_GRIDS));

        new Select(browser.find(By.id("regionCode"))).selectByValue("");
        // the village fills the map's middle now: a click there lies in the village, in none of its (absent) grids
        new Actions(browser.driver()).moveToElement(map).click().perform();
        browser.waitFor(ExpectedConditions.attributeToBe(By.id("regionCode"), "value", VILLAGE_WITHOUT_GRIDS));
        assertThat(browser.text(By.id("grid-found"))).endsWith("百树社区");
        assertThat(browser.find(By.id("latitude")).getDomProperty("value")).isNotEmpty();
    }

    @Test
    void useMyLocationPlacesThePointAndFillsInTheVillage() {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("geolocation")));
        chrome.executeCdpCommand("Emulation.setGeolocationOverride",
                Map.of("latitude", 29.729998, "longitude", 120.428, "accuracy", 20));
        try {
            browser.logIn("fq.intake");
            phoneWidth();
            openIntakeFormWithItsOutlines();
            WebElement button = browser.find(By.id("use-location"));
            js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button);
            button.click();
            browser.waitFor(ExpectedConditions.attributeToBe(By.id("regionCode"), "value", VILLAGE_WITHOUT_GRIDS));
            assertThat(browser.find(By.id("latitude")).getDomProperty("value")).isEqualTo("29.729998");
            assertThat(browser.find(By.id("longitude")).getDomProperty("value")).isEqualTo("120.428000");
        } finally {
            chrome.executeCdpCommand("Emulation.clearGeolocationOverride", Map.of());
        }
    }

    @Test
    void atPhoneWidthTheGridWorkersWorkbenchPutsTheReportButtonAndTheNextCasesBeforeTheCounters() {
        browser.logIn("fengyuan.grid");
        phoneWidth();
        browser.go("/workbench");
        WebElement report = browser.find(By.id("report-button"));
        WebElement trays = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("trays")));
        assertThat(top(report)).isLessThan(top(trays));
        List<WebElement> first = browser.driver().findElements(By.id("first-tray"));
        if (!first.isEmpty()) {
            assertThat(top(first.get(0))).as("the cases to act on come before the counters").isLessThan(top(trays));
        }
        for (WebElement card : browser.driver().findElements(By.cssSelector(".tray-card"))) {
            if (card.isDisplayed()) {
                assertThat(card.findElement(By.cssSelector(".count")).getText()).as("a counter shown is not zero")
                        .isNotEqualTo("0");
            }
        }
        List<WebElement> empty = browser.driver().findElements(By.id("empty-trays"));
        if (!empty.isEmpty()) {
            assertThat(empty.get(0).getDomProperty("open")).as("the empty counters are folded").isEqualTo("false");
        }
        browser.screenshot("issue15-workbench-grid-375");
    }

    @Test
    void atPhoneWidthTheIntakeFormFoldsItsOptionalPartsAndARefusalOpensTheOneWithTheError() {
        browser.logIn("fq.intake");
        phoneWidth();
        openIntakeFormWithItsOutlines();
        for (String section : List.of("section-more", "section-category", "section-parties", "section-attachments")) {
            assertThat(browser.find(By.id(section)).getDomProperty("open")).as(section + " folded").isEqualTo("false");
        }
        WebElement submit = browser.find(By.cssSelector("#intake-actions button[type=submit]"));
        assertThat(((Number) js("return arguments[0].getBoundingClientRect().bottom;", submit)).doubleValue())
                .as("the register button is within the first screen").isLessThanOrEqualTo(812);

        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", browser.find(By.id("title")));
        browser.find(By.id("title")).sendKeys("手机登记：电话号码少一位");
        browser.find(By.id("description")).sendKeys("网格员在手机上登记，当事人电话少写了一位。");
        // the sticky register button lies over the bottom of the screen: the summary is brought to the middle first
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'}); arguments[0].click();",
                browser.find(By.cssSelector("#section-parties > summary")));
        browser.find(By.id("parties0.name")).sendKeys("王某");
        browser.find(By.id("parties0.phone")).sendKeys("1391234567");
        js("arguments[0].click();", browser.find(By.cssSelector("#intake-actions button[type=submit]")));

        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("form-error")));
        assertThat(browser.find(By.id("section-parties")).getDomProperty("open")).isEqualTo("true");
        WebElement phone = browser.find(By.id("parties0.phone"));
        assertThat(phone.getDomProperty("value")).isEqualTo("1391234567");
        assertThat(phone.getDomAttribute("class")).contains("is-invalid");
        assertThat(browser.find(By.id("title")).getDomProperty("value")).isEqualTo("手机登记：电话号码少一位");
        assertThat(browser.find(By.id("section-attachments")).getDomProperty("open")).isEqualTo("false");
        browser.screenshot("issue15-intake-refused-375");
    }

    @Test
    void atPhoneWidthTheCaseListsFiltersAreFoldedWithACountOfThoseInUse() {
        browser.logIn("fq.intake");
        phoneWidth();
        browser.go("/cases?kind=DISPUTE&overdue=true");
        WebElement toggle = browser.find(By.id("filters-toggle"));
        assertThat(toggle.getText()).contains("2");
        assertThat(browser.driver().findElement(By.id("kind")).isDisplayed()).isFalse();
        assertThat(browser.find(By.id("q")).isDisplayed()).isTrue();
        toggle.click();
        assertThat(browser.find(By.id("kind")).isDisplayed()).isTrue();
        assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");

        desktopWidth();
        browser.go("/cases");
        assertThat(browser.find(By.id("kind")).isDisplayed()).as("at desktop width the filters stay open").isTrue();
        assertThat(browser.driver().findElement(By.id("filters-toggle")).isDisplayed()).isFalse();
    }
}
