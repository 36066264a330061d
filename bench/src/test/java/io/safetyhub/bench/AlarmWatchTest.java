package io.safetyhub.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlarmWatchTest {
    private static final Instant NOW = Instant.parse("2026-11-23T06:00:00.250Z");
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String serve(String contentType, String body, String expectedToken) throws Exception {
        CountDownLatch sent = new CountDownLatch(1);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/alarms/stream", exchange -> {
            boolean authorised = ("Bearer " + expectedToken).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getResponseHeaders().add("Content-Type", contentType);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(authorised ? 200 : 401, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(authorised ? bytes : new byte[0]);
                out.flush();
            }
            sent.countDown();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String event(String device, String change, String alarmId, String raisedAt) {
        return "data: {\"alarmId\":\"" + alarmId + "\",\"change\":\"" + change + "\",\"deviceId\":\"" + device
                + "\",\"raisedAt\":\"" + raisedAt + "\"}\n\n";
    }

    @Test
    void shouldMeasureLatencyAndCountDuplicatesWhenTheGatewayStreamsRaisedAlarms() throws Exception {
        String id = "BENCH-A-0001|default-gas-lel|1795413599900";
        String body = ": keep-alive\n\n"
                + event("BENCH-A-0001", "RAISED", id, "2026-11-23T06:00:00.100Z")
                + event("BENCH-A-0001", "RAISED", id, "2026-11-23T06:00:00.100Z")
                + event("GA-0001", "RAISED", "GA-0001|default-gas-lel|1", "2026-11-23T06:00:00.000Z")
                + event("BENCH-A-0002", "CLEARED", "BENCH-A-0002|default-gas-lel|2", "2026-11-23T06:00:00.000Z");
        String url = serve("text/event-stream", body, "t0k");
        try (AlarmWatch watch = new AlarmWatch(Clock.fixed(NOW, ZoneOffset.UTC), AlarmProbe.PREFIX)) {
            assertTrue(watch.startSse(url, "t0k"));
            waitFor(() -> watch.duplicates() == 1);
            assertEquals(1, watch.arrivals().size(), "only the bench device's RAISED counts");
            assertEquals(List.of(150L), watch.latencies(List.of(id)));
            assertEquals(1, watch.duplicates());
        }
    }

    @Test
    void shouldTakeTheWarningServiceEnvelopeWhenTheAlarmIsNested() {
        try (AlarmWatch watch = new AlarmWatch(Clock.fixed(NOW, ZoneOffset.UTC), AlarmProbe.PREFIX)) {
            watch.accept("{\"change\":\"RAISED\",\"audience\":\"enterprise\",\"alarm\":{\"id\":\"BENCH-A-0003|r|5\","
                    + "\"deviceId\":\"BENCH-A-0003\",\"raisedAt\":\"2026-11-23T06:00:00.000Z\"}}");
            assertEquals(List.of(250L), watch.latencies(List.of("BENCH-A-0003|r|5")));
        }
    }

    @Test
    void shouldFallBackWhenTheStreamIsRefusedOrNotAnEventStream() throws Exception {
        String url = serve("text/event-stream", "", "right");
        try (AlarmWatch watch = new AlarmWatch(Clock.systemUTC(), AlarmProbe.PREFIX)) {
            assertFalse(watch.startSse(url, "wrong"), "401 is no stream");
        }
        server.stop(0);
        url = serve("application/json", "{}", "right");
        try (AlarmWatch watch = new AlarmWatch(Clock.systemUTC(), AlarmProbe.PREFIX)) {
            assertFalse(watch.startSse(url, "right"), "JSON is no stream");
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
