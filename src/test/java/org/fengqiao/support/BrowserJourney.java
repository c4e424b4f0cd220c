package org.fengqiao.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every journey in a real browser starts from: one browser for the test class (closed after it), the
 * platform's port, and the test clock set back to its start before each test. A journey class extends this and
 * is itself an {@link IntegrationTest}; {@link Browser#start} opens a page as a user at a width.
 */
public abstract class BrowserJourney {

    protected static Browser browser;

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestClock clock;

    @BeforeAll
    static void openBrowser(@LocalServerPort int port) {
        browser = Browser.open(port);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @BeforeEach
    void resetClock() {
        clock.reset();
    }
}
