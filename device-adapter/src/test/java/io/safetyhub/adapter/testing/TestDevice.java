package io.safetyhub.adapter.testing;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * A real MQTT 5 device (Paho) logged in to the adapter's listener with its user name and password. {@link #publish}
 * returns once the adapter's PUBACK has arrived (which is once Kafka, or the spool, has the message) with its reason
 * code: 0 accepted, 0x87 not authorized.
 */
public final class TestDevice implements AutoCloseable {
    public static final int NOT_AUTHORIZED = 0x87;
    private static final long WAIT_MS = 30_000;

    private final MqttAsyncClient client;
    private final String enterpriseId;
    private final String kind;
    private final String deviceId;

    public TestDevice(String url, String enterpriseId, String kind, String deviceId, String password)
            throws MqttException {
        this(url, enterpriseId, kind, deviceId, password, new MqttConnectionOptions());
    }

    /** Connects with these options plus the device's login (user name = device id, unless the options name one). */
    public TestDevice(String url, String enterpriseId, String kind, String deviceId, String password,
                      MqttConnectionOptions options) throws MqttException {
        this.enterpriseId = enterpriseId;
        this.kind = kind;
        this.deviceId = deviceId;
        this.client = new MqttAsyncClient(url, "test-" + deviceId + "-" + UUID.randomUUID(), new MemoryPersistence());
        if (options.getUserName() == null && password != null) {
            options.setUserName(deviceId);
        }
        if (password != null) {
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        try {
            client.connect(options).waitForCompletion(WAIT_MS);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
    }

    /** A device id no earlier test or run has used, so that records are told apart on shared topics. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String deviceId() {
        return deviceId;
    }

    public MqttAsyncClient client() {
        return client;
    }

    public String topic(String channel) {
        return String.join("/", "safetyhub", enterpriseId, kind, deviceId, channel);
    }

    public int publishTelemetry(String payload) throws MqttException {
        return publish(topic("telemetry"), payload, false);
    }

    public int publishStatus(String payload) throws MqttException {
        return publish(topic("status"), payload, true);
    }

    /** Publishes at QoS 1 and waits for the PUBACK; returns its reason code. */
    public int publish(String topic, String payload, boolean retained) throws MqttException {
        IMqttToken token = publishAsync(topic, payload, retained);
        token.waitForCompletion(WAIT_MS);
        return token.getReasonCodes() == null || token.getReasonCodes().length == 0 ? 0 : token.getReasonCodes()[0];
    }

    /** Publishes at QoS 1 without waiting; the token completes with the PUBACK. */
    public IMqttToken publishAsync(String topic, String payload, boolean retained) {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        message.setRetained(retained);
        AtomicReference<IMqttToken> sent = new AtomicReference<>();
        // Paho may still count a just-acknowledged QoS 1 publish as in flight for a moment and refuse the next
        // one (32202); a device retries that refusal, so does this one, within a bound.
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20)).until(() -> {
                    try {
                        sent.set(client.publish(topic, message));
                        return true;
                    } catch (MqttException e) {
                        if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                            throw e;
                        }
                        return false;
                    }
                });
        return sent.get();
    }

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(WAIT_MS);
            }
        } finally {
            client.close(true);
        }
    }
}
