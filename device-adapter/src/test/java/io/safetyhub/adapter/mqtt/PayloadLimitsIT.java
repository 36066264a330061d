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
import io.safetyhub.events.DeadLetter;
import io.safetyhub.events.Reading;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.DeadLetterDeserializer;
import io.safetyhub.events.serde.ReadingDeserializer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15 with a real device: a reading from the future and a message with too many readings are dead letters
 * (acknowledged, so the device does not resend them), and the device's next good reading still flows.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DeviceTlsResource.class, restrictToAnnotatedClass = false)
class PayloadLimitsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ENTRY = "{\"metric\":\"gas_lel\",\"value\":%s,\"unit\":\"%%LEL\"}";

    @Inject
    MqttDevices mqtt;

    @Test
    void shouldDeadLetterAFutureDatedReadingAndStillPublishTheNextGoodOne() throws Exception {
        MqttDevices.Registered registered = mqtt.register(Registration.mqtt(TestDevice.uniqueId("GA"), "chem-banan-01",
                DeviceKind.GAS_ALARM));
        String deviceId = registered.id();
        String future = "{\"ts\":\"2099-01-01T00:00:00Z\",\"readings\":[" + ENTRY.formatted(0) + "]}";
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        try (TopicReader<DeadLetter> deadLetters = new TopicReader<>(Topics.DEADLETTER, new DeadLetterDeserializer());
             TopicReader<Reading> readings = new TopicReader<>(Topics.READINGS, new ReadingDeserializer());
             TestDevice alarm = mqtt.connect(registered)) {
            assertEquals(0, alarm.publishTelemetry(future), "stored as a dead letter, so acknowledged");
            assertEquals(0, alarm.publishTelemetry("{\"ts\":\"" + now + "\",\"readings\":[" + ENTRY.formatted(75)
                    + "]}"));

            DeadLetter deadLetter = deadLetters.awaitOne(r -> deviceId.equals(r.key()), WAIT).value();
            assertEquals("FUTURE_TIMESTAMP", deadLetter.reason());
            assertEquals(future, deadLetter.rawPayload());
            Reading next = readings.awaitOne(r -> deviceId.equals(r.key()), WAIT).value();
            assertEquals(75, next.value(), "the next good reading flows");
            assertEquals(Instant.parse(now), next.sourceTimestamp());
        }
        awaitCounted("reason=\"FUTURE_TIMESTAMP\"");
    }

    @Test
    void shouldMakeOneDeadLetterAndNoReadingWhenAMessageCarriesMoreReadingsThanTheCap() throws Exception {
        MqttDevices.Registered registered = mqtt.register(Registration.mqtt(TestDevice.uniqueId("GA"), "chem-banan-01",
                DeviceKind.GAS_ALARM));
        String deviceId = registered.id();
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        String flood = "{\"ts\":\"" + now + "\",\"readings\":["
                + String.join(",", Collections.nCopies(101, ENTRY.formatted(1))) + "]}";
        try (TopicReader<DeadLetter> deadLetters = new TopicReader<>(Topics.DEADLETTER, new DeadLetterDeserializer());
             TopicReader<Reading> readings = new TopicReader<>(Topics.READINGS, new ReadingDeserializer());
             TestDevice alarm = mqtt.connect(registered)) {
            assertEquals(0, alarm.publishTelemetry(flood));
            assertEquals(0, alarm.publishTelemetry("{\"ts\":\"" + Instant.now().truncatedTo(ChronoUnit.MILLIS)
                    + "\",\"readings\":[" + ENTRY.formatted(2) + "]}"));

            assertEquals("TOO_MANY_READINGS", deadLetters.awaitOne(r -> deviceId.equals(r.key()), WAIT).value().reason());
            var only = readings.await(r -> deviceId.equals(r.key()), 1, WAIT);
            assertTrue(only.stream().allMatch(r -> r.value().value() == 2), "none of the 101 became a reading");
        }
        awaitCounted("reason=\"TOO_MANY_READINGS\"");
    }

    private static void awaitCounted(String tag) {
        String atLeastOne = "(?s).*safetyhub_adapter_deadletters_total\\{[^}]*" + tag + "[^}]*} [1-9].*";
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern(atLeastOne)));
    }
}
