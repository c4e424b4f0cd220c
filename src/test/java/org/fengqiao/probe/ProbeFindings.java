package org.fengqiao.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fengqiao.support.RawHttp;

/**
 * How the probe judges an answer, and what it found: grouped by kind, with a few example requests each, reported
 * together at the end of a test.
 */
final class ProbeFindings {

    static final Pattern INTERNALS = Pattern.compile(
            "org\\.fengqiao|java\\.[a-z]|jakarta\\.|tools\\.jackson|com\\.fasterxml|springframework|[A-Za-z]Exception\\b"
                    + "|\\$[A-Z][A-Za-z]+\\b|Whitelabel|Apache Tomcat|HTTP Status \\d");

    private final String mark;
    private final Map<String, Set<String>> kinds = new LinkedHashMap<>();
    private int requests;

    ProbeFindings(String mark) {
        this.mark = mark;
    }

    void expectNotFound(String method, String target, RawHttp.Response r) {
        requests++;
        if (r.status() != 404) {
            add("another jurisdiction's case answered " + r.status() + " instead of 404", method + " " + target);
        }
    }

    void check(String method, String target, RawHttp.Response r, boolean api) {
        requests++;
        String where = method + " " + shorten(target);
        if (r.status() >= 500) {
            add("5xx (" + r.status() + ")", where);
        }
        if (r.status() < 400) {
            return;
        }
        if (api && !r.contentType().startsWith("application/problem+json")) {
            add("an API refusal that is not a problem detail (" + r.status() + " " + r.contentType() + ")", where);
        }
        if (!api && r.status() != 401 && r.status() != 403 && !r.contentType().startsWith("text/html")
                && !r.contentType().startsWith("application/problem+json")) {
            add("a page refusal that is not a page (" + r.status() + " " + r.contentType() + ")", where);
        }
        Matcher internals = INTERNALS.matcher(r.body());
        if (internals.find()) {
            add("Java internals in a refusal (" + internals.group() + ")", where);
        }
        if (api && r.body().contains(mark)) {
            add("the value sent is echoed in a refusal", where);
        }
    }

    void add(String what, String where) {
        kinds.computeIfAbsent(what, k -> new LinkedHashSet<>()).add(where);
    }

    void report() {
        StringBuilder text = new StringBuilder();
        kinds.forEach((what, where) -> {
            text.append("\n* ").append(what).append(" — ").append(where.size()).append(" request(s), e.g.:");
            where.stream().limit(6).forEach(w -> text.append("\n    ").append(w));
        });
        System.out.println("probe: " + requests + " requests, " + kinds.size() + " kinds of finding" + text);
        assertThat(kinds).as("probe findings after %d requests:%s", requests, text).isEmpty();
    }

    private static String shorten(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    /** A case of another jurisdiction must be answered exactly as one that does not exist: no 2xx, no oracle. */
    void expectNoOracle(String method, String target, RawHttp.Response real, RawHttp.Response none) {
        requests += 2;
        if (real.status() < 400 || real.status() != none.status()) {
            add("another jurisdiction's case answered " + real.status() + " where a missing case answers "
                    + none.status(), method + " " + target);
        }
    }
}
