package io.safetyhub.adapter.mqtt;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.adapter.device.DeviceKind;
import io.safetyhub.adapter.testing.DeviceTlsResource;
import io.safetyhub.adapter.testing.MqttDevices;
import io.safetyhub.adapter.testing.Registration;
import io.safetyhub.adapter.testing.TestDevice;
import io.safetyhub.adapter.testing.TopicReader;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.events.Reading;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.ReadingDeserializer;
import jakarta.inject.Inject;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The access matrix with a real Paho MQTT 3.1.1 client: CONNACK return codes 4 and 5, and, as 3.1.1 has no way to
 * refuse one PUBLISH, a publish on a foreign topic costs the device its connection.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DeviceTlsResource.class, restrictToAnnotatedClass = false)
class Mqtt311AccessIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String READING = """
            {"ts":"2026-11-22T08:00:00.250Z","readings":[{"metric":"gas_lel","value":%s,"unit":"%%LEL"}]}""";

    @Inject
    MqttDevices mqtt;

    @Test
    void shouldRefuseWithReturnCodesFourAndFiveWhenTheLoginIsAnonymousWrongOrDisabled() {
        MqttDevices.Registered alarm = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        MqttDevices.Registered disabled = mqtt.register(Registration.disabled(
                Registration.mqtt(TestDevice.uniqueId("GA"), "chem-banan-01", DeviceKind.GAS_ALARM)));

        assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED,
                assertThrows(MqttException.class, () -> connect(null, null).close()).getReasonCode());
        assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION,
                assertThrows(MqttException.class, () -> connect(alarm.id(), "guess").close()).getReasonCode());
        assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED,
                assertThrows(MqttException.class, () -> connect(disabled.id(), disabled.password()).close())
                        .getReasonCode());
    }

    @Test
    void shouldStoreOwnReadingsAndDropTheConnectionWhenAnMqtt311DevicePublishesOnAnotherDevicesTopic() throws Exception {
        MqttDevices.Registered victim = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        MqttDevices.Registered forger = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        String victimTopic = "safetyhub/chem-banan-01/gas-alarm/" + victim.id() + "/telemetry";
        try (TopicReader<Reading> readings = new TopicReader<>(Topics.READINGS, new ReadingDeserializer())) {
            MqttClient forging = connect(forger.id(), forger.password());
            publish(forging, "safetyhub/chem-banan-01/gas-alarm/" + forger.id() + "/telemetry", READING.formatted(1));
            assertThrows(MqttException.class, () -> publish(forging, victimTopic, READING.formatted(0)));
            await().atMost(WAIT).until(() -> !forging.isConnected());
            forging.close();

            MqttClient real = connect(victim.id(), victim.password());
            publish(real, victimTopic, READING.formatted(60));
            real.disconnect();
            real.close();
            List<Double> values = readings.await(r -> victim.id().equals(r.key()), 1, WAIT).stream()
                    .map(r -> r.value().value()).toList();
            assertEquals(List.of(60.0), values, "the forged 0 %LEL never reached Kafka");
            assertEquals(1.0, readings.awaitOne(r -> forger.id().equals(r.key()), WAIT).value().value());
        }
    }

    @Test
    void shouldRefuseAWildcardSubscriptionWhenAnMqtt311DeviceAsksForEveryTopic() throws Exception {
        MqttDevices.Registered alarm = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        MqttClient client = connect(alarm.id(), alarm.password());
        try {
            MqttException refused = assertThrows(MqttException.class, () -> client.subscribe("safetyhub/#", 1));
            assertEquals(MqttException.REASON_CODE_SUBSCRIBE_FAILED, refused.getReasonCode());
            client.subscribe("safetyhub/chem-banan-01/gas-alarm/" + alarm.id() + "/#", 1);
        } finally {
            client.disconnect();
            client.close();
        }
    }

    @Test
    void shouldRefuseTheRotatedPasswordWhenAnMqtt311DeviceKeepsTheOldOne() throws Exception {
        MqttDevices.Registered alarm = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        String rotated = mqtt.rotate(alarm.id());

        assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION,
                assertThrows(MqttException.class, () -> connect(alarm.id(), alarm.password()).close()).getReasonCode());
        MqttClient renewed = connect(alarm.id(), rotated);
        renewed.disconnect();
        renewed.close();
    }

    private MqttClient connect(String username, String password) throws MqttException {
        MqttClient client = new MqttClient(mqtt.plainUrl(), "v3-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.toCharArray());
        }
        try {
            client.connect(options);
        } catch (MqttException e) {
            client.close();
            throw e;
        }
        return client;
    }

    private static void publish(MqttClient client, String topic, String payload) throws MqttException {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish(topic, message);
    }
}
