package io.safetyhub.warning.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.events.DeviceEvent;
import io.safetyhub.events.Topics;
import io.safetyhub.warning.alarm.Alarm;
import io.safetyhub.warning.alarm.DeviceEventRules;
import io.safetyhub.warning.support.Feed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Issue 14 item 6: device events on the real Kafka broker raise, annotate and clear alarms, once each. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class DeviceEventIT {

    @BeforeAll
    static void enterprises() {
        Feed.demoEnterprises();
    }

    @Test
    void shouldRaiseRecordTheValveAndClearWhenAGasAlarmReportsItsOwnAlarmThenRecovers() {
        String device = "GA-DE-" + UUID.randomUUID();
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DeviceEvent alarm = event(device, DeviceEvent.Type.ALARM, AlarmLevel.RED, ts);
        String id = Alarm.idFor(device, DeviceEventRules.DEVICE_ALARM, ts);
        Feed.send(Topics.DEVICE_EVENTS, device, alarm);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("ent.chem").get("/api/alarms/" + id)
                .then().statusCode(200).body("level", equalTo("RED")).body("status", equalTo("ACTIVE")));

        Feed.send(Topics.DEVICE_EVENTS, device, alarm); // delivered twice
        Feed.send(Topics.DEVICE_EVENTS, device, event(device, DeviceEvent.Type.VALVE_CLOSED, null, ts.plusSeconds(1)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("ent.chem").get("/api/alarms/" + id)
                .then().statusCode(200).body("trail.action", hasItem("VALVE_CLOSED")));

        Feed.send(Topics.DEVICE_EVENTS, device, event(device, DeviceEvent.Type.RECOVERED, null, ts.plusSeconds(2)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("ent.chem").get("/api/alarms/" + id)
                .then().statusCode(200).body("status", equalTo("CLEARED_UNACKNOWLEDGED")));
        as("reg.city").queryParam("enterpriseId", "chem-banan-01").queryParam("size", 200).get("/api/alarms")
                .then().statusCode(200)
                .body("items.findAll { it.deviceId == '" + device + "' }.size()", equalTo(1));
    }

    @Test
    void shouldRaiseAFaultAlarmAndALevelIiAlarmWhenADetectorFaultsAndACraneLimiterCutsOff() {
        String detector = "GA-DF-" + UUID.randomUUID();
        String crane = "TC-DL-" + UUID.randomUUID();
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Feed.send(Topics.DEVICE_EVENTS, detector, event(detector, DeviceEvent.Type.FAULT, null, ts));
        Feed.send(Topics.DEVICE_EVENTS, crane, event(crane, DeviceEvent.Type.LIMITER_CUTOFF, null, ts));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("ent.chem")
                .get("/api/alarms/" + Alarm.idFor(detector, DeviceEventRules.DEVICE_FAULT, ts))
                .then().statusCode(200).body("level", equalTo("BLUE")).body("kind", equalTo("FAULT")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("ent.chem")
                .get("/api/alarms/" + Alarm.idFor(crane, DeviceEventRules.LIMITER_CUTOFF, ts))
                .then().statusCode(200).body("level", equalTo("ORANGE")));
    }

    private static DeviceEvent event(String device, DeviceEvent.Type type, AlarmLevel level, Instant ts) {
        return new DeviceEvent(UUID.randomUUID(), Instant.now(), "device-adapter", device, "chem-banan-01",
                device.startsWith("TC") ? "tower-crane" : "gas-alarm", null, type, level, "test", ts, Instant.now());
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().oauth2(TestInfra.shared().token(user));
    }
}
