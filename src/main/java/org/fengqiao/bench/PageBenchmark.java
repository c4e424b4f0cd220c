package org.fengqiao.bench;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load generator for the pages people use every day: N virtual users, each logged in with its own session,
 * walk workbench → case list → a case → dashboard over real HTTP for a fixed time, and the latency of each
 * page is recorded.
 *
 * <p>The users share one HTTP client (one connection pool and one selector thread, as a separate load-generating
 * machine would have) and each keeps its own session cookies: fifty clients of their own ran fifty selector
 * threads in the JVM that also serves the pages, and their overhead showed in the measured latencies.
 */
final class PageBenchmark {

    /** The pages, and the panels a case page loads right after it (no think time before those). */
    enum Page { WORKBENCH, LIST, DETAIL, DUPLICATES_PANEL, SIMILAR_PANEL, DASHBOARD }

    private static final Pattern CASE_LINK = Pattern.compile("href=\"/cases/(\\d+)\"");
    /** The panels a case page has htmx fetch as soon as it is shown (the duplicates panel only on an open case). */
    private static final Pattern PANEL = Pattern.compile("hx-get=\"(/cases/\\d+/(duplicates|similar))\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** The demo county's people, in turn (one county: its figures are named without a level). */
    static final List<Visitor> DEMO_USERS = java.util.stream.Stream.of("fq.dispatcher", "fq.intake", "fq.supervisor",
            "county.leader", "fengyuan.grid", "leshan.grid", "fq.police", "fq.justice", "county.dispatcher",
            "tianzhu.grid").map(u -> new Visitor(u, "", "/dashboard")).toList();

    /**
     * A virtual user: whom it logs in as, the level its figures are reported under ({@code village}, {@code township},
     * {@code county}, {@code province}; empty in the demo county) and the figures it opens as its dashboard (a county
     * opens the last month's: its monthly review figures).
     */
    record Visitor(String username, String level, String dashboard) {
    }

    /** Samples of one page for users of one level. */
    record Sample(String level, Page page) {
    }

    /** How long a page is waited for; one not served by then is counted as timed out (and as that slow). */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final int thinkMillis;
    /** Requests that timed out, warm-up included, by level and page. */
    private final Map<Sample, java.util.concurrent.atomic.LongAdder> timeouts = new java.util.concurrent.ConcurrentHashMap<>();
    /** When the warm-up ends: requests sent from then on are measured. */
    private volatile long measureFrom;

    /**
     * @param thinkMillis a user's mean pause between pages (reading, typing), varied by ±50%; 0 for none
     */
    PageBenchmark(int port, int thinkMillis) {
        this.base = "http://localhost:" + port;
        this.thinkMillis = thinkMillis;
    }

    /**
     * Per page: latencies in milliseconds, sorted, of the requests sent after the warm-up. The users browse without
     * a pause between warm-up and measurement, so that what is measured is the steady state, not all of them
     * starting at once.
     */
    Map<Sample, double[]> run(List<Visitor> visitors, Duration warmUp, Duration duration, String password) {
        int users = visitors.size();
        Map<Sample, ConcurrentLinkedQueue<Double>> samples = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(users);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        List<User> clients = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            User client = new User(http);
            logIn(client, visitors.get(u).username(), password);
            clients.add(client);
        }
        measureFrom = System.nanoTime() + warmUp.toNanos();
        long end = measureFrom + duration.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            User client = clients.get(u);
            Visitor visitor = visitors.get(u);
            Random random = new Random(u);
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    time(samples, visitor, Page.WORKBENCH, client, "/workbench");
                    String list = time(samples, visitor, Page.LIST, client, random.nextInt(3) == 0
                            ? "/cases?q=" + URLEncoder.encode("纠纷", StandardCharsets.UTF_8) : "/cases?page=" + random.nextInt(5));
                    // open a case from the list, as a user would
                    List<String> ids = new ArrayList<>();
                    Matcher link = CASE_LINK.matcher(list);
                    while (link.find()) {
                        ids.add(link.group(1));
                    }
                    if (!ids.isEmpty()) {
                        String id = ids.get(random.nextInt(ids.size()));
                        String detail = time(samples, visitor, Page.DETAIL, client, "/cases/" + id);
                        // then the panels the page asks for, as htmx does
                        Matcher panel = PANEL.matcher(detail);
                        while (panel.find()) {
                            timeNow(samples, visitor, panel.group(2).equals("duplicates") ? Page.DUPLICATES_PANEL
                                    : Page.SIMILAR_PANEL, client, panel.group(1));
                        }
                    }
                    time(samples, visitor, Page.DASHBOARD, client, visitor.dashboard());
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("page benchmark failed", e);
        } finally {
            pool.shutdown();
        }
        Map<Sample, double[]> result = new java.util.TreeMap<>(java.util.Comparator.comparing(Sample::level)
                .thenComparing(Sample::page));
        samples.forEach((page, q) -> {
            double[] ms = q.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(ms);
            result.put(page, ms);
        });
        return result;
    }

    /** The requests that timed out in the last run, warm-up included, by level and page. */
    Map<Sample, Long> timeouts() {
        Map<Sample, Long> counts = new java.util.TreeMap<>(java.util.Comparator.comparing(Sample::level)
                .thenComparing(Sample::page));
        timeouts.forEach((sample, count) -> counts.put(sample, count.sum()));
        return counts;
    }

    static double percentile(double[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    private String time(Map<Sample, ConcurrentLinkedQueue<Double>> samples, Visitor visitor, Page page, User client,
                        String path) {
        if (thinkMillis > 0) {
            try {
                Thread.sleep((long) (thinkMillis * (0.5 + java.util.concurrent.ThreadLocalRandom.current().nextDouble())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return timeNow(samples, visitor, page, client, path);
    }

    /** Times a request sent at once, as htmx sends a page's panels. */
    private String timeNow(Map<Sample, ConcurrentLinkedQueue<Double>> samples, Visitor visitor, Page page, User client,
                           String path) {
        long start = System.nanoTime();
        boolean measured = start - measureFrom >= 0;
        HttpResponse<String> r;
        try {
            r = get(client, path);
        } catch (java.io.UncheckedIOException e) {
            if (!(e.getCause() instanceof java.net.http.HttpTimeoutException)) {
                throw e;
            }
            // counted, and as slow as the wait was: a page nobody got is not left out of the percentiles
            timeouts.computeIfAbsent(new Sample(visitor.level(), page), k -> new java.util.concurrent.atomic.LongAdder())
                    .increment();
            System.out.printf("bench: %s (%s) timed out after %d s%n", path, visitor.username(), TIMEOUT.toSeconds());
            if (measured) {
                samples.computeIfAbsent(new Sample(visitor.level(), page), k -> new ConcurrentLinkedQueue<>())
                        .add((System.nanoTime() - start) / 1e6);
            }
            return "";
        }
        double ms = (System.nanoTime() - start) / 1e6;
        if (r.statusCode() == 404 && page == Page.DASHBOARD) {
            return ""; // the dashboard is optional in a build without it
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode());
        }
        if (measured) {
            samples.computeIfAbsent(new Sample(visitor.level(), page), k -> new ConcurrentLinkedQueue<>()).add(ms);
        }
        return r.body();
    }

    private void logIn(User client, String username, String password) {
        HttpResponse<String> login = get(client, "/login");
        Matcher m = CSRF.matcher(login.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + m.group(1);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("cannot log in as " + username);
        }
    }

    private HttpResponse<String> get(User client, String path) {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET());
    }

    /** A virtual user: the shared client, and the cookies of this user's session (also {@link PublicBenchmark}'s). */
    static final class User {

        private final HttpClient http;
        private final Map<String, String> cookies = new java.util.LinkedHashMap<>();

        User(HttpClient http) {
            this.http = http;
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue()).toList()));
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                for (String header : response.headers().allValues("Set-Cookie")) {
                    for (HttpCookie cookie : HttpCookie.parse(header)) {
                        if (cookie.getMaxAge() == 0) {
                            cookies.remove(cookie.getName());
                        } else {
                            cookies.put(cookie.getName(), cookie.getValue());
                        }
                    }
                }
                return response;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
