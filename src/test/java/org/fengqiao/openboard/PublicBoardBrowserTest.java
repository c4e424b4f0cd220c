package org.fengqiao.openboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.fengqiao.support.Browser;
import org.fengqiao.support.IntegrationTest;

/**
 * The board and the statistics in a real browser at phone width (375 px) and on a desktop (1440 px): the demo's
 * published items are there, "我也遇到" works from the keyboard, no script is needed, the English switch works.
 * Screenshots go to target/screenshots/board-*.png.
 */
@IntegrationTest
class PublicBoardBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    PublicBoard board;

    @Test
    void aCitizenReadsTheBoardOnAPhoneAndSaysMeTooWithTheKeyboard() {
        try (Browser b = Browser.open(port)) {
            b.driver().manage().window().setSize(new Dimension(375, 900));
            b.go("/public/board");
            assertThat(b.driver().findElements(By.cssSelector("article.item"))).isNotEmpty();
            assertThat(b.text(By.cssSelector("article.item"))).contains("官方答复");
            long width = (Long) ((org.openqa.selenium.JavascriptExecutor) b.driver())
                    .executeScript("return document.documentElement.scrollWidth;");
            assertThat(width).as("no horizontal scrolling at phone width").isLessThanOrEqualTo(375);
            b.screenshot("board-responses-375");

            b.go("/public/board?wall=PROBLEMS");
            var button = b.find(By.cssSelector("article.item form button"));
            String before = button.getText();
            button.sendKeys(Keys.ENTER);
            b.waitFor(d -> d.getCurrentUrl().contains("thanks="));
            assertThat(b.text(By.cssSelector("p.notice"))).contains("谢谢");
            assertThat(b.find(By.cssSelector("article.item form button")).getText()).isNotEqualTo(before);
            b.screenshot("board-problems-375");

            b.go("/public/stats");
            assertThat(b.text(By.tagName("table"))).contains("枫桥镇");
            b.screenshot("board-stats-375");
            b.driver().manage().window().setSize(new Dimension(1440, 900));
            b.go("/public/board?lang=en");
            assertThat(b.text(By.tagName("h1"))).contains("public response board");
            b.screenshot("board-responses-1440-en");
            b.go("/public/stats?lang=zh_CN");
            b.screenshot("board-stats-1440");
        }
    }
}
