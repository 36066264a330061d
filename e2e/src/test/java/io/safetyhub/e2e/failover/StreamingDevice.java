package io.safetyhub.e2e.failover;

import org.eclipse.paho.mqttv5.client.DisconnectedBufferOptions;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;

/**
 * A device as its firmware should be (device-adapter README, "MQTT contract"): logged in as itself, a session that
 * outlives the connection, unacknowledged QoS 1 messages kept and resent after reconnecting, messages buffered while
 * disconnected, and a list of endpoints (the replicas) to reconnect to.
 */
final class StreamingDevice {
    private static final long WAIT_MS = 30_000;
    private static final Set<Integer> MOMENTARY = Set.of((int) MqttClientException.REASON_CODE_MAX_INFLIGHT,
            (int) MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED,
            (int) MqttClientException.REASON_CODE_CLIENT_DISCONNECTING,
            (int) MqttClientException.REASON_CODE_CONNECT_IN_PROGRESS);

    private final String id;
    private final String enterprise;
    private final MqttAsyncClient client;
    private final Set<Instant> acknowledged = ConcurrentHashMap.newKeySet();

    private StreamingDevice(String id, String enterprise, MqttAsyncClient client) {
        this.id = id;
        this.enterprise = enterprise;
        this.client = client;
    }

    static StreamingDevice connect(String id, String enterprise, String password, List<String> endpoints)
            throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(endpoints.get(0), id + "-failover", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setServerURIs(endpoints.toArray(String[]::new));
        options.setUserName(id);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(false);
        options.setSessionExpiryInterval(3600L);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(2_000); // Paho 1.2.5 ignores setAutomaticReconnectDelay: 1 s, then 2 s
        options.setKeepAliveInterval(5);
        DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(true);
        buffer.setBufferSize(10_000);
        buffer.setDeleteOldestMessages(false);
        client.setBufferOpts(buffer);
        client.connect(options).waitForCompletion(WAIT_MS);
        return new StreamingDevice(id, enterprise, client);
    }

    String id() {
        return id;
    }

    /** One 1 %LEL reading dated ts (the sequence number the test follows), QoS 1, without waiting. */
    void send(Instant ts) {
        String payload = "{\"ts\":\"" + ts + "\",\"readings\":[{\"metric\":\"gas_lel\",\"value\":1,\"unit\":\"%LEL\"}]}";
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        String topic = "safetyhub/" + enterprise + "/gas-alarm/" + id + "/telemetry";
        MqttActionListener counter = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken done) {
                int[] codes = done.getReasonCodes();
                if (codes == null || codes.length == 0 || codes[0] < 0x80) {
                    acknowledged.add(ts);
                }
            }

            @Override
            public void onFailure(IMqttToken done, Throwable cause) {
                // not acknowledged, so not counted: the test then finds fewer than it expects
            }
        };
        // Paho refuses for a moment while its in-flight window is full (32202) or while it notices the lost connection
        // and starts buffering (32104, 32102, 32110); a device tries again, within a bound.
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(5)).until(() -> {
                    try {
                        client.publish(topic, message, null, counter);
                        return true;
                    } catch (MqttException e) {
                        if (!MOMENTARY.contains(e.getReasonCode())) {
                            throw e;
                        }
                        return false;
                    }
                });
    }

    int acknowledged() {
        return acknowledged.size();
    }

    Set<Instant> acknowledgedTimestamps() {
        return Set.copyOf(acknowledged);
    }

    String serverUri() {
        return client.getCurrentServerURI();
    }

    void close() {
        try {
            client.disconnect().waitForCompletion(WAIT_MS);
            client.close(true);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }
}
