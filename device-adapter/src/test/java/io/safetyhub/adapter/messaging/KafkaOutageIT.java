package io.safetyhub.adapter.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.adapter.device.DeviceKind;
import io.safetyhub.adapter.device.DeviceService;
import io.safetyhub.adapter.mqtt.MqttAdapter;
import io.safetyhub.adapter.testing.Registration;
import io.safetyhub.adapter.testing.TestDevice;
import io.safetyhub.adapter.testing.TopicReader;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.Reading;
import io.safetyhub.events.Topics;
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
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Kafka stopped and started again mid-stream: readings past the memory bound are spooled to disk, readiness is down
 * and shows the backlog, and once Kafka is back every reading published over MQTT reaches it, in order.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class KafkaOutageIT {
    private static final int BEFORE = 100;
    private static final int DURING = 100;
    private static final int AFTER = 100;

    @Inject
    MqttAdapter adapter;

    @Inject
    DeviceService devices;

    @Inject
    EventPublisher publisher;

    @Test
    void shouldLoseNoReadingWhenKafkaStopsAndStartsMidStream() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(adapter::receiving);
        String deviceId = TestDevice.uniqueId("GA");
        devices.registerIfAbsent(Registration.mqtt(deviceId, "chem-banan-01", DeviceKind.GAS_ALARM));
        Instant t0 = Instant.parse("2026-11-22T08:00:00Z");
        int sent = 0;
        try (TestDevice alarm = new TestDevice("chem-banan-01", "gas-alarm", deviceId)) {
            for (int i = 0; i < BEFORE; i++) {
                alarm.publishTelemetry(payload(t0, sent++));
            }
            TestInfra.shared().stopComponent("kafka");
            try {
                for (int i = 0; i < DURING; i++) {
                    alarm.publishTelemetry(payload(t0, sent++));
                }
                // Past the memory bound (20 in tests), or once Kafka has acknowledged nothing for 3 s, records go to disk.
                await().atMost(Duration.ofSeconds(60)).until(() -> publisher.spooled() > 0);
                await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 503);
                given().get("/q/health/ready").then()
                        .body(containsString("\"backlog\""), containsString("\"spooled\""));
            } finally {
                TestInfra.shared().startComponent("kafka");
            }
            for (int i = 0; i < AFTER; i++) {
                alarm.publishTelemetry(payload(t0, sent++));
            }
        }
        try (TopicReader<Reading> readings = new TopicReader<>(Topics.READINGS, new ReadingDeserializer())) {
            // At least once: a record held in memory when the spool took over may arrive twice; its first arrival
            // is in order.
            List<ConsumerRecord<String, Reading>> received = readings.awaitDistinct(r -> deviceId.equals(r.key()),
                    r -> r.value().value(), sent, Duration.ofSeconds(120));
            List<Long> values = received.stream().map(r -> (long) r.value().value()).distinct().toList();
            assertEquals(sent, values.size(), "distinct readings out = readings in");
            assertEquals(values.stream().sorted().toList(), values, "order per device kept");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.backlog() == 0);
    }

    private static String payload(Instant t0, int n) {
        return "{\"ts\":\"" + t0.plusMillis(n) + "\",\"readings\":[{\"metric\":\"gas_lel\",\"value\":" + n
                + ",\"unit\":\"%LEL\"}]}";
    }
}
