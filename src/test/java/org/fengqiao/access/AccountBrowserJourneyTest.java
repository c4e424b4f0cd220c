package org.fengqiao.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fengqiao.organisation.Role;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.StaffUser;
import org.fengqiao.organisation.Units;
import org.fengqiao.support.Browser;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.TestClock;

/**
 * In a real browser, on a phone (375 px) and a desk (1440 px): a new administrator is sent to enrolment,
 * scans (reads) the QR code's key, confirms a code, sees the recovery codes, and finds the account page; the
 * pages fit the screen without sideways scrolling. Screenshots land in target/screenshots.
 */
@IntegrationTest
class AccountBrowserJourneyTest {

    @LocalServerPort
    int port;

    @Autowired
    Staff staff;

    @Autowired
    Units units;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Test
    void aNewAdministratorEnrolsInTwoFactorLoginOnAPhoneAndFindsTheAccountPage() throws Exception {
        StaffUser admin = Accounts.aUser(staff, units, jdbc, Role.ADMIN);
        try (Browser browser = Browser.open(port)) {
            var driver = browser.driver();
            driver.manage().window().setSize(new Dimension(375, 800));
            browser.go("/login");
            fits(browser, "account-login-375");
            driver.findElement(By.id("username")).sendKeys(admin.username());
            driver.findElement(By.id("password")).sendKeys(Accounts.PASSWORD);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            browser.waitFor(ExpectedConditions.urlContains("/account/two-factor"));
            assertThat(browser.find(By.cssSelector("img[src^='data:image/png']")).getSize().getWidth()).isPositive();
            fits(browser, "account-enrol-375");
            driver.manage().window().setSize(new Dimension(1440, 900));
            fits(browser, "account-enrol-1440");
            driver.manage().window().setSize(new Dimension(375, 800));

            String secret = browser.text(By.cssSelector("code.user-select-all")).replace(" ", "");
            String code = new DefaultCodeGenerator().generate(secret, clock.instant().getEpochSecond() / 30);
            driver.findElement(By.id("code")).sendKeys(code);
            driver.findElement(By.cssSelector("form[action$='/account/two-factor'] button[type=submit]")).click();
            assertThat(browser.find(By.id("recoveryCodes")).findElements(By.tagName("li"))).hasSize(10);
            fits(browser, "account-recovery-375");

            browser.go("/account");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("账户与安全");
            fits(browser, "account-overview-375");
            driver.manage().window().setSize(new Dimension(1440, 900));
            fits(browser, "account-overview-1440");
            browser.go("/admin/users/" + admin.id() + "/logins");
            fits(browser, "account-admin-logins-1440");

            driver.manage().deleteAllCookies();
            browser.go("/login");
            fits(browser, "account-login-1440");
            driver.findElement(By.id("username")).sendKeys(admin.username());
            driver.findElement(By.id("password")).sendKeys(Accounts.PASSWORD);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            browser.waitFor(ExpectedConditions.urlContains("/login/two-factor"));
            driver.manage().window().setSize(new Dimension(375, 800));
            fits(browser, "account-verify-375");
        }
    }

    /** Takes the screenshot and checks the page is no wider than the window. */
    private static void fits(Browser browser, String name) {
        browser.screenshot(name);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long client = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
        assertThat(scroll).as(name + " has no sideways scrolling").isLessThanOrEqualTo(client);
    }
}
