package io.safetyhub.adapter.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.adapter.device.DeviceService;
import io.safetyhub.adapter.mqtt.MqttAdapter;
import io.safetyhub.adapter.telemetry.DeviceKind;
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

/** Kafka stopped and started again mid-stream: every reading published over MQTT still reaches Kafka, in order. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class KafkaOutageTest {
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
                await().atMost(Duration.ofSeconds(60)).until(() -> publisher.backlog() > 0);
                given().get("/q/health/ready").then().body(containsString("\"backlog\""));
            } finally {
                TestInfra.shared().startComponent("kafka");
            }
            for (int i = 0; i < AFTER; i++) {
                alarm.publishTelemetry(payload(t0, sent++));
            }
        }
        try (TopicReader<Reading> readings = new TopicReader<>(Topics.READINGS, new ReadingDeserializer())) {
            List<ConsumerRecord<String, Reading>> received = readings.await(r -> deviceId.equals(r.key()), sent,
                    Duration.ofSeconds(120));
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
