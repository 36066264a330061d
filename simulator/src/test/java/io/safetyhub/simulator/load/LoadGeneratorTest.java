package io.safetyhub.simulator.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.safetyhub.simulator.mqtt.DeviceCredentials;
import io.safetyhub.simulator.mqtt.MqttEndpoint;
import io.safetyhub.simulator.mqtt.TestEndpoint;
import io.safetyhub.simulator.scenario.RunControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The open-loop generator against a Vert.x endpoint in the JVM: counts, windows, per-device order and logins. */
class LoadGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestEndpoint endpoint;

    @AfterEach
    void stop() throws Exception {
        endpoint.close();
    }

    @Test
    void shouldHaveEveryMessageAcknowledgedWhenTheEndpointKeepsUp() throws Exception {
        endpoint = TestEndpoint.start(0, 50);

        LoadGenerator.Result r = new LoadGenerator(MqttEndpoint.anonymous(endpoint.url()), "chem-banan-01", 10, 20, 2,
                1_000, Clock.systemUTC()).run(new RunControl(Optional.of(Duration.ofMillis(800))), Duration.ofSeconds(10));

        assertTrue(r.sent() > 0);
        assertEquals(r.sent(), r.acked());
        assertEquals(0, r.failed());
        assertEquals(0, r.inDoubt());
        assertEquals(100, r.inFlightWindow(), "1,000 asked, capped at the endpoint's 50 per connection");
        assertEquals(r.sent(), r.lateness().count());
        assertEquals(r.sent(), endpoint.received().size());
        assertSourceTimesIncreasePerDevice(endpoint.received());
    }

    @Test
    void shouldGiveEachDeviceItsOwnLoginWhenCredentialsArePerDevice() throws Exception {
        endpoint = TestEndpoint.start();
        MqttEndpoint target = MqttEndpoint.anonymous(endpoint.url()).withCredentials(DeviceCredentials.ownId("pw"));

        LoadGenerator.Result r = new LoadGenerator(target, "chem-banan-01", 3, 10, 1, 100, Clock.systemUTC())
                .run(new RunControl(Optional.of(Duration.ofMillis(500))), Duration.ofSeconds(10));

        assertEquals(r.sent(), r.acked());
        for (TestEndpoint.Received m : endpoint.received()) {
            assertTrue(m.topic().contains("/" + m.username() + "/"), m.username() + " published on " + m.topic());
        }
        assertEquals(3, endpoint.received().stream().map(TestEndpoint.Received::username).distinct().count());
    }

    @Test
    void shouldKeepTheOtherDevicesOnScheduleWhenOneDeviceIsNeverAcknowledged() throws Exception {
        endpoint = TestEndpoint.start();
        endpoint.stall("LOAD-00001");
        MqttEndpoint target = MqttEndpoint.anonymous(endpoint.url()).withCredentials(DeviceCredentials.ownId("pw"));

        LoadGenerator.Result r = new LoadGenerator(target, "chem-banan-01", 5, 50, 1, 20, Clock.systemUTC())
                .run(new RunControl(Optional.of(Duration.ofMillis(1_000))), Duration.ofSeconds(2));

        Map<String, Long> perDevice = endpoint.received().stream().collect(java.util.stream.Collectors.groupingBy(
                TestEndpoint.Received::username, java.util.stream.Collectors.counting()));
        assertEquals(4L, perDevice.get("LOAD-00001"), "the stalled device filled its window of 4 and owes the rest");
        for (String device : List.of("LOAD-00002", "LOAD-00003", "LOAD-00004", "LOAD-00005")) {
            assertTrue(perDevice.getOrDefault(device, 0L) >= 40, device + " kept its 50/s for 1 s: " + perDevice);
        }
        assertEquals(4, r.inDoubt(), "only the stalled device's window is unanswered: " + r);
    }

    @Test
    void shouldCountRefusalsWhenTheEndpointSaysNotAuthorized() throws Exception {
        endpoint = TestEndpoint.start();
        endpoint.mode(TestEndpoint.Mode.REFUSE);
        LoadGenerator.Result r = new LoadGenerator(endpoint.url(), "chem-banan-01", 2, 10, 1, Clock.systemUTC())
                .run(new RunControl(Optional.of(Duration.ofMillis(300))), Duration.ofSeconds(10));

        assertEquals(r.sent(), r.failed());
        assertEquals(0, r.acked());
    }

    @Test
    void shouldHaveEveryMessageAcknowledgedWhenTheEndpointRestartsMidRun() throws Exception {
        endpoint = TestEndpoint.start();
        int port = endpoint.port();
        endpoint.mode(TestEndpoint.Mode.SWALLOW); // an adapter that dies before Kafka has the readings
        java.util.concurrent.CompletableFuture<LoadGenerator.Result> run = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return new LoadGenerator(MqttEndpoint.anonymous(endpoint.url()), "chem-banan-01", 4, 20, 1, 200,
                                Clock.systemUTC()).run(new RunControl(Optional.of(Duration.ofMillis(2_500))),
                                Duration.ofSeconds(15));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.received().size() >= 5);
        endpoint.close();
        endpoint = TestEndpoint.start(port, 1_000);

        LoadGenerator.Result r = run.get(60, java.util.concurrent.TimeUnit.SECONDS);

        assertEquals(r.sent(), r.acked(), "every message acknowledged in the end: " + r);
        assertEquals(0, r.failed());
        assertEquals(0, r.inDoubt());
        assertTrue(r.resent() >= 5, "the swallowed ones were sent again: " + r.resent());
        assertTrue(endpoint.received().stream().anyMatch(TestEndpoint.Received::dup));
    }

    @Test
    void shouldHaveEveryMessageAcknowledgedInOrderWhenEventLoopClientsSendTheLoad() throws Exception {
        endpoint = TestEndpoint.start();
        MqttEndpoint target = MqttEndpoint.anonymous(endpoint.url()).withCredentials(DeviceCredentials.ownId("pw"));

        LoadGenerator.Result r = new LoadGenerator(target, "chem-banan-01", 20, 50, 1, 200, Clock.systemUTC())
                .eventLoopClient(true).run(new RunControl(Optional.of(Duration.ofMillis(800))), Duration.ofSeconds(10));

        assertTrue(r.sent() > 0);
        assertEquals(r.sent(), r.acked(), "every message PUBACKed: " + r);
        assertEquals(0, r.failed());
        assertEquals(200, r.inFlightWindow(), "200 asked, 10 per device connection");
        assertEquals(r.sent(), endpoint.received().size());
        assertEquals(20, endpoint.received().stream().map(TestEndpoint.Received::username).distinct().count(),
                "each device logged in as itself");
        for (TestEndpoint.Received m : endpoint.received()) {
            assertTrue(m.topic().contains("/" + m.username() + "/"), m.username() + " published on " + m.topic());
        }
        assertSourceTimesIncreasePerDevice(endpoint.received());
    }

    @Test
    void shouldCountEventLoopClientsMessagesAsRefusedWhenTheEndpointGoesAway() throws Exception {
        endpoint = TestEndpoint.start();
        endpoint.mode(TestEndpoint.Mode.SWALLOW);
        java.util.concurrent.CompletableFuture<LoadGenerator.Result> run = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return new LoadGenerator(MqttEndpoint.anonymous(endpoint.url()), "chem-banan-01", 4, 20, 1, 200,
                                Clock.systemUTC()).eventLoopClient(true)
                                .run(new RunControl(Optional.of(Duration.ofMillis(1_500))), Duration.ofSeconds(5));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.received().size() >= 5);
        endpoint.close();

        LoadGenerator.Result r = run.get(60, java.util.concurrent.TimeUnit.SECONDS);

        assertEquals(0, r.acked(), "the endpoint acknowledged nothing");
        assertEquals(r.sent(), r.failed(), "no resend without Paho: every message is counted as failed, none lost silently");
    }

    @Test
    void shouldKeepEveryDeviceLoggedInOnceWhenASessionSendsSeveralWindows() throws Exception {
        endpoint = TestEndpoint.start();
        MqttEndpoint target = MqttEndpoint.anonymous(endpoint.url()).withCredentials(DeviceCredentials.ownId("pw"));
        RunControl whole = new RunControl(Optional.empty());

        LoadGenerator.Result first;
        LoadGenerator.Result second;
        try (LoadGenerator.Session session = new LoadGenerator(target, "chem-banan-01", 8, 10, 1, 80,
                Clock.systemUTC()).eventLoopClient(true).open(Duration.ofSeconds(10))) {
            first = session.send(10, whole.window(Duration.ofMillis(600)), Duration.ofSeconds(10));
            second = session.send(40, whole.window(Duration.ofMillis(600)), Duration.ofSeconds(10));
        }

        assertEquals(first.sent(), first.acked(), "first window: " + first);
        assertEquals(second.sent(), second.acked(), "second window: " + second);
        assertTrue(second.sent() > 2 * first.sent(), "four times the rate: " + first.sent() + " then " + second.sent());
        assertEquals(first.sent() + second.sent(), endpoint.received().size());
        assertEquals(8, endpoint.logins(), "each device logged in once for both windows");
        assertSourceTimesIncreasePerDevice(endpoint.received());
    }

    private static void assertSourceTimesIncreasePerDevice(List<TestEndpoint.Received> received) throws Exception {
        Map<String, Instant> last = new HashMap<>();
        for (TestEndpoint.Received m : received) {
            Instant ts = Instant.parse(JSON.readTree(m.payload()).path("ts").asText());
            Instant before = last.put(m.topic(), ts);
            assertTrue(before == null || ts.isAfter(before), m.topic() + ": " + before + " then " + ts);
        }
    }
}
