package io.safetyhub.warning.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.safetyhub.warning.alarm.AlarmView;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * POSTs each notice as JSON to a configured URL, signed with HMAC-SHA256 over the exact body in
 * {@code X-SafetyHub-Signature: sha256=<hex>}, so the receiver can tell it came from us unaltered.
 */
@ApplicationScoped
public class WebhookChannel implements NotificationChannel {
    public static final String SIGNATURE_HEADER = "X-SafetyHub-Signature";

    private final String url;
    private final String secret;
    private final ObjectMapper json;
    private final Duration timeout;
    private final HttpClient http;

    public WebhookChannel(WarningConfig config, ObjectMapper json) {
        this.url = config.webhook().url().orElse(null);
        this.secret = config.webhook().secret().orElse(null);
        this.timeout = config.webhook().timeout();
        this.http = HttpClient.newBuilder().connectTimeout(config.webhook().connectTimeout()).build();
        this.json = json;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public boolean enabled() {
        return url != null && secret != null;
    }

    /** Sends one notice and waits for the receiver's answer (on the channel's worker thread, never an alarm's). */
    @Override
    public void send(String change, String audience, AlarmView alarm) {
        if (!enabled()) {
            return;
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(Map.of("change", change, "audience", audience, "alarm", alarm));
        } catch (Exception e) {
            throw new IllegalStateException("could not serialise the notice", e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header(SIGNATURE_HEADER, "sha256=" + sign(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("webhook answered " + response.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("webhook unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the webhook", e);
        }
    }

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
