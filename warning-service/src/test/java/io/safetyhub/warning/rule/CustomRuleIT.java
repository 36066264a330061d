package io.safetyhub.warning.rule;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import io.safetyhub.events.Topics;
import io.safetyhub.warning.alarm.Alarm;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.Feed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Rules created for metrics without a national default, evaluated by the engine like the built-in ones. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class CustomRuleIT {

    @BeforeAll
    static void enterprises() {
        Feed.demoEnterprises();
    }

    @Test
    void shouldRaiseAtOrBelowTheThresholdAndNotAboveWhenALowLevelRuleIsSetForOneTank() {
        given().auth().oauth2(token("ent.chem")).contentType("application/json")
                .body(rule("level", "LOW", "tank", "chem-banan-01", "TK-LOW-1", 0, 1, step("YELLOW", 20)))
                .when().post("/api/rules").then().statusCode(201)
                .body("key", equalTo("custom:level:LOW:tank|chem-banan-01|TK-LOW-1"))
                .body("comparison", equalTo("LOW"));

        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Feed.send(Topics.READINGS, "TK-LOW-2", Engines.reading("TK-LOW-2", "tank", "level", 5, ts));
        Feed.send(Topics.READINGS, "TK-LOW-1", Engines.reading("TK-LOW-1", "tank", "level", 20.5, ts));
        Feed.send(Topics.READINGS, "TK-LOW-1", Engines.reading("TK-LOW-1", "tank", "level", 20, ts.plusSeconds(1)));
        String ruleId = "custom:level:LOW:tank";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token("ent.chem"))
                        .when().get("/api/alarms/" + Alarm.idFor("TK-LOW-1", ruleId, ts.plusSeconds(1)))
                        .then().statusCode(200).body("level", equalTo("YELLOW")).body("threshold", equalTo(20.0f)));
        // 20.5 is above the threshold, and the rule is for TK-LOW-1 only.
        given().auth().oauth2(token("ent.chem")).when().get("/api/alarms/" + Alarm.idFor("TK-LOW-1", ruleId, ts))
                .then().statusCode(404);
        given().auth().oauth2(token("ent.chem")).when().get("/api/alarms/" + Alarm.idFor("TK-LOW-2", ruleId, ts))
                .then().statusCode(404);
    }

    @Test
    void shouldRaiseYellowThenOrangeThenRedWhenPressureCrossesThreeSteps() {
        String key = "custom:pressure:HIGH:tank|chem-banan-01|*";
        given().auth().oauth2(token("ops")).contentType("application/json")
                .body(rule("pressure", "HIGH", "tank", "chem-banan-01", null, 0, 0.05,
                        step("YELLOW", 1.0), step("ORANGE", 1.5), step("RED", 2.0)))
                .when().post("/api/rules").then().statusCode(201).body("key", equalTo(key));

        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = Alarm.idFor("TK-P-1", "custom:pressure:HIGH:tank", ts);
        double[] values = {1.2, 1.6, 2.1};
        String[] levels = {"YELLOW", "ORANGE", "RED"};
        for (int i = 0; i < values.length; i++) {
            Feed.send(Topics.READINGS, "TK-P-1", Engines.reading("TK-P-1", "tank", "pressure", values[i],
                    ts.plusSeconds(i)));
            String level = levels[i];
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().auth().oauth2(token("ent.chem")).when().get("/api/alarms/" + id)
                            .then().statusCode(200).body("level", equalTo(level)).body("status", equalTo("ACTIVE")));
        }

        given().auth().oauth2(token("ops")).when().delete("/api/rules/" + key).then().statusCode(204);
        given().auth().oauth2(token("ops")).when().queryParam("size", 200).get("/api/rules").then().statusCode(200)
                .body("items.key", not(hasItem(key)));
    }

    @Test
    void shouldRefuseARuleForAnotherEnterprisesDeviceWhenAnEnterpriseCreatesIt() {
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Feed.send(Topics.READINGS, "TK-BUILD-1", new Reading(UUID.randomUUID(), ts, "test", "TK-BUILD-1",
                "build-yubei-01", "tank", null, "level", 50, null, null, ts, ts, Quality.GOOD));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token("ent.chem")).contentType("application/json")
                        .body(rule("level", "LOW", "tank", "chem-banan-01", "TK-BUILD-1", 0, 1, step("YELLOW", 20)))
                        .when().post("/api/rules").then().statusCode(404)
                        .contentType("application/problem+json").body("code", equalTo("NOT_FOUND")));
        given().auth().oauth2(token("ent.chem")).contentType("application/json")
                .body(rule("level", "LOW", "tank", "build-yubei-01", "TK-BUILD-1", 0, 1, step("YELLOW", 20)))
                .when().post("/api/rules").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(token("reg.city")).contentType("application/json")
                .body(rule("level", "LOW", "tank", "build-yubei-01", "TK-BUILD-1", 0, 1, step("YELLOW", 20)))
                .when().post("/api/rules").then().statusCode(403);
        given().auth().oauth2(token("ent.build")).when().queryParam("size", 200).get("/api/rules").then().statusCode(200)
                .body("items.key", not(hasItem("custom:level:LOW:tank|chem-banan-01|TK-LOW-1")));
    }

    @ParameterizedTest(name = "{0} creates for chem-banan-01: {1}")
    @CsvSource({
            "ent.chem,  201",
            "ent.build, 403",
            "reg.city,  403",
            "reg.banan, 403",
            "ops,       201",
            ",          401",
    })
    void shouldLetOnlyOperatorsAndTheEnterpriseItselfCreateWhenEachDemoUserCalls(String user, int status) {
        var request = user == null ? given() : given().auth().oauth2(token(user));
        request.contentType("application/json")
                .body(rule("temperature", "HIGH", "tank", "chem-banan-01", "TK-MATRIX", 10, 1,
                        step("YELLOW", 60), step("ORANGE", 80), step("RED", 95)))
                .when().post("/api/rules").then().statusCode(status)
                .contentType(status == 201 ? "application/json" : "application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "metric name format;     Tank-Level!; LOW;  0;  0; 20; 10; metric",
            "metric with a default;  gas_lel;     HIGH; 0;  0; 20; 30; metric",
            "non-monotonic LOW;      level;       LOW;  0;  0; 20; 30; steps[1].threshold",
            "non-monotonic HIGH;     pressure;    HIGH; 0;  0; 2;  1;  steps[1].threshold",
            "negative min duration;  level;       LOW;  -5; 0; 20; 10; minDurationSeconds",
            "negative dead-band;     level;       LOW;  0;  -1; 20; 10; deadBand",
    })
    void shouldNameTheFieldAndStoreNothingWhenTheRuleIsInvalid(String name, String metric, String comparison,
                                                               int minDuration, double deadBand, double yellow,
                                                               double orange, String field) {
        given().auth().oauth2(token("ops")).contentType("application/json")
                .body(rule(metric, comparison, "tank", "chem-banan-01", "TK-BAD", minDuration, deadBand,
                        step("YELLOW", yellow), step("ORANGE", orange)))
                .when().post("/api/rules").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo(field));
        given().auth().oauth2(token("ops")).when().queryParam("size", 200).get("/api/rules").then().statusCode(200)
                .body("items.deviceId", not(hasItem("TK-BAD")));
    }

    @Test
    void shouldNameTheStepsWhenTheyAreEmpty() {
        given().auth().oauth2(token("ops")).contentType("application/json")
                .body(rule("level", "LOW", "tank", "chem-banan-01", "TK-BAD", 0, 0))
                .when().post("/api/rules").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("steps"));
    }

    private static String token(String user) {
        return TestInfra.shared().token(user);
    }

    private static Map<String, Object> step(String level, double threshold) {
        return Map.of("level", level, "threshold", threshold);
    }

    @SafeVarargs
    private static Map<String, Object> rule(String metric, String comparison, String kind, String enterprise,
                                            String device, int minDuration, double deadBand,
                                            Map<String, Object>... steps) {
        Map<String, Object> body = new HashMap<>(Map.of("metric", metric, "comparison", comparison,
                "deviceKind", kind, "enterpriseId", enterprise, "steps", List.of(steps),
                "minDurationSeconds", minDuration, "deadBand", deadBand));
        if (device != null) {
            body.put("deviceId", device);
        }
        return body;
    }
}
