package io.safetyhub.simulator.mqtt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

        // While it restarts, its port takes connections and drops them: as many attempts fail as there are devices.
        RestartingPort.failAttempts(port, DEVICES, Duration.ofSeconds(30));
        endpoint = TestEndpoint.start(port, 1_000); // ready again

        await().atMost(Duration.ofSeconds(10)).until(() -> links.stream().allMatch(MqttLink::isConnected));
    }
}
