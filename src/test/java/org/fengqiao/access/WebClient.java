package org.fengqiao.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like client over real HTTP for the account tests: keeps its cookies and the last page's CSRF token,
 * follows no redirects, and comes from the client address it is given (sent as X-Forwarded-For, which the
 * platform trusts from a local proxy), so that each test has throttling counters of its own.
 */
final class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*content=\"([^\"]*)\"|name=\"_csrf\" value=\"([^\"]*)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Page(int status, String location, String html, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            return JSON.readTree(html);
        }
    }

    private final String base;
    private final String address;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String csrf;

    WebClient(int port, String address) {
        this.base = "http://localhost:" + port;
        this.address = address;
    }

    Page get(String path) {
        Page page = send(request(path).GET());
        Matcher m = CSRF.matcher(page.html());
        if (m.find()) {
            csrf = m.group(1) != null ? m.group(1) : m.group(2);
        }
        return page;
    }

    Page post(String path, Map<String, String> form) {
        List<String> pairs = new ArrayList<>();
        form.forEach((k, v) -> pairs.add(enc(k) + "=" + enc(v)));
        pairs.add("_csrf=" + enc(csrf));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))));
    }

    /** Posts the login form; answers the redirect it gives. */
    Page signIn(String username, String password) {
        get("/login");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        return post("/login", form);
    }

    /** Calls the API with a JSON body (no cookies matter there). */
    Page api(String method, String path, String token, String json) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    Page token(String username, String password, String code) {
        return api("POST", "/api/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\"" + (code == null ? "" : ",\"code\":\"" + code + "\"") + "}");
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("X-Forwarded-For", address)
                .header("User-Agent", "WebClient/1.0 (test)");
    }

    Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
