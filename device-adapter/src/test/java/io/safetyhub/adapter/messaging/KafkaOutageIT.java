package io.safetyhub.adapter.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.adapter.device.DeviceKind;
import io.safetyhub.adapter.mqtt.MqttListeners;
import io.safetyhub.adapter.testing.DeviceTlsResource;
import io.safetyhub.adapter.testing.MqttDevices;
import io.safetyhub.adapter.testing.TestDevice;
import io.safetyhub.adapter.testing.TopicReader;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.Reading;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.ReadingDeserializer;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kafka away: readings past the memory bound are spooled to disk, readiness is down and shows the backlog, and once
 * Kafka is back every reading a device published reaches it, in order. A message only in memory is not acknowledged
 * to the device: when the listener restarts meanwhile, the device sends it again.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DeviceTlsResource.class, restrictToAnnotatedClass = false)
class KafkaOutageIT {
    private static final int BEFORE = 100;
    private static final int DURING = 100;
    private static final int AFTER = 100;
    private static final int UNACKNOWLEDGED = 5;

    @Inject
    MqttDevices mqtt;

    @Inject
    MqttListeners listeners;

    @Inject
    EventPublisher publisher;

    @Test
    void shouldLoseNoReadingWhenKafkaStopsAndStartsMidStream() throws Exception {
        MqttDevices.Registered alarm = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        Instant t0 = Instant.parse("2026-11-22T08:00:00Z");
        int sent = 0;
        try (TestDevice device = mqtt.connect(alarm)) {
            for (int i = 0; i < BEFORE; i++) {
                device.publishTelemetry(payload(t0, sent++));
            }
            TestInfra.shared().stopComponent("kafka");
            try {
                for (int i = 0; i < DURING; i++) {
                    device.publishTelemetry(payload(t0, sent++));
                }
                // Past the memory bound (20 in tests), or once Kafka has acknowledged nothing for a while, to disk.
                await().atMost(Duration.ofSeconds(60)).until(() -> publisher.spooled() > 0);
                await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 503);
                given().get("/q/health/ready").then()
                        .body(containsString("\"backlog\""), containsString("\"spooled\""));
            } finally {
                TestInfra.shared().startComponent("kafka");
            }
            for (int i = 0; i < AFTER; i++) {
                device.publishTelemetry(payload(t0, sent++));
            }
        }
        try (TopicReader<Reading> readings = new TopicReader<>(Topics.READINGS, new ReadingDeserializer())) {
            // At least once: a record held in memory when the spool took over may arrive twice; its first arrival
            // is in order.
            List<ConsumerRecord<String, Reading>> received = readings.awaitDistinct(r -> alarm.id().equals(r.key()),
                    r -> r.value().value(), sent, Duration.ofSeconds(120));
            List<Long> values = received.stream().map(r -> (long) r.value().value()).distinct().toList();
            assertEquals(sent, values.size(), "distinct readings out = readings in");
            assertEquals(values.stream().sorted().toList(), values, "order per device kept");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.backlog() == 0);
    }

    @Test
    void shouldGetTheUnacknowledgedMessagesAgainWhenTheListenerRestartsBeforeKafkaHasThem() throws Exception {
        MqttDevices.Registered alarm = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        Instant t0 = Instant.parse("2026-11-22T09:00:00Z");
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(3600L);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(2_000); // Paho 1.2.5 ignores setAutomaticReconnectDelay: 1 s, then 2 s
        List<IMqttToken> tokens = new ArrayList<>();
        try (TestDevice device = new TestDevice(mqtt.plainUrl(), "chem-banan-01", "gas-alarm", alarm.id(),
                alarm.password(), options)) {
            TestInfra.shared().stopComponent("kafka");
            try {
                for (int i = 0; i < UNACKNOWLEDGED; i++) {
                    tokens.add(device.publishAsync(device.topic("telemetry"), payload(t0, i), false));
                }
                // Within the memory bound and before the stall: held in memory, so not acknowledged yet.
                await().atMost(Duration.ofSeconds(30)).until(() -> publisher.inMemory() >= UNACKNOWLEDGED);
                listeners.stop();
                listeners.start();
            } finally {
                TestInfra.shared().startComponent("kafka");
            }
            for (IMqttToken token : tokens) {
                token.waitForCompletion(120_000);
            }
        }
        try (TopicReader<Reading> readings = new TopicReader<>(Topics.READINGS, new ReadingDeserializer())) {
            List<ConsumerRecord<String, Reading>> received = readings.awaitDistinct(r -> alarm.id().equals(r.key()),
                    r -> r.value().value(), UNACKNOWLEDGED, Duration.ofSeconds(120));
            Map<Double, Long> copies = received.stream().collect(Collectors.groupingBy(r -> r.value().value(),
                    Collectors.counting()));
            assertEquals(UNACKNOWLEDGED, copies.size(), "nothing lost: " + copies);
            assertTrue(copies.values().stream().allMatch(n -> n >= 2),
                    "each unacknowledged message was sent again after the restart (and kept once in memory): " + copies);
            assertEquals(UNACKNOWLEDGED, received.stream().map(r -> r.value().eventId()).distinct().count(),
                    "a message sent again yields the same event ids");
        }
    }

    private static String payload(Instant t0, int n) {
        return "{\"ts\":\"" + t0.plusMillis(n) + "\",\"readings\":[{\"metric\":\"gas_lel\",\"value\":" + n
                + ",\"unit\":\"%LEL\"}]}";
    }
}
