package io.safetyhub.adapter.testing;

import io.safetyhub.devstack.testing.TestInfra;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** A device on the real test broker: publishes at QoS 1 and returns once the broker's PUBACK has arrived. */
public final class TestDevice implements AutoCloseable {
    private final MqttClient client;
    private final String enterpriseId;
    private final String kind;
    private static final Duration RETRY_FOR = Duration.ofSeconds(5);

    private final String deviceId;

    public TestDevice(String enterpriseId, String kind, String deviceId) throws MqttException {
        this.enterpriseId = enterpriseId;
        this.kind = kind;
        this.deviceId = deviceId;
        this.client = new MqttClient(TestInfra.shared().mqttUrl(), "test-" + deviceId + "-" + UUID.randomUUID(),
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options);
    }

    /** A device id no earlier test or run has used, so that records are told apart on shared topics. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String deviceId() {
        return deviceId;
    }

    public String topic(String channel) {
        return String.join("/", "safetyhub", enterpriseId, kind, deviceId, channel);
    }

    public void publishTelemetry(String payload) throws MqttException {
        publish(topic("telemetry"), payload, false);
    }

    public void publishStatus(String payload) throws MqttException {
        publish(topic("status"), payload, true);
    }

    public void publish(String topic, String payload, boolean retained) throws MqttException {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        message.setRetained(retained);
        // Paho may still count a just-acknowledged QoS 1 publish as in flight for a moment and refuse the next
        // one (32202); a device retries that refusal, so does this one, within a bound.
        await().atMost(RETRY_FOR).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(() -> published(topic, message));
    }

    /** True once published; false for the transient in-flight refusal; any other failure ends the wait. */
    private boolean published(String topic, MqttMessage message) throws MqttException {
        try {
            client.publish(topic, message);
            return true;
        } catch (MqttException e) {
            if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                throw e;
            }
            return false;
        }
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
