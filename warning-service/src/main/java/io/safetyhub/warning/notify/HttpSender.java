package io.safetyhub.warning.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safetyhub.warning.config.ChannelSettings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One POST of an HTTP channel (WeCom, DingTalk, SMS) on the channel's worker thread, answering the receiver's JSON
 * reply. A transport failure or a non-2xx status throws (the worker retries); the reply's own verdict
 * ({@code errcode}, {@code Code}) is the channel's to judge. Messages never carry the URL: it holds the robot's key.
 */
final class HttpSender {
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json;

    HttpSender(ChannelSettings.Http settings, ObjectMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        this.timeout = settings.timeout();
        this.json = json;
    }

    JsonNode post(String what, URI uri, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(what + " unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + what, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + " answered HTTP " + response.statusCode());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(what + " answered something that is not JSON");
        }
    }

    String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("could not serialise the notice", e);
        }
    }

    /** WeCom's and DingTalk's verdict: {@code errcode} 0 is accepted, anything else a failure (retried). */
    static void requireErrcodeZero(String what, JsonNode reply) {
        JsonNode code = reply.get("errcode");
        if (code == null || code.asInt(-1) != 0) {
            throw new IllegalStateException(what + " refused: errcode " + (code == null ? "missing" : code.asText())
                    + " " + reply.path("errmsg").asText(""));
        }
    }
}
