package org.fengqiao.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the platform's API, speaking real HTTP to the test server.
 */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String PASSWORD = "Fengqiao@2026";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A response: status and body (JSON when it is JSON, else null) and the raw text. */
    public record Response(int status, JsonNode json, String text, HttpResponse<byte[]> raw) {
        public JsonNode get(String field) {
            return json.get(field);
        }

        public String detail() {
            return json == null || json.get("detail") == null ? text : json.get("detail").asString();
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    public String token(String username) {
        return TOKENS.computeIfAbsent(base + username, k -> {
            Response r = send("POST", "/api/auth/token", null,
                    "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}", "application/json");
            if (r.status() != 201) {
                throw new IllegalStateException("cannot log in as " + username + ": " + r);
            }
            return r.get("token").asString();
        });
    }

    /**
     * Forgets the tokens issued so far: tests that move the clock by months need tokens issued at the new time
     * (tokens expire after 30 days of clock time).
     */
    public static void forgetTokens() {
        TOKENS.clear();
    }

    public Response get(String user, String path) {
        return send("GET", path, user == null ? null : token(user), null, null);
    }

    public Response post(String user, String path, Object body) {
        return send("POST", path, user == null ? null : token(user), body == null ? null : JSON.writeValueAsString(body),
                "application/json");
    }

    public Response postRaw(String user, String path, byte[] body, String contentType) {
        return send("POST", path, user == null ? null : token(user), body, contentType);
    }

    public Response put(String user, String path, Object body) {
        return send("PUT", path, token(user), JSON.writeValueAsString(body), "application/json");
    }

    public Response send(String method, String path, String token, Object body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : body instanceof byte[] bytes ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
        b.method(method, publisher);
        try {
            HttpResponse<byte[]> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            String text = new String(response.body(), StandardCharsets.UTF_8);
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !text.isEmpty() ? JSON.readTree(text) : null;
            return new Response(response.statusCode(), json, text, response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
