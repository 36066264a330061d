package io.safetyhub.adapter.mqtt;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.adapter.connection.ConnectionRecord;
import io.safetyhub.adapter.connection.ConnectionRepository;
import io.safetyhub.adapter.device.Device;
import io.safetyhub.adapter.device.DeviceKind;
import io.safetyhub.adapter.testing.DeviceTlsResource;
import io.safetyhub.adapter.testing.MqttDevices;
import io.safetyhub.adapter.testing.Registration;
import io.safetyhub.adapter.testing.TestDevice;
import io.safetyhub.adapter.testing.TopicReader;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.events.DeadLetter;
import io.safetyhub.events.DeviceEvent;
import io.safetyhub.events.DeviceStatus;
import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.DeadLetterDeserializer;
import io.safetyhub.events.serde.DeviceEventDeserializer;
import io.safetyhub.events.serde.DeviceStatusDeserializer;
import io.safetyhub.events.serde.ReadingDeserializer;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real Paho device, logged in -> the adapter's MQTT listener -> real Kafka -> a plain KafkaConsumer. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DeviceTlsResource.class, restrictToAnnotatedClass = false)
class MqttToKafkaIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MqttDevices mqtt;

    @Inject
    ConnectionRepository connections;

    @Test
    void shouldPublishNormalisedReadingsToKafkaWhenGasAlarmPublishesTelemetry() throws Exception {
        MqttDevices.Registered registered = mqtt.register(Registration.mqtt(TestDevice.uniqueId("GA"), "chem-banan-01",
                DeviceKind.GAS_ALARM, "MHS-01", 30));
        String deviceId = registered.id();
        try (TopicReader<Reading> readings = new TopicReader<>(Topics.READINGS, new ReadingDeserializer());
             TestDevice alarm = mqtt.connect(registered)) {
            alarm.publishTelemetry("""
                    {"ts":"2026-11-22T08:00:00.250Z",
                     "readings":[{"metric":"gas_lel","value":23.5,"unit":"%LEL"},{"metric":"battery","value":87,"unit":"%"}]}""");

            List<ConsumerRecord<String, Reading>> records = readings.await(r -> deviceId.equals(r.key()), 2, WAIT);

            ConsumerRecord<String, Reading> lel = records.stream()
                    .filter(r -> r.value().metric().equals("gas_lel")).findFirst().orElseThrow();
            assertEquals(deviceId, lel.key());
            Reading reading = lel.value();
            assertEquals(deviceId, reading.deviceId());
            assertEquals("chem-banan-01", reading.enterpriseId());
            assertEquals("gas-alarm", reading.deviceKind());
            assertEquals("gas_lel", reading.metric());
            assertEquals(23.5, reading.value());
            assertEquals("%LEL", reading.unit());
            assertEquals(Instant.parse("2026-11-22T08:00:00.250Z"), reading.sourceTimestamp());
            assertEquals(Quality.GOOD, reading.quality());
            assertEquals("MHS-01", reading.hazardSourceId());
            assertEquals("device-adapter", reading.source());
            assertTrue(records.stream().anyMatch(r -> r.value().metric().equals("battery")
                    && r.value().value() == 87 && r.value().unit().equals("%")));
        }
        awaitCounted("safetyhub_adapter_readings_total", "kind=\"gas-alarm\"");
    }

    @Test
    void shouldDeadLetterTheRawPayloadAndStillPublishTheNextWhenAPayloadIsMalformed() throws Exception {
        MqttDevices.Registered registered = mqtt.register(Registration.mqtt(TestDevice.uniqueId("GA"), "chem-banan-01",
                DeviceKind.GAS_ALARM));
        String deviceId = registered.id();
        String garbage = "{\"ts\":\"2026-11-22T08:00:00.250Z\",\"readings\":[{\"metric\":\"gas_lel\",";
        try (TopicReader<DeadLetter> deadLetters = new TopicReader<>(Topics.DEADLETTER, new DeadLetterDeserializer());
             TopicReader<Reading> readings = new TopicReader<>(Topics.READINGS, new ReadingDeserializer());
             TestDevice alarm = mqtt.connect(registered)) {
            alarm.publishTelemetry(garbage);
            alarm.publishTelemetry("""
                    {"ts":"2026-11-22T08:00:05.000Z","readings":[{"metric":"gas_lel","value":4,"unit":"%LEL"}]}""");

            DeadLetter deadLetter = deadLetters.awaitOne(r -> deviceId.equals(r.key()), WAIT).value();
            assertEquals("BAD_JSON", deadLetter.reason());
            assertEquals(garbage, deadLetter.rawPayload());
            assertEquals(alarm.topic("telemetry"), deadLetter.origin());
            assertEquals(deviceId, deadLetter.deviceId());
            Reading next = readings.awaitOne(r -> deviceId.equals(r.key()), WAIT).value();
            assertEquals(4, next.value());
        }
        awaitCounted("safetyhub_adapter_deadletters_total", "reason=\"BAD_JSON\"");
    }

    @Test
    void shouldPublishTheGoodEntriesAndDeadLetterTheBadOnesWhenOnePayloadMixesThem() throws Exception {
        MqttDevices.Registered registered = mqtt.register(Registration.mqtt(TestDevice.uniqueId("TC"), "build-yubei-01",
                DeviceKind.TOWER_CRANE));
        String deviceId = registered.id();
        try (TopicReader<DeadLetter> deadLetters = new TopicReader<>(Topics.DEADLETTER, new DeadLetterDeserializer());
             TopicReader<Reading> readings = new TopicReader<>(Topics.READINGS, new ReadingDeserializer());
             TestDevice crane = mqtt.connect(registered)) {
            crane.publishTelemetry("""
                    {"ts":"2026-11-22T08:00:00.000Z","readings":[
                      {"metric":"wind_speed","value":38.88,"unit":"km/h"},
                      {"metric":"load","value":"heavy","unit":"t"},
                      {"metric":"height","value":3,"unit":"furlong"},
                      {"metric":"load_ratio","value":91,"unit":"%"}]}""");

            List<Reading> good = readings.await(r -> deviceId.equals(r.key()), 2, WAIT).stream()
                    .map(ConsumerRecord::value).toList();
            assertTrue(good.stream().anyMatch(r -> r.metric().equals("wind_speed") && r.value() == 10.8
                    && r.unit().equals("m/s")), good::toString);
            assertTrue(good.stream().anyMatch(r -> r.metric().equals("load_ratio") && r.value() == 91), good::toString);
            List<String> reasons = deadLetters.await(r -> deviceId.equals(r.key()), 2, WAIT).stream()
                    .map(r -> r.value().reason()).sorted().toList();
            assertEquals(List.of("BAD_VALUE", "UNKNOWN_UNIT"), reasons);
        }
    }

    @Test
    void shouldPublishDeviceOfflineWhenADeviceStatusSaysOffline() throws Exception {
        MqttDevices.Registered registered = mqtt.register(Registration.mqtt(TestDevice.uniqueId("GA"), "chem-banan-01",
                DeviceKind.GAS_ALARM));
        String deviceId = registered.id();
        try (TopicReader<DeviceStatus> statuses = new TopicReader<>(Topics.DEVICE_STATUS, new DeviceStatusDeserializer());
             TestDevice alarm = mqtt.connect(registered)) {
            alarm.publishStatus("{\"ts\":\"2026-11-22T08:00:00.250Z\",\"online\":false}");

            ConsumerRecord<String, DeviceStatus> record = statuses.awaitOne(r -> deviceId.equals(r.key()), WAIT);
            DeviceStatus status = record.value();
            assertFalse(status.online());
            assertEquals(DeviceStatus.Cause.STATUS_MESSAGE, status.cause());
            assertEquals("chem-banan-01", status.enterpriseId());
            assertEquals("gas-alarm", status.deviceKind());
            assertEquals(Instant.parse("2026-11-22T08:00:00.250Z"), status.lastSeenAt());
            // Clear the retained status: an empty retained publish is not a device message and yields nothing.
            alarm.publish(alarm.topic("status"), "", true);
        }
    }

    @Test
    void shouldPublishDeviceOfflineWithoutLastSeenWhenTheLastWillArrives() throws Exception {
        MqttDevices.Registered registered = mqtt.register(Registration.mqtt(TestDevice.uniqueId("GA"), "chem-banan-01",
                DeviceKind.GAS_ALARM));
        String deviceId = registered.id();
        try (TopicReader<DeviceStatus> statuses = new TopicReader<>(Topics.DEVICE_STATUS, new DeviceStatusDeserializer());
             TestDevice alarm = mqtt.connect(registered)) {
            alarm.publish(alarm.topic("status"), "{\"online\":false}", false);

            DeviceStatus status = statuses.awaitOne(r -> deviceId.equals(r.key()), WAIT).value();
            assertFalse(status.online());
            assertEquals(DeviceStatus.Cause.LAST_WILL, status.cause());
            assertNull(status.lastSeenAt());
        }
    }

    @Test
    void shouldPublishTheDeviceEventToKafkaWhenADeviceReportsItsAlarmFlag() throws Exception {
        MqttDevices.Registered registered = mqtt.register(Registration.mqtt(TestDevice.uniqueId("GA"), "chem-banan-01",
                DeviceKind.GAS_ALARM, "MHS-01", 30));
        String deviceId = registered.id();
        try (TopicReader<DeviceEvent> events = new TopicReader<>(Topics.DEVICE_EVENTS, new DeviceEventDeserializer());
             TestDevice alarm = mqtt.connect(registered)) {
            alarm.publish(alarm.topic("event"), """
                    {"ts":"2026-11-22T08:00:00.250Z","event":"alarm","level":"II","detail":"LEL alarm 2"}""", false);

            ConsumerRecord<String, DeviceEvent> record = events.awaitOne(r -> deviceId.equals(r.key()), WAIT);
            DeviceEvent event = record.value();
            assertEquals(DeviceEvent.Type.ALARM, event.event());
            assertEquals(AlarmLevel.ORANGE, event.level());
            assertEquals("LEL alarm 2", event.detail());
            assertEquals("MHS-01", event.hazardSourceId());
            assertEquals(Instant.parse("2026-11-22T08:00:00.250Z"), event.sourceTimestamp());
        }
        awaitCounted("safetyhub_adapter_device_events_total", "event=\"ALARM\"");
    }

    @Test
    void shouldReportOnlineThenSilentOfflineWhenAConnectedDeviceStopsPublishing() throws Exception {
        // Interval 1 s: offline after 3 s of silence (checked every second in tests).
        MqttDevices.Registered registered = mqtt.register(Registration.mqtt(TestDevice.uniqueId("GA"), "chem-banan-01",
                DeviceKind.GAS_ALARM, null, 1));
        String deviceId = registered.id();
        try (TopicReader<DeviceStatus> statuses = new TopicReader<>(Topics.DEVICE_STATUS, new DeviceStatusDeserializer());
             TestDevice alarm = mqtt.connect(registered)) {
            alarm.publishTelemetry("""
                    {"ts":"2026-11-22T08:00:00.250Z","readings":[{"metric":"gas_lel","value":1,"unit":"%LEL"}]}""");

            List<DeviceStatus> seen = statuses.await(r -> deviceId.equals(r.key()), 2, WAIT).stream()
                    .map(ConsumerRecord::value).toList();
            assertTrue(seen.get(0).online(), "the first data after connecting: online");
            DeviceStatus status = seen.get(1);
            assertFalse(status.online());
            assertEquals(DeviceStatus.Cause.SILENT, status.cause());
            assertEquals("chem-banan-01", status.enterpriseId());
            assertTrue(status.lastSeenAt() != null, "lastSeenAt of a device seen once");
        }
    }

    @Test
    void shouldLeaveADeviceAloneWhenAnotherReplicaHoldsItsConnection() throws Exception {
        Device elsewhere = mqtt.register(Registration.mqtt(TestDevice.uniqueId("GA"), "chem-banan-01",
                DeviceKind.GAS_ALARM, null, 1)).device();
        connections.connected(new ConnectionRecord(elsewhere.id(), "c-1", "another-replica/1", "MQTT 5", "PASSWORD",
                Instant.now(), null));
        Device silent = mqtt.register(Registration.mqtt(TestDevice.uniqueId("GA"), "chem-banan-01",
                DeviceKind.GAS_ALARM, null, 1)).device();
        try (TopicReader<DeviceStatus> statuses = new TopicReader<>(Topics.DEVICE_STATUS, new DeviceStatusDeserializer())) {
            // Registered later, due later: when it is reported, the check has passed the other one too.
            statuses.awaitOne(r -> silent.id().equals(r.key()), WAIT);
            assertTrue(statuses.seen(r -> elsewhere.id().equals(r.key())).isEmpty(),
                    "a device connected to another replica is that replica's to time");

            connections.disconnected(elsewhere.id(), "c-1", Instant.now());
            DeviceStatus offline = statuses.awaitOne(r -> elsewhere.id().equals(r.key()), WAIT).value();
            assertEquals(DeviceStatus.Cause.SILENT, offline.cause());
        }
    }

    /** Counters move when Kafka acknowledges, which may be a moment after a consumer already sees the record. */
    private static void awaitCounted(String counter, String tag) {
        String atLeastOne = "(?s).*" + counter + "\\{[^}]*" + tag + "[^}]*} [1-9].*";
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern(atLeastOne)));
    }

    @Test
    void shouldExposeEveryCounterSeriesWhenNothingWasCountedYet() {
        // No test publishes for a tank or sends a BAD_TOPIC: these series exist only if registered up front.
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("safetyhub_adapter_readings_total{kind=\"tank\"} 0.0"))
                .body(containsString("safetyhub_adapter_deadletters_total{reason=\"BAD_TOPIC\"} 0.0"))
                .body(containsString("safetyhub_adapter_mqtt_listening 1.0"))
                .body(containsString("safetyhub_adapter_mqtt_connects_total{outcome=\"throttled\"}"));
    }

    @Test
    void shouldReportMqttReadyWhenTheListenersAreBound() {
        given().get("/q/health/ready").then().statusCode(200)
                .body(containsString("\"mqtt\""), containsString("\"plain\""), containsString("\"tls\""));
    }

    @Test
    void shouldServeDevicesOnEpollWhenOnLinux() {
        // netty's native library ships for linux-x86_64 and linux-aarch_64 here; elsewhere the listeners use NIO.
        assumeTrue(System.getProperty("os.name").equals("Linux")
                && List.of("amd64", "aarch64").contains(System.getProperty("os.arch")));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'mqtt' }.data.transport", equalTo("epoll"));
    }
}
