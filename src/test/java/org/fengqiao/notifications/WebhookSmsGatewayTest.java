package org.fengqiao.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON webhook gateway posts the template id, parameters, text and idempotency key to a real HTTP server,
 * with the key as a header and the bearer token; an answer that is not 2xx is a failure the outbox retries.
 */
class WebhookSmsGatewayTest {

    record Received(String authorization, String idempotencyKey, JsonNode body) {
    }

    HttpServer server;
    List<Received> received = new CopyOnWriteArrayList<>();
    AtomicInteger status = new AtomicInteger(202);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    JsonMapper.builder().build().readTree(new String(body, StandardCharsets.UTF_8))));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private WebhookSmsGateway gateway() {
        return new WebhookSmsGateway(new NotificationProperties.Sms("webhook",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms"), "s3cret",
                Duration.ofSeconds(2), null, null, null, null));
    }

    @Test
    void postsTheTemplateAndParametersWithTheIdempotencyKey() {
        gateway().send(new SmsGateway.Sms("case:1:v0:0:CITIZEN_REGISTERED", "13800000001", "SMS_0001",
                Map.of("code", "330681-20261120-000001-5"), "【枫桥】您反映的事项已登记"));
        assertThat(received).hasSize(1);
        Received r = received.getFirst();
        assertThat(r.authorization()).isEqualTo("Bearer s3cret");
        assertThat(r.idempotencyKey()).isEqualTo("case:1:v0:0:CITIZEN_REGISTERED");
        assertThat(r.body().get("phone").asString()).isEqualTo("13800000001");
        assertThat(r.body().get("templateId").asString()).isEqualTo("SMS_0001");
        assertThat(r.body().get("params").get("code").asString()).isEqualTo("330681-20261120-000001-5");
        assertThat(r.body().get("text").asString()).isEqualTo("【枫桥】您反映的事项已登记");
        assertThat(r.body().get("idempotencyKey").asString()).isEqualTo("case:1:v0:0:CITIZEN_REGISTERED");
    }

    @Test
    void anAnswerThatIsNotSuccessIsAFailure() {
        status.set(503);
        assertThatThrownBy(() -> gateway().send(new SmsGateway.Sms("k", "13800000001", "T", Map.of(), "text")))
                .isInstanceOf(RuntimeException.class);
    }
}
