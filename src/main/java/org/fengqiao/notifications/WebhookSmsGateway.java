package org.fengqiao.notifications;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * A generic JSON webhook as SMS gateway: each message is POSTed to {@code fengqiao.notifications.sms.webhook-url}
 * as {@code {"idempotencyKey", "phone", "templateId", "params", "text"}}, with the key also in the
 * {@code Idempotency-Key} header and, if configured, a bearer token. Any 2xx answer means the gateway took it;
 * anything else (or no answer within the time-out) is a failure the outbox retries. A provider with its own API
 * (Aliyun, Tencent Cloud SMS) sits behind a small relay that speaks this.
 */
class WebhookSmsGateway implements SmsGateway {

    private final RestClient http;

    WebhookSmsGateway(NotificationProperties.Sms properties) {
        if (properties.webhookUrl() == null) {
            throw new IllegalStateException("fengqiao.notifications.sms.webhook-url is required for the webhook gateway");
        }
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.timeout());
        requests.setReadTimeout(properties.timeout());
        RestClient.Builder b = RestClient.builder().baseUrl(properties.webhookUrl().toString()).requestFactory(requests);
        if (properties.webhookToken() != null && !properties.webhookToken().isBlank()) {
            b.defaultHeader("Authorization", "Bearer " + properties.webhookToken());
        }
        this.http = b.build();
    }

    @Override
    public void send(Sms sms) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idempotencyKey", sms.idempotencyKey());
        body.put("phone", sms.phone());
        body.put("templateId", sms.templateId());
        body.put("params", sms.params());
        body.put("text", sms.text());
        http.post().contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", sms.idempotencyKey())
                .body(body).retrieve().toBodilessEntity();
    }
}
