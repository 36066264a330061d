package io.safetyhub.e2e;

import io.safetyhub.devstack.Platform;
import io.safetyhub.devstack.testing.TestInfra;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A plain MQTT 5 client logged in to the platform's device-adapter as one demo device (user = device id, the stack's
 * demo password), as any device maker's firmware would.
 */
public final class DemoDevice implements AutoCloseable {
    /** PUBACK reason code 0x87: the adapter refused the publish. */
    static final int NOT_AUTHORIZED = 0x87;

    private static final long WAIT_MS = 30_000;

    private final MqttAsyncClient client;

    private DemoDevice(MqttAsyncClient client) {
        this.client = client;
    }

    /** Logs in as {@code deviceId}; throws the CONNACK refusal as an MqttException. */
    public static DemoDevice login(String deviceId) throws MqttException {
        return login(deviceId, Platform.DEMO_DEVICE_PASSWORD);
    }

    static DemoDevice login(String username, String password) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(TestInfra.shared().mqttUrl(), "e2e-" + username + "-" + UUID.randomUUID(),
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        if (username != null) {
            options.setUserName(username);
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        try {
            client.connect(options).waitForCompletion(WAIT_MS);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return new DemoDevice(client);
    }

    /** One gas_lel reading in %LEL, dated now, on the given telemetry topic; returns the PUBACK reason code. */
    public int publishGasLel(String topic, double percentLel) throws MqttException {
        return publish(topic, "gas_lel", percentLel, "%LEL");
    }

    /** One reading of any metric, dated now, at QoS 1; returns the PUBACK reason code. */
    int publish(String topic, String metric, double value, String unit) throws MqttException {
        String ts = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        String payload = "{\"ts\":\"" + ts + "\",\"readings\":[{\"metric\":\"" + metric + "\",\"value\":" + value
                + ",\"unit\":\"" + unit + "\"}]}";
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        IMqttToken token = client.publish(topic, message);
        token.waitForCompletion(WAIT_MS);
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

    public static String telemetryTopic(String deviceId) {
        return "safetyhub/chem-banan-01/gas-alarm/" + deviceId + "/telemetry";
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
