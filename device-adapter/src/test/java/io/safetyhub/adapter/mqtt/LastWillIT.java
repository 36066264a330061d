package io.safetyhub.adapter.mqtt;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.adapter.device.DeviceKind;
import io.safetyhub.adapter.device.DeviceService;
import io.safetyhub.adapter.testing.Registration;
import io.safetyhub.adapter.testing.TestDevice;
import io.safetyhub.adapter.testing.TopicReader;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.DeviceStatus;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.DeviceStatusDeserializer;
import jakarta.inject.Inject;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A device whose connection drops without DISCONNECT: the broker publishes its last will, the adapter reports it. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class LastWillIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DeviceService devices;

    @Inject
    MqttAdapter adapter;

    @Test
    void shouldPublishDeviceOfflineWhenTheBrokerSendsTheLastWillOfADroppedDevice() throws Exception {
        await().atMost(WAIT).until(adapter::receiving);
        String deviceId = TestDevice.uniqueId("GA");
        devices.registerIfAbsent(Registration.mqtt(deviceId, "chem-banan-01", DeviceKind.GAS_ALARM));
        String statusTopic = "safetyhub/chem-banan-01/gas-alarm/" + deviceId + "/status";
        MqttClient device = new MqttClient(TestInfra.shared().mqttUrl(), "will-" + deviceId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        MqttMessage will = new MqttMessage("{\"online\":false}".getBytes(StandardCharsets.UTF_8));
        will.setQos(1);
        will.setRetained(true);
        options.setWill(statusTopic, will);
        device.connect(options);
        try (TopicReader<DeviceStatus> statuses = new TopicReader<>(Topics.DEVICE_STATUS, new DeviceStatusDeserializer())) {
            // No DISCONNECT packet: to the broker the device just vanished, so it publishes the will.
            device.disconnectForcibly(0, 0, false);

            DeviceStatus status = statuses.awaitOne(r -> deviceId.equals(r.key()), WAIT).value();
            assertFalse(status.online());
            assertEquals(DeviceStatus.Cause.LAST_WILL, status.cause());
        } finally {
            device.close(true);
            try (TestDevice cleaner = new TestDevice("chem-banan-01", "gas-alarm", deviceId)) {
                cleaner.publish(statusTopic, "", true); // clear the retained will for later runs
            }
        }
    }
}
