package io.safetyhub.simulator.mqtt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a simulated device keeps when its endpoint (device-adapter) restarts, against a Vert.x endpoint in the JVM. */
class MqttLinkResendTest {
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final String TOPIC = "safetyhub/chem-banan-01/gas-alarm/GA-0001/telemetry";

    @TempDir
    Path state;
    private TestEndpoint endpoint;
    private MqttLink link;

    @AfterEach
    void stop() throws Exception {
        if (link != null) {
            link.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @Test
    void shouldSendUnacknowledgedMessagesAgainWhenTheEndpointRestarts() throws Exception {
        endpoint = TestEndpoint.start();
        int port = endpoint.port();
        endpoint.mode(TestEndpoint.Mode.SWALLOW);
        link = connect(endpoint.url(), Optional.of(state), Optional.empty());
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            acks.add(link.publish(TOPIC, ("m" + i).getBytes(StandardCharsets.UTF_8), false));
        }
        await().atMost(BOUND).until(() -> endpoint.received().size() == 5);
        assertTrue(acks.stream().noneMatch(CompletableFuture::isDone), "nothing was acknowledged yet");
        assertTrue(persistedFiles() >= 5, "the unacknowledged messages are on disk");

        endpoint.close(); // the adapter dies before Kafka had the readings
        endpoint = TestEndpoint.start(port, 1_000);

        await().atMost(BOUND).until(() -> acks.stream().allMatch(CompletableFuture::isDone));
        List<TestEndpoint.Received> again = endpoint.received();
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), again.stream().map(TestEndpoint.Received::payload).toList());
        assertTrue(again.stream().allMatch(TestEndpoint.Received::dup), "resent with the DUP flag");
        assertTrue(acks.stream().noneMatch(CompletableFuture::isCompletedExceptionally));
    }

    @Test
    void shouldSendUnacknowledgedMessagesAgainAndGoOnPublishingWhenTheEndpointShutsDownGracefully() throws Exception {
        endpoint = TestEndpoint.start();
        int port = endpoint.port();
        endpoint.mode(TestEndpoint.Mode.SWALLOW);
        link = connect(endpoint.url(), Optional.empty(), Optional.empty());
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            acks.add(link.publish(TOPIC, ("m" + i).getBytes(StandardCharsets.UTF_8), false));
        }
        await().atMost(BOUND).until(() -> endpoint.received().size() == 5);

        endpoint.shutDown(); // a rolling update: DISCONNECT 0x8B with five messages unacknowledged
        await().atMost(BOUND).until(() -> !link.isConnected());
        CompletableFuture<Void> during = link.publish(TOPIC, "during".getBytes(StandardCharsets.UTF_8), false);
        RestartingPort.failAttempts(port, 2, BOUND); // down for a while: reconnects fail
        endpoint = TestEndpoint.start(port, 1_000);
        acks.add(during);

        await().atMost(BOUND).until(() -> acks.stream().allMatch(CompletableFuture::isDone));
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4", "during"),
                endpoint.received().stream().map(TestEndpoint.Received::payload).toList());
        link.publish(TOPIC, "after".getBytes(StandardCharsets.UTF_8), false).get(BOUND.toSeconds(),
                java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void shouldDeliverWhatWasPublishedWhileDisconnectedWhenTheEndpointReturns() throws Exception {
        endpoint = TestEndpoint.start();
        int port = endpoint.port();
        link = connect(endpoint.url(), Optional.of(state), Optional.empty());
        endpoint.close();
        await().atMost(BOUND).until(() -> !link.isConnected());

        CompletableFuture<Void> first = link.publish(TOPIC, "offline-1".getBytes(StandardCharsets.UTF_8), false);
        CompletableFuture<Void> second = link.publish(TOPIC, "offline-2".getBytes(StandardCharsets.UTF_8), false);
        endpoint = TestEndpoint.start(port, 1_000);

        CompletableFuture.allOf(first, second).get(BOUND.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(List.of("offline-1", "offline-2"),
                endpoint.received().stream().map(TestEndpoint.Received::payload).toList());
    }

    @Test
    void shouldFailThePublishWhenTheEndpointRefusesIt() throws Exception {
        endpoint = TestEndpoint.start();
        endpoint.mode(TestEndpoint.Mode.REFUSE);
        link = connect(endpoint.url(), Optional.empty(), Optional.empty());

        CompletableFuture<Void> refused = link.publish(TOPIC, "forged".getBytes(StandardCharsets.UTF_8), false);

        ExecutionException e = assertThrows(ExecutionException.class, () -> refused.get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("135") || e.getCause().toString().contains("135"),
                "reason 0x87 (135) not authorized: " + e.getCause());
    }

    @Test
    void shouldLogInAsTheDeviceWhenCredentialsAreGiven() throws Exception {
        endpoint = TestEndpoint.start();
        link = connect(endpoint.url(), Optional.empty(), DeviceCredentials.ownId("s3cret").forDevice("GA-0001"));

        link.publish(TOPIC, "hello".getBytes(StandardCharsets.UTF_8), false).get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertEquals("GA-0001", endpoint.received().get(0).username());
        assertFalse(endpoint.received().get(0).dup());
    }

    @Test
    void shouldTakeTheEndpointsReceiveMaximumWhenConnected() throws Exception {
        endpoint = TestEndpoint.start(0, 37);

        link = connect(endpoint.url(), Optional.empty(), Optional.empty());

        assertEquals(37, link.serverReceiveMaximum());
    }

    private MqttLink connect(String url, Optional<Path> stateDir, Optional<DeviceCredentials.Login> login)
            throws Exception {
        MqttEndpoint target = MqttEndpoint.anonymous(url).withStateDir(stateDir);
        return MqttLink.connect(target, "sim-GA-0001-test", login, null, null, l -> { }, Duration.ofSeconds(10));
    }

    private long persistedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(state)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
