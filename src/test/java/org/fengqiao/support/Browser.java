package org.fengqiao.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the journeys: Debian's headless Chromium driven by its chromedriver (installed by
 * {@code .ci/run}; nothing is downloaded). Without them the journeys skip — unless
 * {@code FENGQIAO_REQUIRE_BROWSER=1} (CI), where a missing browser fails the build.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    public static Browser open(int port) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && "1".equals(System.getenv("FENGQIAO_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("FENGQIAO_REQUIRE_BROWSER=1 but /usr/bin/chromium or /usr/bin/chromedriver "
                    + "is missing: install Debian's chromium and chromium-driver");
        }
        Assumptions.assumeTrue(present, "Debian's chromium and chromium-driver are not installed; skipping browser journeys");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--window-size=1366,900", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, "http://localhost:" + port);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    /** A journey's first page: the window at this width (900 px high), the user logged in, the page open. */
    public Browser start(int width, String username, String path) {
        return width(width).logIn(username).go(path);
    }

    /** The window at this width, 900 px high. */
    public Browser width(int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
        return this;
    }

    /**
     * The element brought into view at once. Not smoothly as Bootstrap scrolls: a click while the page still moves
     * lands on whatever passes under it.
     */
    public WebElement inView(WebElement element) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        return element;
    }

    /** Clicks as a person would after scrolling to it (a phone's short window puts buttons under the fold). */
    public void press(WebElement element) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'}); arguments[0].click();", element);
    }

    public Browser logIn(String username) {
        driver.manage().deleteAllCookies();
        go("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(ExpectedConditions.urlContains("/workbench"));
        return this;
    }

    public WebElement find(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        // a page that htmx or a redirect replaces while we look leaves stale elements behind: look again
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    public String text(By by) {
        return find(by).getText();
    }

    /** Saves a screenshot of the current page as target/screenshots/{name}.png. */
    public Browser screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return this;
    }

    public String currentPath() {
        return driver.getCurrentUrl().substring(base.length());
    }

    @Override
    public void close() {
        driver.quit();
    }
}
