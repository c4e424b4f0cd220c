package org.fengqiao.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load generator for the public side, over real HTTP like {@link PageBenchmark} (one shared client, cookies per
 * virtual person): each citizen first reports a matter through 随手报 (getting its tracking code and access key),
 * then browses — the public home page, the board (回音壁 or 问题墙, all or one township), the statistics, the
 * tracking form, and its own matter by code and key — with a think time between pages; meanwhile new reports
 * arrive at a fixed rate, four in five through the public form (each from a new visitor: the form, then the post)
 * and one in five through Open311's {@code POST requests.json} with the demo API key. Every answer is checked
 * (the matter page shows the code, a report answers with a code), and each report's code is kept, so the caller
 * can count what was registered and notified in the database.
 *
 * <p>Each virtual person comes from an address of its own, given in {@code X-Forwarded-For} as a reverse proxy
 * would (the platform runs with {@code server.forward-headers-strategy=native} for this), so the limits per client
 * address apply to each as to a real citizen, at their defaults.
 */
final class PublicBenchmark {

    enum Page { HOME, BOARD, STATS, TRACK_FORM, TRACK, REPORT_FORM, REPORT, OPEN311_POST }

    /** Per page the sorted latencies (ms) measured after the warm-up; the codes of every report acknowledged. */
    record Outcome(Map<Page, double[]> latencies, List<String> reported, int reportsSent, List<String> failures) {
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("id=\"tracking-code\">([^<]+)<");
    private static final Pattern KEY = Pattern.compile("id=\"access-key\">([^<]+)<");
    private static final Pattern VILLAGE = Pattern.compile("<option value=\"(\\d{12})\"");
    private static final Pattern SERVICE_ID = Pattern.compile("\"service_request_id\":\"([^\"]+)\"");
    private static final String[] MATTERS = {"NEIGHBOUR", "FAMILY", "WAGES", "PROPERTY", "HOMESTEAD", "CONSUMER", "HAZARD"};
    private static final String[] DISPUTE_TYPES = {"NEIGHBOUR", "LABOUR_WAGES", "CONSUMER", "PROPERTY_MANAGEMENT"};

    private final String base;
    private final int thinkMillis;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Page, Queue<Double>> samples = new EnumMap<>(Page.class);
    private final Queue<String> reported = new ConcurrentLinkedQueue<>();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sent = new AtomicInteger();
    /** Distinct mobile numbers per run, so the per-phone limit (kept at its default) never refuses one. */
    private final int phoneSeed = (int) (System.currentTimeMillis() / 1000 % 10_000) * 10_000;
    private volatile long measureFrom = Long.MAX_VALUE;
    private List<String> villages = List.of();
    private List<String> townships = List.of();

    PublicBenchmark(int port, int thinkMillis, String apiKey) {
        this.base = "http://localhost:" + port;
        this.thinkMillis = thinkMillis;
        this.apiKey = apiKey;
        for (Page p : Page.values()) {
            samples.put(p, new ConcurrentLinkedQueue<>());
        }
    }

