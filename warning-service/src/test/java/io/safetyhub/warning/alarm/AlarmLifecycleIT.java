package io.safetyhub.warning.alarm;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.DeviceStatus;
import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import io.safetyhub.events.Topics;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.Feed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

/** The alarm life through the REST API with real tokens: state machine, disposal, audit, shelving, offline. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class AlarmLifecycleIT {

    @BeforeAll
    static void enterprises() {
        Feed.demoEnterprises();
    }

    @Test
    void shouldWalkActiveAcknowledgedClearedClosedWithAnAuditTrailWhenTheEnterpriseDisposes() {
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Feed.send(Topics.READINGS, "GA-L1", Engines.reading("GA-L1", "gas-alarm", "gas_lel", 60, ts));
        String id = Alarm.idFor("GA-L1", "default-gas-lel", ts);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("ent.chem").get("/api/alarms/" + id)
                .then().statusCode(200).body("status", equalTo("ACTIVE")));

        as("ent.chem").contentType("application/json").body(Map.of("cause", "FALSE_ALARM", "note", "n"))
                .post("/api/alarms/" + id + "/close").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("ILLEGAL_TRANSITION"));
        as("ent.build").contentType("application/json").body(Map.of())
                .post("/api/alarms/" + id + "/acknowledge").then().statusCode(404);
        as("ent.chem").contentType("application/json").body(Map.of("note", "on my way"))
                .post("/api/alarms/" + id + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("trail[1].by", equalTo("ent.chem"));
        as("ent.chem").contentType("application/json").body(Map.of())
                .post("/api/alarms/" + id + "/acknowledge").then().statusCode(409);

        Feed.send(Topics.READINGS, "GA-L1", Engines.reading("GA-L1", "gas-alarm", "gas_lel", 1, ts.plusSeconds(1)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("ent.chem").get("/api/alarms/" + id)
                .then().statusCode(200).body("status", equalTo("CLEARED")));

        as("ent.chem").contentType("application/json").body(Map.of("note", "valve closed"))
                .post("/api/alarms/" + id + "/close").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("cause"));
        as("reg.banan").contentType("application/json").body(Map.of("cause", "REAL_DANGER", "note", "x"))
                .post("/api/alarms/" + id + "/close").then().statusCode(403);
        as("ent.chem").contentType("application/json").body(Map.of("cause", "REAL_DANGER", "note", "valve closed"))
                .post("/api/alarms/" + id + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closeCause", equalTo("REAL_DANGER"))
                .body("trail.action", hasItem("CLOSE")).body("trail[3].note", equalTo("valve closed"));
    }

    @Test
    void shouldBoundTheMaintenanceWindowAndConfineShelvingToTheEnterpriseWhenShelving() {
        Map<String, Object> ok = Map.of("deviceId", "GA-M9", "enterpriseId", "chem-banan-01",
                "until", Instant.now().plus(Duration.ofHours(2)).toString(), "reason", "calibration");
        as("ent.chem").contentType("application/json").body(ok).post("/api/alarms/shelves").then().statusCode(200)
                .body("by", equalTo("ent.chem"));
        as("ent.build").contentType("application/json").body(ok).post("/api/alarms/shelves").then().statusCode(403);
        as("reg.city").contentType("application/json").body(ok).post("/api/alarms/shelves").then().statusCode(403);
        as("ent.chem").contentType("application/json").body(Map.of("deviceId", "GA-M9", "enterpriseId",
                        "chem-banan-01", "until", Instant.now().plus(Duration.ofDays(10)).toString(), "reason", "x"))
                .post("/api/alarms/shelves").then().statusCode(400).body("errors[0].field", equalTo("until"));
    }

    @Test
    void shouldRefuseToShelveAnotherEnterprisesDeviceWhenItReportedUnderThatEnterprise() {
        String device = "GA-M10-" + UUID.randomUUID();
        Feed.send(Topics.READINGS, device, Engines.reading(device, "gas-alarm", "gas_lel", 1, Instant.now()));
        Map<String, Object> foreign = Map.of("deviceId", device, "enterpriseId", "build-yubei-01",
                "until", Instant.now().plus(Duration.ofHours(2)).toString(), "reason", "calibration");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("ent.build").contentType("application/json")
                .body(foreign).post("/api/alarms/shelves").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND")));
        as("ent.chem").contentType("application/json").body(Map.of("deviceId", device, "enterpriseId", "chem-banan-01",
                        "until", Instant.now().plus(Duration.ofHours(2)).toString(), "reason", "calibration"))
                .post("/api/alarms/shelves").then().statusCode(200);
    }

    @Test
    void shouldNameTheFieldWhenAShelvingCarriesA200KilobyteDeviceId() {
        as("ops").contentType("application/json").body(Map.of("deviceId", "G".repeat(200_000), "enterpriseId",
                        "chem-banan-01", "until", Instant.now().plus(Duration.ofHours(2)).toString(), "reason", "x"))
                .post("/api/alarms/shelves").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("deviceId"));
    }

    @Test
    void shouldNameTheFieldWhenAShelvingHasNoEnd() {
        as("ent.chem").contentType("application/json").body(Map.of("deviceId", "GA-M11", "enterpriseId",
                        "chem-banan-01", "reason", "open-ended"))
                .post("/api/alarms/shelves").then().statusCode(400).body("errors[0].field", equalTo("until"));
    }

    @Test
    void shouldRaiseAnOfflineAlarmWhenDeviceStatusSaysOffline() {
        Instant seen = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Feed.send(Topics.DEVICE_STATUS, "GA-X1", new DeviceStatus(UUID.randomUUID(), Instant.now(), "test", "GA-X1",
                "chem-banan-01", "gas-alarm", false, DeviceStatus.Cause.LAST_WILL, seen));
        String id = Alarm.idFor("GA-X1", "default-offline", seen);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("reg.banan").get("/api/alarms/" + id)
                .then().statusCode(200).body("kind", equalTo("OFFLINE")).body("level", equalTo("BLUE")));
    }

    /** Issue 23: a town (镇街) regulator's token carries a {@code town} claim; it sees its town's enterprises only. */
    @Test
    void shouldShowATownRegulatorOnlyTheAlarmsOfItsTownWhenConfinedToATown() {
        TestInfra.shared().token("reg.nanpeng"); // first tokens outside the await: a fresh Keycloak takes seconds
        TestInfra.shared().token("reg.banan");
        Feed.send(Topics.ENTERPRISE_REGISTRY, "chem-nanpeng-02", new EnterpriseChanged(UUID.randomUUID(),
                Instant.now(), "test", EnterpriseChanged.Change.CREATED, "chem-nanpeng-02", "南彭危化仓储", null,
                "巴南区", "南彭街道", List.of("HAZARDOUS_CHEMICALS"), "ORANGE", "OPERATING", 106.67, 29.38));
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Feed.send(Topics.READINGS, "GA-T1", new Reading(UUID.randomUUID(), ts, "test", "GA-T1", "chem-nanpeng-02",
                "gas-alarm", null, "gas_lel", 60, null, null, ts, ts, Quality.GOOD));
        Feed.send(Topics.READINGS, "GA-T2", Engines.reading("GA-T2", "gas-alarm", "gas_lel", 60, ts)); // 界石镇
        String inTown = Alarm.idFor("GA-T1", "default-gas-lel", ts);
        String elsewhere = Alarm.idFor("GA-T2", "default-gas-lel", ts);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            as("reg.banan").get("/api/alarms/" + elsewhere).then().statusCode(200);
            as("reg.nanpeng").get("/api/alarms/" + inTown).then().statusCode(200)
                    .body("enterpriseId", equalTo("chem-nanpeng-02"));
        });
        as("reg.nanpeng").get("/api/alarms/" + elsewhere).then().statusCode(404);
        as("reg.nanpeng").get("/api/alarms?size=100").then().statusCode(200)
                .body("items.enterpriseId", everyItem(equalTo("chem-nanpeng-02")));
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().oauth2(TestInfra.shared().token(user));
    }
}
