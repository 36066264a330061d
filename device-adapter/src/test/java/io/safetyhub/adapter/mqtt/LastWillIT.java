package io.safetyhub.adapter.mqtt;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.adapter.device.DeviceKind;
import io.safetyhub.adapter.testing.DeviceTlsResource;
import io.safetyhub.adapter.testing.MqttDevices;
import io.safetyhub.adapter.testing.TestDevice;
import io.safetyhub.adapter.testing.TopicReader;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.events.DeviceStatus;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.DeviceStatusDeserializer;
import jakarta.inject.Inject;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A device whose connection drops without DISCONNECT: the adapter, being the server, publishes its last will and
 * reports it offline (LAST_WILL); a device that says goodbye cleanly leaves no will behind.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DeviceTlsResource.class, restrictToAnnotatedClass = false)
class LastWillIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MqttDevices mqtt;

    @Test
    void shouldPublishDeviceOfflineWhenTheConnectionOfADeviceWithAWillDrops() throws Exception {
        MqttDevices.Registered registered = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        TestDevice device = connectWithWill(registered);
        try (TopicReader<DeviceStatus> statuses = new TopicReader<>(Topics.DEVICE_STATUS, new DeviceStatusDeserializer())) {
            // No DISCONNECT packet: to the adapter the device just vanished, so it publishes the will.
            device.client().disconnectForcibly(0, 0, false);

            DeviceStatus status = statuses.awaitOne(r -> registered.id().equals(r.key()), WAIT).value();
            assertFalse(status.online());
            assertEquals(DeviceStatus.Cause.LAST_WILL, status.cause());
        } finally {
            device.client().close(true);
        }
    }

    @Test
    void shouldPublishNoWillWhenTheDeviceDisconnectsCleanly() throws Exception {
        MqttDevices.Registered clean = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        MqttDevices.Registered dropped = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        try (TopicReader<DeviceStatus> statuses = new TopicReader<>(Topics.DEVICE_STATUS, new DeviceStatusDeserializer())) {
            connectWithWill(clean).close();
            TestDevice later = connectWithWill(dropped);
            later.client().disconnectForcibly(0, 0, false);
            later.client().close(true);

            // The will of the device dropped afterwards arrives; the cleanly disconnected one has none.
            statuses.awaitOne(r -> dropped.id().equals(r.key()), WAIT);
            List<?> ofClean = statuses.seen(r -> clean.id().equals(r.key()));
            assertTrue(ofClean.isEmpty(), "no will after a clean DISCONNECT: " + ofClean);
        }
    }

    private TestDevice connectWithWill(MqttDevices.Registered registered) throws Exception {
        MqttConnectionOptions options = new MqttConnectionOptions();
        MqttMessage will = new MqttMessage("{\"online\":false}".getBytes(StandardCharsets.UTF_8));
        will.setQos(1);
        will.setRetained(true);
        options.setWill("safetyhub/chem-banan-01/gas-alarm/" + registered.id() + "/status", will);
        return new TestDevice(mqtt.plainUrl(), "chem-banan-01", "gas-alarm", registered.id(), registered.password(),
                options);
    }
}
