package org.fengqiao.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in page session over real HTTP, as a browser keeps it: the session cookie, and the CSRF token of
 * the last page for the forms it posts.
 */
public final class SessionClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*content=\"([^\"]*)\"|content=\"([^\"]*)\"[^>]*name=\"_csrf\"");
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    private final String base;
    private final HttpClient http;
    private String csrf;

    /** A page: status, the Location of a redirect, and the HTML. */
    public record Page(int status, String location, String html) {
    }

    private SessionClient(String base) {
        this(base, HttpClient.newBuilder().cookieHandler(new CookieManager()).build());
    }

    private SessionClient(String base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /**
     * The same browser (the same session cookie) talking to another instance of the platform on this machine, as
     * a load balancer without sticky sessions would send it.
     */
    public SessionClient on(int port) {
        SessionClient other = new SessionClient("http://localhost:" + port, http);
        other.csrf = csrf;
        return other;
    }

    /** A GET as htmx sends it. */
    public Page htmx(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true").GET());
    }

    /** A form posted as htmx posts it, with the CSRF token of the last page. */
    public Page htmxPost(String path, Map<String, List<String>> form) {
        List<String> pairs = new ArrayList<>();
        form.forEach((name, values) -> values.forEach(v -> pairs.add(enc(name) + "=" + enc(v))));
        pairs.add("_csrf=" + enc(csrf));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))));
    }

    /** The body of a GET as bytes (a download), with its status. */
    public HttpResponse<byte[]> bytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in through the login form. */
    public static SessionClient signedInAs(int port, String username) {
        SessionClient b = new SessionClient("http://localhost:" + port);
        Page login = b.get("/login");
        Matcher m = CSRF_INPUT.matcher(login.html());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        b.csrf = m.group(1);
        Page signedIn = b.post("/login", Map.of("username", List.of(username), "password", List.of(Api.PASSWORD)));
        if (signedIn.status() != 302 || signedIn.location() == null || signedIn.location().contains("error")) {
            throw new IllegalStateException("cannot sign in as " + username + ": " + signedIn.status() + " " + signedIn.location());
        }
        b.get("/workbench");
        return b;
    }

    public Page get(String path) {
        Page page = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        Matcher m = CSRF.matcher(page.html());
        if (m.find()) {
            csrf = m.group(1) != null ? m.group(1) : m.group(2);
        }
        return page;
    }

    /** Posts a form with the CSRF token of the last page. */
    public Page post(String path, Map<String, List<String>> form) {
        List<String> pairs = new ArrayList<>();
        form.forEach((name, values) -> values.forEach(v -> pairs.add(enc(name) + "=" + enc(v))));
        pairs.add("_csrf=" + enc(csrf));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