    /**
     * Each of {@code citizens} reports and then browses for {@code warmUp} + {@code duration}; during
     * {@code duration} reports arrive at {@code reportsPerMinute}, each sent by its own task so that a slow one
     * does not hold the next back.
     */
    Outcome run(int citizens, Duration warmUp, Duration duration, int reportsPerMinute) {
        Visitor first = new Visitor(new PageBenchmark.User(http), "10.13.0.1");
        villages = all(VILLAGE, get(first, "/public/report").body());
        townships = all(VILLAGE, get(first, "/public/board").body());
        if (villages.isEmpty()) {
            throw new IllegalStateException("the report form lists no village");
        }
        ExecutorService browsing = Executors.newFixedThreadPool(citizens);
        ExecutorService reporting = Executors.newFixedThreadPool(32);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        try {
            // each citizen's own matter, reported before anything is measured
            List<Future<String[]>> own = new ArrayList<>();
            for (int c = 0; c < citizens; c++) {
                int n = c;
                own.add(reporting.submit(() -> report(n, false)));
            }
            List<String[]> matters = new ArrayList<>();
            for (Future<String[]> f : own) {
                String[] m = f.get();
                if (m != null) {
                    matters.add(m);
                }
            }
            if (matters.isEmpty()) {
                throw new IllegalStateException("no citizen could report: " + failures.peek());
            }
            measureFrom = System.nanoTime() + warmUp.toNanos();
            long end = measureFrom + duration.toNanos();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < citizens; c++) {
                String[] matter = matters.get(c % matters.size());
                Random random = new Random(c);
                int citizen = c;
                running.add(browsing.submit(() -> {
                    browse(new Visitor(new PageBenchmark.User(http), address(14, citizen)), matter, random, end);
                    return null;
                }));
            }
            int reports = (int) ((long) reportsPerMinute * duration.toSeconds() / 60);
            AtomicInteger next = new AtomicInteger(citizens);
            if (reports > 0) {
                long every = 60_000_000L / reportsPerMinute;
                long delay = Math.max(0, (measureFrom - System.nanoTime()) / 1000);
                clock.scheduleAtFixedRate(() -> {
                    int n = next.getAndIncrement();
                    if (n < citizens + reports) {
                        reporting.submit(() -> report(n, n % 5 == 4));
                    }
                }, delay, every, TimeUnit.MICROSECONDS);
            }
            for (Future<?> f : running) {
                f.get();
            }
            clock.shutdown();
            reporting.shutdown();
            if (!reporting.awaitTermination(2, TimeUnit.MINUTES)) {
                failures.add("reports still running two minutes after the end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("public benchmark failed", e.getCause());
        } finally {
            clock.shutdownNow();
            reporting.shutdownNow();
            browsing.shutdownNow();
        }
        Map<Page, double[]> result = new EnumMap<>(Page.class);
        samples.forEach((page, q) -> {
            double[] ms = q.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(ms);
            result.put(page, ms);
        });
        return new Outcome(result, List.copyOf(reported), sent.get(), List.copyOf(failures));
    }

    /** A virtual person: its cookies and its address. */
    private record Visitor(PageBenchmark.User user, String address) {
    }

    /** The {@code n}-th address of a /16 block of the private 10/8 network. */
    private static String address(int block, int n) {
        return "10." + block + "." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    private void browse(Visitor citizen, String[] matter, Random random, long end) {
        while (System.nanoTime() < end) {
            try {
                browseOnce(citizen, matter, random);
            } catch (java.io.UncheckedIOException e) {
                // a page not answered within 30 s (or a connection lost) is counted, and the citizen goes on
                failures.add("a citizen's page failed: " + e.getCause());
            }
        }
    }

    private void browseOnce(Visitor citizen, String[] matter, Random random) {
        String code = URLEncoder.encode(matter[0], StandardCharsets.UTF_8);
        {
            page(citizen, Page.HOME, "/public");
            String board = random.nextBoolean() ? "/public/board" : "/public/board?wall=PROBLEMS";
            if (!townships.isEmpty() && random.nextInt(3) == 0) {
                board += (board.contains("?") ? "&" : "?") + "township=" + townships.get(random.nextInt(townships.size()));
            }
            page(citizen, Page.BOARD, board);
            page(citizen, Page.STATS, "/public/stats");
            String form = page(citizen, Page.TRACK_FORM, "/public/track?code=" + code);
            String token = csrf(form);
            if (token == null) {
                return;
            }
            think();
            long start = System.nanoTime();
            HttpResponse<String> r = post(citizen, "/public/track", "code=" + code + "&key="
                    + URLEncoder.encode(matter[1], StandardCharsets.UTF_8) + "&_csrf=" + token);
            check(Page.TRACK, start, r, r.body().contains(matter[0]));
        }
    }

    /** Report {@code n}, through Open311 or the public form; a failure is kept, not thrown. */
    private String[] report(int n, boolean open311) {
        try {
            return open311 ? reportOpen311(n) : reportOnline(n);
        } catch (RuntimeException e) {
            failures.add("report " + n + " failed: " + (e.getCause() != null ? e.getCause() : e));
            return null;
        }
    }

    /** A new visitor reports through the form; returns its code and access key, or null if refused. */
    private String[] reportOnline(int n) {
        Visitor visitor = new Visitor(new PageBenchmark.User(http), address(15, n));
        String form = timed(visitor, Page.REPORT_FORM, "/public/report");
        String token = csrf(form);
        if (token == null) {
            return null;
        }
        Random r = new Random(n);
        String body = "matter=" + MATTERS[r.nextInt(MATTERS.length)]
                + "&title=" + enc("随手报压测 " + n + "：楼道堆物影响通行")
                + "&description=" + enc("楼道里长期堆放杂物，影响通行，也有火灾隐患，请帮忙协调处理。编号" + n)
                + "&regionCode=" + villages.get(r.nextInt(villages.size()))
                + "&name=" + enc("群众" + n) + "&mobile=" + phone(n) + "&consent=true&website=&_csrf=" + token;
        sent.incrementAndGet();
        long start = System.nanoTime();
        HttpResponse<String> answer = post(visitor, "/public/report", body);
        Matcher code = CODE.matcher(answer.body());
        Matcher key = KEY.matcher(answer.body());
        boolean ok = code.find() && key.find();
        check(Page.REPORT, start, answer, ok);
        if (!ok) {
            return null;
        }
        reported.add(code.group(1).strip());
        return new String[] {code.group(1).strip(), key.group(1).strip()};
    }

    /** Another system reports through Open311 with the demo key. */
    private String[] reportOpen311(int n) {
        Random r = new Random(n);
        String body = "api_key=" + enc(apiKey) + "&service_code=DISPUTE&attribute[dispute_type]="
                + DISPUTE_TYPES[r.nextInt(DISPUTE_TYPES.length)] + "&address_id=" + villages.get(r.nextInt(villages.size()))
                + "&description=" + enc("12345转来：小区噪声扰民，多次协商未果，请求调解。编号" + n)
                + "&first_name=" + enc("来电" + n) + "&phone=" + phone(n);
        sent.incrementAndGet();
        long start = System.nanoTime();
        HttpResponse<String> answer = post(new Visitor(new PageBenchmark.User(http), "10.16.0.1"),
                "/open311/v2/requests.json", body);
        Matcher id = SERVICE_ID.matcher(answer.body());
        boolean ok = id.find();
        check(Page.OPEN311_POST, start, answer, ok);
        if (ok) {
            reported.add(id.group(1));
        }
        return null;
    }

    private String phone(int n) {
        return String.format("139%08d", (phoneSeed + n) % 100_000_000);
    }

    private String page(Visitor user, Page page, String path) {
        think();
        return timed(user, page, path);
    }

    private String timed(Visitor user, Page page, String path) {
        long start = System.nanoTime();
        HttpResponse<String> r = get(user, path);
        check(page, start, r, true);
        return r.body();
    }

    private void check(Page page, long start, HttpResponse<String> r, boolean content) {
        double ms = (System.nanoTime() - start) / 1e6;
        if (r.statusCode() != 200 || !content) {
            if (failures.size() < 1000) {
                failures.add(page + " " + r.uri().getPath() + " answered " + r.statusCode()
                        + (content ? "" : " without what it should show"));
            }
            return;
        }
        if (start - measureFrom >= 0) {
            samples.get(page).add(ms);
        }
    }

    private void think() {
        if (thinkMillis > 0) {
            try {
                Thread.sleep((long) (thinkMillis * (0.5 + ThreadLocalRandom.current().nextDouble())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private HttpResponse<String> get(Visitor v, String path) {
        return v.user().send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", v.address()).GET());
    }

    private HttpResponse<String> post(Visitor v, String path, String form) {
        return v.user().send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", v.address())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        return m.find() ? URLEncoder.encode(m.group(1), StandardCharsets.UTF_8) : null;
    }

    private static List<String> all(Pattern p, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
