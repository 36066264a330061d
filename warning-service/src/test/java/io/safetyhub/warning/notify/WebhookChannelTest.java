package io.safetyhub.warning.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.warning.alarm.AlarmView;
import io.safetyhub.warning.support.Engines;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook's signature checked by a real HTTP server, as a receiver would check it. */
class WebhookChannelTest {

    @Test
    void shouldSignTheExactBodyWithHmacSha256WhenNotifying() throws Exception {
        BlockingQueue<String[]> received = new ArrayBlockingQueue<>(1);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new String[]{exchange.getRequestHeaders().getFirst(WebhookChannel.SIGNATURE_HEADER),
                    WebhookChannel.sign("s3cret", body), new String(body)});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            WebhookChannel channel = new WebhookChannel(Engines.config(
                    Map.of("warning.webhook.url", url, "warning.webhook.secret", "s3cret")),
                    new ObjectMapper().registerModule(new JavaTimeModule()));
            channel.send("ESCALATED", "TOWN_REGULATOR", view());
            // send() returns once the receiver has answered, and it queues what it got before answering: no wait.
            String[] got = received.poll();
            assertNotNull(got, "the webhook was not called");
            assertEquals("sha256=" + got[1], got[0]);
            assertTrue(got[2].contains("\"audience\":\"TOWN_REGULATOR\""), got[2]);
            assertTrue(got[2].contains("GA-W1"), got[2]);
        } finally {
            server.stop(0);
        }
    }

    private static AlarmView view() {
        Instant t = Instant.parse("2026-06-01T08:00:00Z");
        return new AlarmView("GA-W1|default-gas-lel|1", "chem-banan-01", "巴南区", "南彭街道", "GA-W1", "gas-alarm", null,
                "default-gas-lel", "gas_lel", AlarmEvent.Kind.THRESHOLD, AlarmLevel.ORANGE, "II",
                AlarmEvent.Status.ACTIVE, 60, 60, "%LEL", 50, t, t, "gas", false, "TOWN_REGULATOR", null, List.of());
    }
}
