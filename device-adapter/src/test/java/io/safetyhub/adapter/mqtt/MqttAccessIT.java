package io.safetyhub.adapter.mqtt;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The MQTT access matrix with a real Paho MQTT 5 client against the adapter's real listener; {@link Mqtt311AccessIT}
 * runs the same rows with MQTT 3.1.1, and {@link CertificateAccessIT} the TLS rows.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DeviceTlsResource.class, restrictToAnnotatedClass = false)
class MqttAccessIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String READING = """
            {"ts":"2026-11-22T08:00:00.250Z","readings":[{"metric":"gas_lel","value":%s,"unit":"%%LEL"}]}""";

    @Inject
    MqttDevices mqtt;

    @Inject
    MongoClient mongo;

    @Inject
    ConnectedDevices connected;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void shouldRefuseNotAuthorizedWhenADeviceConnectsAnonymously() {
        MqttException refused = assertThrows(MqttException.class, () -> connect(null, null));
        assertEquals(0x87, refused.getReasonCode());
    }

    @Test
    void shouldRefuseBadUserNameOrPasswordWhenThePasswordIsWrongOrTheDeviceUnknown() {
        MqttDevices.Registered alarm = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);

        assertEquals(0x86, assertThrows(MqttException.class, () -> connect(alarm.id(), "guess")).getReasonCode());
        assertEquals(0x86, assertThrows(MqttException.class, () -> connect("GA-NOBODY", "guess")).getReasonCode());
        awaitCounted("outcome=\"wrong_password\"");
    }

    @Test
    void shouldServeDevicesOnBothEventLoopsAndStoreEachOnesReadingWhenSixConnectAtOnce() throws Exception {
        List<MqttDevices.Registered> alarms = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            alarms.add(mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM));
        }
        List<TestDevice> devices = new java.util.ArrayList<>();
        try (TopicReader<Reading> readings = new TopicReader<>(Topics.READINGS, new ReadingDeserializer())) {
            for (MqttDevices.Registered alarm : alarms) {
                devices.add(mqtt.connect(alarm));
            }
            List<String> ids = alarms.stream().map(MqttDevices.Registered::id).toList();
            assertEquals(2, connected.eventLoopsOf(ids).size(),
                    "six connections dealt over adapter.mqtt.event-loops=2: " + connected.eventLoopsOf(ids));
            for (int i = 0; i < devices.size(); i++) {
                assertEquals(0, devices.get(i).publishTelemetry(READING.formatted(10 + i)));
            }
            for (int i = 0; i < alarms.size(); i++) {
                String id = alarms.get(i).id();
                assertEquals(10.0 + i, readings.awaitOne(r -> id.equals(r.key()), WAIT).value().value());
            }
        } finally {
            for (TestDevice device : devices) {
                device.close();
            }
        }
    }

    @Test
    void shouldStoreTheReadingWhenTheRightPasswordPublishesOnItsOwnTopic() throws Exception {
        MqttDevices.Registered alarm = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        try (TopicReader<Reading> readings = new TopicReader<>(Topics.READINGS, new ReadingDeserializer());
             TestDevice device = mqtt.connect(alarm)) {
            assertEquals(0, device.publishTelemetry(READING.formatted(23.5)));

            assertEquals(23.5, readings.awaitOne(r -> alarm.id().equals(r.key()), WAIT).value().value());
        }
    }

    @Test
    void shouldRefuseTheForgeryAndKeepTheRealReadingWhenADevicePublishesOnAnotherDevicesTopic() throws Exception {
        MqttDevices.Registered victim = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        MqttDevices.Registered forger = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        MqttDevices.Registered stranger = mqtt.register("TC", "build-yubei-01", DeviceKind.TOWER_CRANE);
        try (TopicReader<Reading> readings = new TopicReader<>(Topics.READINGS, new ReadingDeserializer());
             TestDevice real = mqtt.connect(victim);
             TestDevice forging = mqtt.connect(forger);
             TestDevice foreign = mqtt.connect(stranger)) {
            assertEquals(TestDevice.NOT_AUTHORIZED, forging.publish(real.topic("telemetry"), READING.formatted(0), false),
                    "a 0 %LEL forged on the victim's topic would clear its alarm");
            assertEquals(TestDevice.NOT_AUTHORIZED, foreign.publish(real.topic("telemetry"), READING.formatted(0), false),
                    "another enterprise's topic");
            assertEquals(TestDevice.NOT_AUTHORIZED, forging.publish(real.topic("status"), "{\"online\":false}", false));
            assertEquals(0, forging.publishTelemetry(READING.formatted(1)), "its own topic still works");
            assertEquals(0, real.publishTelemetry(READING.formatted(60)));

            List<Double> values = readings.await(r -> victim.id().equals(r.key()), 1, WAIT).stream()
                    .map(r -> r.value().value()).toList();
            assertEquals(List.of(60.0), values, "only the victim's own reading");
        }
        awaitCounted("packet=\"publish\"");
    }

    @Test
    void shouldRefuseSubscriptionsOutsideItsOwnSubtreeWhenADeviceSubscribes() throws Exception {
        MqttDevices.Registered alarm = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        try (TestDevice device = mqtt.connect(alarm)) {
            IMqttToken token = device.client().subscribe(new MqttSubscription[]{
                    new MqttSubscription("safetyhub/#", 1),
                    new MqttSubscription("safetyhub/chem-banan-01/gas-alarm/+/telemetry", 1),
                    new MqttSubscription("safetyhub/build-yubei-01/tower-crane/TC-0001/telemetry", 1),
                    new MqttSubscription(device.topic("#"), 1)});
            token.waitForCompletion(WAIT.toMillis());

            assertArrayEquals(new int[]{0x87, 0x87, 0x87, 1}, token.getReasonCodes());
        }
        awaitCounted("packet=\"subscribe\"");
    }

    @Test
    void shouldRefuseExpiredCredentialsWhenThePasswordIsPastItsExpiry() {
        MqttDevices.Registered alarm = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        mongo.getDatabase(database).getCollection("device_credentials").updateOne(Filters.eq("_id", alarm.id()),
                Updates.set("password.expiresAt", Date.from(java.time.Instant.now().minusSeconds(1))));

        assertEquals(0x86, assertThrows(MqttException.class, () -> connect(alarm.id(), alarm.password())).getReasonCode());
        awaitCounted("outcome=\"expired\"");
    }

    @Test
    void shouldRefuseTheOldPasswordAndCloseItsConnectionWhenThePasswordIsRotated() throws Exception {
        MqttDevices.Registered alarm = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        try (TestDevice old = mqtt.connect(alarm)) {
            String rotated = mqtt.rotate(alarm.id());

            await().atMost(WAIT).until(() -> !old.client().isConnected());
            assertEquals(0x86, assertThrows(MqttException.class, () -> connect(alarm.id(), alarm.password()))
                    .getReasonCode());
            try (TestDevice renewed = mqtt.connect(new MqttDevices.Registered(alarm.device(), rotated))) {
                assertEquals(0, renewed.publishTelemetry(READING.formatted(2)));
            }
        }
    }

    @Test
    void shouldRefuseBannedWhenTheDeviceIsDisabled() {
        MqttDevices.Registered alarm = mqtt.register(Registration.disabled(
                Registration.mqtt(TestDevice.uniqueId("GA"), "chem-banan-01", DeviceKind.GAS_ALARM)));

        assertEquals(0x8A, assertThrows(MqttException.class, () -> connect(alarm.id(), alarm.password())).getReasonCode());
    }

    @Test
    void shouldRefuseAWillOnAnotherDevicesTopicWhenConnecting() {
        MqttDevices.Registered alarm = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setWill("safetyhub/chem-banan-01/gas-alarm/GA-0001/status",
                new org.eclipse.paho.mqttv5.common.MqttMessage("{\"online\":false}".getBytes()));

        MqttException refused = assertThrows(MqttException.class, () -> new TestDevice(mqtt.plainUrl(), "chem-banan-01",
                "gas-alarm", alarm.id(), alarm.password(), options).close());
        assertEquals(0x87, refused.getReasonCode());
    }

    private void connect(String username, String password) throws MqttException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (username != null) {
            options.setUserName(username);
        }
        try (TestDevice ignored = new TestDevice(mqtt.plainUrl(), "chem-banan-01", "gas-alarm",
                username == null ? "anonymous" : username, password, options)) {
            // connected: the caller's assertThrows fails
        }
    }

    /** Refusals are counted; the counter moves with each, so at least one is there. */
    static void awaitCounted(String tag) {
        String atLeastOne = "(?s).*safetyhub_adapter_mqtt_\\w+_total\\{[^}]*" + tag + "[^}]*} [1-9].*";
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern(atLeastOne)));
    }
}
