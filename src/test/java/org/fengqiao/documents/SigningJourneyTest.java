package org.fengqiao.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.FENGYUAN;
import static org.fengqiao.support.Cases.aCase;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fengqiao.support.Api;
import org.fengqiao.support.Browser;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.TestClock;

/** A party signs a session record with the pointer on the screen, in a real browser (Debian's chromium). */
@IntegrationTest
class SigningJourneyTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

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

    private static void centre(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
    }

    @Test
    void aPartySignsTheSessionRecordOnTheScreenAndTheSignatureIsStored() {
        clock.reset();
        Api api = new Api(port);
        long id = api.post("fq.intake", "/api/cases", aCase().dispute("NEIGHBOUR").inVillage(FENGYUAN)
                .titled("两户因院墙排水发生争执").party("APPLICANT", "王五", "13912345678", null)
                .party("RESPONDENT", "赵六", null, null).body()).get("id").asLong();
        api.post("fengyuan.mediator", "/api/cases/" + id + "/accept", Map.of("note", "已签收"));
        clock.advance(Duration.ofHours(4));
        api.post("fengyuan.mediator", "/api/cases/" + id + "/mediation-sessions", Map.of(
                "heldAt", clock.instant().minus(Duration.ofHours(2)).toString(), "place", "枫源村调解室",
                "mediators", "枫源村调解员", "participants", "王五、赵六", "result", "AGREED", "notes", "双方同意改建排水管"));

        browser.driver().manage().window().setSize(new Dimension(1440, 1000));
        browser.logIn("fengyuan.mediator").go("/cases/" + id);
        browser.find(By.cssSelector("#documents-list"));
        browser.find(By.cssSelector("#case-records"));
        assertThat(browser.text(By.cssSelector("#case-records"))).contains("枫源村调解室", "录入于");
        WebElement sign = browser.find(By.cssSelector("[data-document='session-record'] a[href*='/sign']"));
        centre(browser.find(By.id("records")));
        browser.screenshot("documents-01-case-records-1440");
        centre(sign);
        browser.screenshot("documents-02-case-documents-1440");
        sign.click();
        browser.waitFor(ExpectedConditions.urlContains("/documents/session-record/sign"));

        browser.driver().manage().window().setSize(new Dimension(375, 900));
        WebElement open = browser.find(By.cssSelector("[data-role='APPLICANT'] .sign-open"));
        centre(open);
        open.click();
        WebElement canvas = browser.find(By.id("signature-canvas"));
        centre(canvas);
        new Actions(browser.driver()).moveToElement(canvas, -60, 0).clickAndHold().moveByOffset(30, -20)
                .moveByOffset(30, 25).moveByOffset(40, -15).release().perform();
        browser.screenshot("documents-03-signing-375");
        WebElement save = browser.find(By.id("signature-save"));
        centre(save);
        save.click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-role='APPLICANT']"), "已签名"));
        browser.screenshot("documents-04-signed-375");
        browser.driver().manage().window().setSize(new Dimension(1366, 900));

        assertThat(jdbc.sql("""
                select count(*) from document_signature where case_id = ? and document_kind = 'SESSION_RECORD'
                and signer_role = 'APPLICANT'""").param(id).query(Long.class).single()).isEqualTo(1);
    }
}
