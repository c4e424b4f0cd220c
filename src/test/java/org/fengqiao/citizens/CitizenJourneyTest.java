package org.fengqiao.citizens;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fengqiao.support.Browser;
import org.fengqiao.support.BrowserJourney;
import org.fengqiao.support.IntegrationTest;

/**
 * The citizen's door in a real browser at phone width: a report with a photo and a point on the map, the code, QR
 * and key; the mediation committee accepts it and closes it with a reply; the citizen follows it, reads the reply
 * and rates it 不满意; the case is under review and the unit has been told.
 */
@IntegrationTest
class CitizenJourneyTest extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PublicLimits limits;

    private void phone() {
        browser.driver().manage().deleteAllCookies();
        browser.driver().manage().window().setSize(new Dimension(375, 812));
    }

    @Test
    void aCitizenReportsFollowsReadsTheReplyAndIsDissatisfiedSoTheCaseIsReviewedAndTheUnitTold() throws Exception {
        limits.reset();
        Path photo = Files.createTempFile("citizen-photo", ".jpg");
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillOval(40, 40, 120, 80);
        ImageIO.write(image, "jpeg", photo.toFile());

        phone();
        browser.go("/public/report");
        browser.screenshot("citizen-01-report-form-375");
        new Select(browser.find(By.id("matter"))).selectByValue("NEIGHBOUR");
        browser.find(By.id("title")).sendKeys("楼上空调滴水到我家阳台");
        browser.find(By.id("description")).sendKeys("楼上空调外机一直往我家阳台滴水，沟通多次没有改善，希望调解。");
        // a point on the map: a grid of 枫源村 (its outline carries the region's code)
        WebElement grid = browser.waitFor(d -> d.findElements(By.cssSelector("path[class*='region-330681109290']"))
                .stream().filter(p -> p.getAttribute("class").matches(".*region-330681109290\\d{3}\\b.*"))
                .findFirst().orElse(null));
        org.openqa.selenium.interactions.Actions actions = new org.openqa.selenium.interactions.Actions(browser.driver());
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", grid);
        actions.moveToElement(grid).click().perform();
        browser.waitFor(d -> !d.findElement(By.id("latitude")).getAttribute("value").isEmpty());
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("picked"), "枫源村"));
        assertThat(new Select(browser.find(By.id("regionCode"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("330681109290");
        browser.driver().findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
        browser.find(By.id("mobile")).sendKeys("13900004444");
        browser.find(By.id("consent")).click();
        browser.screenshot("citizen-02-report-filled-375");
        browser.find(By.cssSelector("#report-form button[type=submit]")).click();

        String code = browser.text(By.id("tracking-code"));
        String key = browser.text(By.id("access-key"));
        assertThat(code).matches("330681-\\d{8}-\\d{6,}-[0-9X]");
        assertThat(key).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}");
        assertThat(browser.find(By.id("qr")).getAttribute("src")).startsWith("data:image/png;base64,");
        browser.screenshot("citizen-03-reported-375");
        long id = jdbc.sql("select id from cases where tracking_code = ?").param(code).query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from case_attachment where case_id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select latitude is not null from cases where id = ?").param(id).query(Boolean.class).single())
                .isTrue();

        browser.driver().manage().window().setSize(new Dimension(1366, 900));
        browser.logIn("fengyuan.mediator");
        browser.go("/cases/" + id);
        browser.find(By.cssSelector("[data-action=ACCEPT]")).click();
        browser.find(By.cssSelector("#form-ACCEPT button[type=submit]")).click();
        assertThat(browser.text(By.cssSelector(".alert-success"))).contains("签收");
        browser.find(By.cssSelector("[data-action=CLOSE]")).click();
        new Select(browser.find(By.id("c-outcome"))).selectByValue("RESOLVED");
        browser.find(By.id("c-summary")).sendKeys("内部小结：两次上门，楼上加装了接水管。");
        WebElement reply = browser.find(By.id("c-reply"));
        assertThat(reply.getAttribute("value")).as("the outcome's template").contains("化解");
        reply.clear();
        reply.sendKeys("您好！经调解，楼上住户已为空调加装接水管，滴水问题已解决。");
        browser.screenshot("citizen-04-close-with-reply");
        browser.find(By.cssSelector("#form-CLOSE button[type=submit]")).click();
        assertThat(browser.text(By.cssSelector("header"))).contains("已办结");
        String mediator = jdbc.sql("select display_name from staff_user where username = 'fengyuan.mediator'")
                .query(String.class).single();

        phone();
        browser.go("/public/track?code=" + code);
        browser.find(By.id("key")).sendKeys(key);
        browser.find(By.cssSelector("#track-key button[type=submit]")).click();
        assertThat(browser.text(By.id("replies"))).contains("楼上住户已为空调加装接水管");
        String page = browser.text(By.tagName("body"));
        assertThat(page).contains("已办结并答复").doesNotContain(mediator).doesNotContain("内部小结")
                .doesNotContain("13900004444");
        browser.screenshot("citizen-05-track-reply-375");
        browser.find(By.id("rating-DISSATISFIED")).click();
        browser.find(By.id("comment")).sendKeys("还在滴水");
        browser.find(By.cssSelector("#evaluate button[type=submit]")).click();
        assertThat(browser.text(By.id("status"))).contains("复核");
        browser.screenshot("citizen-06-rated-375");

        assertThat(jdbc.sql("select status from cases where id = ?").param(id).query(String.class).single())
                .isEqualTo("UNDER_REVIEW");
        browser.driver().manage().window().setSize(new Dimension(1366, 900));
        browser.logIn("fengyuan.mediator");
        browser.go("/notifications");
        assertThat(browser.text(By.tagName("main"))).contains(code);
        browser.screenshot("citizen-07-unit-notified");
    }
}
