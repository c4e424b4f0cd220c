package org.fengqiao.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client threads that register neighbour disputes in 枫源村 (routed and assigned at once), have the village
 * mediation committee accept some and note progress on some, as fast as the platform answers, until stopped or
 * until the platform dies under them. Every answer the platform gave as success is written down client-side:
 * the case id for a 201, the event the platform must have recorded for a 2xx transition.
 */
final class CrashLoad {

    static final String PASSWORD = "Fengqiao@2026";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CASE_BODY = """
            {"channel": "WALK_IN", "kind": "DISPUTE", "disputeType": "NEIGHBOUR",
             "title": "崩溃测试：两户因排水沟堵塞发生争执", "description": "雨水倒灌进申请人厨房，双方多次争吵。",
             "regionCode": "330681109290",
             "parties": [{"role": "APPLICANT", "name": "张三", "phone": "13812341234"}]}""";

    /** Acknowledged case ids with the event types the platform acknowledged for each. */
    final Map<Long, Set<String>> acknowledged = new ConcurrentHashMap<>();
    /** Acknowledged cases the clients left assigned and will not touch again (candidates for a missed deadline). */
    final ConcurrentLinkedQueue<Long> leftAssigned = new ConcurrentLinkedQueue<>();
    final AtomicInteger transitions = new AtomicInteger();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One round of load against a running platform; {@link #stop()} or a dead platform ends it. */
    final class Round {
        private final String base;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicInteger registered = new AtomicInteger();
        private final List<Thread> threads = new ArrayList<>();

        Round(int port, int clients) {
            this.base = "http://127.0.0.1:" + port;
            String intake = token("fq.intake");
            String mediator = token("fengyuan.mediator");
            for (int t = 0; t < clients; t++) {
                int seed = t;
                threads.add(Thread.ofPlatform().name("crash-client-" + t).start(() -> drive(intake, mediator, seed)));
            }
        }

        int registered() {
            return registered.get();
        }

        /** Waits until the clients have stopped (after a stop or after the platform died under them). */
        void stop() {
            stopped.set(true);
            for (Thread t : threads) {
                try {
                    t.join(Duration.ofSeconds(60));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void drive(String intake, String mediator, int seed) {
            int n = seed;
            try {
                while (!stopped.get()) {
                    n++;
                    HttpResponse<String> r = send(intake, "/api/cases", CASE_BODY);
                    if (r.statusCode() != 201) {
                        continue;
                    }
                    JsonNode view = JSON.readTree(r.body());
                    long id = view.get("id").asLong();
                    Set<String> events = ConcurrentHashMap.newKeySet();
                    events.add("CaseRegistered");
                    if (!"ASSIGNED".equals(view.path("status").asString(""))) {
                        acknowledged.put(id, events);
                        registered.incrementAndGet();
                        continue;
                    }
                    events.add("CaseAssigned");
                    acknowledged.put(id, events);
                    registered.incrementAndGet();
                    if (n % 3 == 0) {
                        leftAssigned.add(id);
                        continue;
                    }
                    if (send(mediator, "/api/cases/" + id + "/accept", "{\"note\": \"已签收\"}").statusCode() / 100 == 2) {
                        events.add("CaseAccepted");
                        transitions.incrementAndGet();
                    } else {
                        continue;
                    }
                    if (n % 2 == 0 && send(mediator, "/api/cases/" + id + "/notes",
                            "{\"note\": \"已联系双方，约定调解时间\"}").statusCode() / 100 == 2) {
                        events.add("ProgressNoted");
                        transitions.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                // the platform died under this client: whatever was not answered was not acknowledged
            }
        }

        private HttpResponse<String> send(String token, String path, String json) throws IOException {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        private String token(String user) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/token"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\""
                                + PASSWORD + "\"}", StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                JsonNode token = r.statusCode() == 201 ? JSON.readTree(r.body()).get("token") : null;
                if (token == null) {
                    throw new IllegalStateException("cannot log in as " + user + ": " + r.statusCode() + " " + r.body());
                }
                return token.asString();
            } catch (IOException e) {
                throw new IllegalStateException("cannot log in as " + user, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
