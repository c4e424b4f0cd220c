package org.fengqiao.ledger;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.fengqiao.support.Pages;

/** Follows a ledger job the way the page does: asking every so often until it stops asking. */
final class Jobs {

    private Jobs() {
    }

    /** The job id in a page or fragment that shows a job. */
    static String idIn(String html) {
        return Pages.find(html, "job-([0-9a-f-]{36})");
    }

    /** Polls {@code GET /jobs/{id}} as htmx does until the fragment no longer polls; returns the last fragment. */
    static String awaitEnd(Pages pages, RequestPostProcessor user, String id) throws Exception {
        long until = System.nanoTime() + 60_000_000_000L;
        while (true) {
            String html = pages.mvc.perform(get("/jobs/" + id).header("HX-Request", "true").with(user))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            if (!html.contains("every 500ms")) {
                return html;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("job " + id + " still running:\n" + html);
            }
            Thread.sleep(100);
        }
    }
}
