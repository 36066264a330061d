package io.safetyhub.warning.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.safetyhub.warning.alarm.AlarmChange;
import io.safetyhub.warning.alarm.AlarmMapper;
import io.safetyhub.warning.alarm.AlarmOutbox;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.safetyhub.warning.support.Engines.reading;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 15 item 5: channels are fed by their own worker with retries and back-off, so a stalled receiver delays no
 * alarm. Real local HTTP servers play the receivers: one that hangs, one that fails before it accepts.
 */
class NotifierTest {
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger calls = new AtomicInteger();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private HttpServer server;
    private Notifier notifier;

    @AfterEach
    void stop() {
        release.countDown();
        if (notifier != null) {
            notifier.stop();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void shouldRelayEveryAlarmToKafkaWhenTheWebhookReceiverHangs() throws IOException {
        receiver(-1);
        notifier = notifier(Map.of("warning.webhook.timeout", "1h"));
        Engines e = Engines.fresh(new MutableClock(T0), Map.of());
        List<String> kafka = new CopyOnWriteArrayList<>();
        AlarmOutbox outbox = new AlarmOutbox(e.store, changes -> {
            changes.forEach(c -> kafka.add(c.alarm().id()));
            return CompletableFuture.completedFuture(null);
        }, notifier);

        // A receiver that never answers (timeout 1 h) must not hold the alarm path: both relays return.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            outbox.relay(gas(e, "GA-N1", 60));
            outbox.relay(gas(e, "GA-N2", 70));
        });
        assertEquals(2, kafka.size(), "both alarms reached the sink while the receiver hangs");
        await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() == 1);
        assertEquals(2, notifier.pending(), "the channel's own worker holds its notices");
    }

    @Test
    void shouldRetryWithBackOffUntilTheReceiverAcceptsWhenItFailsTwice() throws IOException {
        receiver(2);
        notifier = notifier(Map.of("warning.notifications.retry-initial", "10ms"));
        Engines e = Engines.fresh(new MutableClock(T0), Map.of());
        notifier.onPublished(gas(e, "GA-N3", 60));
        await().atMost(Duration.ofSeconds(10)).until(() -> counted("delivered") == 1);
        assertEquals(3, calls.get());
        assertEquals(2, counted("retried"));
        assertEquals(0, notifier.pending());
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptWhenTheReceiverAlwaysFails() throws IOException {
        receiver(Integer.MAX_VALUE);
        notifier = notifier(Map.of("warning.notifications.retry-initial", "10ms",
                "warning.notifications.max-attempts", "3"));
        Engines e = Engines.fresh(new MutableClock(T0), Map.of());
        notifier.onPublished(gas(e, "GA-N4", 60));
        await().atMost(Duration.ofSeconds(10)).until(() -> counted("failed") == 1);
        assertEquals(3, calls.get());
        assertEquals(0, notifier.pending());
    }

    @Test
    void shouldDropAndCountANoticeWhenTheChannelsQueueIsFull() throws IOException {
        receiver(-1);
        notifier = notifier(Map.of("warning.webhook.timeout", "1h", "warning.notifications.queue-capacity", "1"));
        Engines e = Engines.fresh(new MutableClock(T0), Map.of());
        notifier.onPublished(gas(e, "GA-N5", 60));
        notifier.onPublished(gas(e, "GA-N6", 60));
        assertEquals(1, counted("dropped"));
        assertEquals(1, notifier.pending());
    }

    @Test
    void shouldDropWithoutFailingTheAlarmPathWhenTheChannelIsStopped() throws IOException {
        receiver(0);
        notifier = notifier(Map.of());
        notifier.stop();
        Engines e = Engines.fresh(new MutableClock(T0), Map.of());
        notifier.onPublished(gas(e, "GA-N7", 60));
        assertEquals(1, counted("dropped"));
        assertEquals(0, notifier.pending());
    }

    @Test
    void shouldDoubleTheWaitUpToTheMaximumWhenRetrying() {
        ChannelWorker worker = new ChannelWorker("t", null, c -> null, Engines.config(Map.of()).notifications(), null, null,
                java.time.Clock.systemUTC());
        try {
            assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                    Duration.ofMinutes(2)), List.of(worker.backOff(1), worker.backOff(2), worker.backOff(3),
                    worker.backOff(30)));
        } finally {
            worker.close();
        }
    }

    /** A receiver failing its first {@code failures} calls with 500 (then 204), or hanging when negative. */
    private void receiver(int failures) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int call = calls.incrementAndGet();
            if (failures < 0) {
                try {
                    release.await(1, TimeUnit.HOURS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(failures >= 0 && call <= failures ? 500 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    private Notifier notifier(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("warning.webhook.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        all.put("warning.webhook.secret", "s3cret");
        WarningConfig config = Engines.config(all);
        WebhookChannel webhook = new WebhookChannel(config, new ObjectMapper().registerModule(new JavaTimeModule()));
        return new Notifier(List.of(webhook), c -> AlarmMapper.toView(c.alarm(), "巴南区"), config, metrics, null,
                java.time.Clock.systemUTC());
    }

    private double counted(String outcome) {
        var counter = metrics.find("safetyhub_warning_notifications_total").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<AlarmChange> gas(Engines e, String device, double value) {
        return e.engine.onReading(reading(device, "gas-alarm", "gas_lel", value, T0));
    }
}
