package io.safetyhub.simulator.mqtt;

import org.eclipse.paho.mqttv5.client.DisconnectedBufferOptions;
import org.eclipse.paho.mqttv5.client.MqttClientPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.persist.MqttDefaultFilePersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How a simulated device connects, as a real device should (device-adapter README, "MQTT contract"): a session that
 * outlives the connection, automatic reconnect, an offline buffer and unacknowledged messages kept in Paho's
 * persistence (on disk with a state directory), logged in as itself, over TLS when the endpoint says so.
 */
final class LinkOptions {
    /**
     * The longest wait between two reconnect attempts. Paho 1.2.5's automatic reconnect does not read
     * {@code setAutomaticReconnectDelay}: it waits 1 s, doubles the wait after every failed attempt up to
     * {@code setMaxReconnectDelay} (128 s unless set), and keeps that wait in a static field shared by every client of
     * the JVM. With hundreds of simulated devices in one process, one outage's failed attempts doubled everyone's wait
     * past two minutes: in the kill-adapter drill the devices came back 60-131 s after the adapter was ready
     * (bench/results/README.md). Capped here, the waits are 1, 2, then 4 s, however many devices share the process.
     */
    static final int MAX_RECONNECT_DELAY_MILLIS = 4_000;

    private LinkOptions() {
    }

    static MqttConnectionOptions connection(MqttEndpoint endpoint, Optional<DeviceCredentials.Login> login,
                                            String willTopic, byte[] willPayload, Duration timeout) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(endpoint.sessionExpiry().toSeconds());
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(MAX_RECONNECT_DELAY_MILLIS);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout((int) Math.max(1, timeout.toSeconds()));
        login.ifPresent(l -> {
            options.setUserName(l.username());
            options.setPassword(l.password().getBytes(StandardCharsets.UTF_8));
        });
        endpoint.tlsCa().ifPresent(ca -> options.setSocketFactory(TlsTrust.trusting(ca)));
        if (willTopic != null) {
            options.setWill(willTopic, message(willPayload, true));
        }
        return options;
    }

    static MqttClientPersistence persistence(MqttEndpoint endpoint) {
        if (endpoint.stateDir().isEmpty()) {
            return new MemoryPersistence();
        }
        Path dir = endpoint.stateDir().get();
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot create the MQTT state directory " + dir + ": " + e.getMessage(), e);
        }
        return new MqttDefaultFilePersistence(dir.toString());
    }

    static DisconnectedBufferOptions buffer(int size) {
        DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(size > 0);
        buffer.setBufferSize(Math.max(1, size));
        buffer.setPersistBuffer(true); // kept in the same persistence as the in-flight messages
        buffer.setDeleteOldestMessages(false); // a full buffer refuses new messages rather than dropping old ones
        return buffer;
    }

    static MqttMessage message(byte[] payload, boolean retained) {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(MqttLink.QOS);
        message.setRetained(retained);
        return message;
    }
}
