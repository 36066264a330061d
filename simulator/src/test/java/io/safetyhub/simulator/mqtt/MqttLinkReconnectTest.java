package io.safetyhub.simulator.mqtt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * Many simulated devices in one process, as the load generator and the drills run them, reconnect promptly after
 * an outage in which each of them failed to reconnect several times (Paho keeps the reconnect wait in a static
 * field that every failed attempt of any client doubles; see {@link LinkOptions#MAX_RECONNECT_DELAY_MILLIS}).
 */
class MqttLinkReconnectTest {
    /** Enough failed attempts to double a 1 s wait past 128 s, had the wait no lower cap. */
    private static final int DEVICES = 12;

    private final List<MqttLink> links = new ArrayList<>();
    private TestEndpoint endpoint;

    @AfterEach
    void stop() throws Exception {
        links.forEach(MqttLink::close);
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @Test
    void shouldReconnectEveryDeviceWithinSecondsWhenTheEndpointReturnsAfterManyFailedAttempts() throws Exception {
        endpoint = TestEndpoint.start();
        int port = endpoint.port();
        for (int d = 0; d < DEVICES; d++) {
            links.add(MqttLink.connect(MqttEndpoint.anonymous(endpoint.url()), "sim-reconnect-" + d, Optional.empty(),
                    null, null, l -> { }, Duration.ofSeconds(10)));
        }
        endpoint.close(); // the adapter is killed
        await().atMost(Duration.ofSeconds(10)).until(() -> links.stream().noneMatch(MqttLink::isConnected));

        // While it restarts, its port takes connections and drops them: at least as many attempts fail as there are devices.
        AtomicInteger attempts = new AtomicInteger();
        try (ServerSocket restarting = new ServerSocket(port, 100, InetAddress.getLoopbackAddress())) {
            Thread dropper = new Thread(() -> drop(restarting, attempts), "restarting-endpoint");
            dropper.setDaemon(true);
            dropper.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts.get() >= DEVICES);
        }
        endpoint = TestEndpoint.start(port, 1_000); // ready again

        await().atMost(Duration.ofSeconds(10)).until(() -> links.stream().allMatch(MqttLink::isConnected));
    }

    private static void drop(ServerSocket socket, AtomicInteger attempts) {
        while (!socket.isClosed()) {
            try (Socket accepted = socket.accept()) {
                attempts.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }
}
