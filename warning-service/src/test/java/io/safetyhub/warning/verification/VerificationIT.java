package io.safetyhub.warning.verification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.Topics;
import io.safetyhub.warning.alarm.Alarm;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.Feed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Disposal feedback (核查反馈) through the REST API with real Keycloak tokens: the enterprise closes a level II alarm,
 * the district's regulator returns its disposal, the enterprise submits it again, the regulator accepts; who may do
 * what, and the figures. A level III alarm closed beside it needs no verification.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class VerificationIT {

    @BeforeAll
    static void enterprisesAndTokens() {
        Feed.demoEnterprises();
        // Tokens first: a first token from a Keycloak just started can take seconds, not to be counted in the awaits.
        for (String user : new String[]{"ent.chem", "ent.build", "reg.banan", "reg.city", "ops"}) {
            TestInfra.shared().token(user);
        }
    }

    @Test
    void shouldLoopFromDisposalThroughReturnToAcceptanceWhenTheDistrictsRegulatorVerifies() {
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String orange = disposed("GA-V1", 60, ts);
        String yellow = disposed("GA-V2", 25, ts);
        String path = "/api/alarms/" + orange + "/verification";

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("reg.banan").get(path).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("cause", equalTo("REAL_DANGER"))
                .body("steps[0].action", equalTo("SUBMITTED")).body("steps[0].by", equalTo("ent.chem")));
        as("reg.banan").get("/api/alarms/" + yellow + "/verification").then().statusCode(404);
        as("reg.banan").get("/api/alarms/verifications?status=PENDING").then().statusCode(200)
                .body("items.alarmId", hasItem(orange));

        as("ent.build").get(path).then().statusCode(404);
        decide("ent.chem", Map.of("accept", true), path).then().statusCode(403);
        decide("ops", Map.of("accept", true), path).then().statusCode(403);
        decide("reg.banan", Map.of("accept", false), path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("note"));
        decide("reg.banan", Map.of("accept", false, "note", "photo of the closed valve missing"), path).then()
                .statusCode(200).body("status", equalTo("RETURNED"));
        decide("reg.banan", Map.of("accept", true), path).then().statusCode(409).body("code", equalTo("NOT_PENDING"));

        as("reg.banan").contentType("application/json").body(Map.of("cause", "REAL_DANGER", "note", "photo"))
                .post("/api/alarms/" + orange + "/disposal").then().statusCode(403);
        as("ent.chem").contentType("application/json").body(Map.of("cause", "REAL_DANGER", "note", "photo attached"))
                .post("/api/alarms/" + orange + "/disposal").then().statusCode(200).body("status", equalTo("PENDING"));
        decide("reg.banan", Map.of("accept", true), path).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("verifiedAt", notNullValue());

        as("reg.city").get("/api/alarms/verifications/stats").then().statusCode(200)
                .body("closed", greaterThanOrEqualTo(1)).body("accepted", greaterThanOrEqualTo(1))
                .body("returnedOnce", greaterThanOrEqualTo(1));
        as("ent.chem").get("/api/alarms/verifications/stats").then().statusCode(403);
        as("reg.city").get("/api/alarms/verifications/stats?from=2026-13-01").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    /** Raised, acknowledged, cleared and closed by the enterprise; the alarm's id. */
    private static String disposed(String device, double value, Instant ts) {
        Feed.send(Topics.READINGS, device, Engines.reading(device, "gas-alarm", "gas_lel", value, ts));
        String id = Alarm.idFor(device, "default-gas-lel", ts);
        // Bounded generously: this may be the first reading of a freshly started app on a busy machine.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("ent.chem").get("/api/alarms/" + id)
                .then().statusCode(200).body("status", equalTo("ACTIVE")));
        as("ent.chem").contentType("application/json").body(Map.of("note", "on my way"))
                .post("/api/alarms/" + id + "/acknowledge").then().statusCode(200);
        Feed.send(Topics.READINGS, device, Engines.reading(device, "gas-alarm", "gas_lel", 1, ts.plusSeconds(1)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("ent.chem").get("/api/alarms/" + id)
                .then().statusCode(200).body("status", equalTo("CLEARED")));
        as("ent.chem").contentType("application/json").body(Map.of("cause", "REAL_DANGER", "note", "valve closed"))
                .post("/api/alarms/" + id + "/close").then().statusCode(200);
        return id;
    }

    private static io.restassured.response.Response decide(String user, Map<String, Object> body, String path) {
        return as(user).contentType("application/json").body(body).post(path);
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestInfra.shared().token(user));
    }
}
