package io.safetyhub.warning.rule;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
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
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Overrides within the standards' bounds, by the right people, applied to the next reading. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class RuleApiIT {

    @BeforeAll
    static void enterprises() {
        Feed.demoEnterprises();
    }

    @Test
    void shouldRefuseAGasFirstLevelAbove25PercentLelWhenAnEnterpriseOverrides() {
        given().auth().oauth2(TestInfra.shared().token("ent.chem")).contentType("application/json")
                .body(gasOverride("chem-banan-01", null, 25.1, 50))
                .when().put("/api/rules")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("steps[0].threshold"));
    }

    @Test
    void shouldRefuseThresholdsThatDoNotRiseWithSeverityWhenOverriding() {
        given().auth().oauth2(TestInfra.shared().token("ops")).contentType("application/json")
                .body(gasOverride("chem-banan-01", null, 20, 15))
                .when().put("/api/rules")
                .then().statusCode(400).body("errors[0].field", equalTo("steps[1].threshold"));
    }

    @ParameterizedTest(name = "{0} overrides {1}: {2}")
    @CsvSource({
            "ent.chem,  chem-banan-01,  200",
            "ent.chem,  build-yubei-01, 403",
            "ent.build, chem-banan-01,  403",
            "reg.city,  chem-banan-01,  403",
            "reg.banan, chem-banan-01,  403",
            "ops,       build-yubei-01, 200",
    })
    void shouldLetOnlyOperatorsAndTheEnterpriseItselfOverrideWhenSettingRules(String user, String enterprise,
                                                                              int status) {
        given().auth().oauth2(TestInfra.shared().token(user)).contentType("application/json")
                .body(gasOverride(enterprise, "GA-MATRIX", 22, 45))
                .when().put("/api/rules").then().statusCode(status).contentType(status == 200
                        ? "application/json" : "application/problem+json");
    }

    @Test
    void shouldRaiseAtTheDeviceThresholdWhenADeviceOverrideIsSet() {
        given().auth().oauth2(TestInfra.shared().token("ent.chem")).contentType("application/json")
                .body(gasOverride("chem-banan-01", "GA-O10", 10, 40))
                .when().put("/api/rules").then().statusCode(200).body("key", equalTo("default-gas-lel|chem-banan-01|GA-O10"));
        given().auth().oauth2(TestInfra.shared().token("ent.build")).when().queryParam("size", 200).get("/api/rules")
                .then().statusCode(200).body("items.key", org.hamcrest.Matchers.not(hasItem("default-gas-lel|chem-banan-01|GA-O10")));

        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Feed.send(Topics.READINGS, "GA-O10", Engines.reading("GA-O10", "gas-alarm", "gas_lel", 12, ts));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestInfra.shared().token("ent.chem"))
                        .when().get("/api/alarms/" + Alarm.idFor("GA-O10", "default-gas-lel", ts))
                        .then().statusCode(200).body("level", equalTo("YELLOW")).body("threshold", equalTo(10.0f)));
    }

    @Test
    void shouldRefuseAnOverrideThatDropsAStandardLevelWhenAnEnterpriseWeakensTheRule() {
        Map<String, Object> body = new java.util.HashMap<>(gasOverride("chem-banan-01", null, 20, 50));
        body.put("steps", List.of(Map.of("level", "YELLOW", "threshold", 25)));
        given().auth().oauth2(TestInfra.shared().token("ent.chem")).contentType("application/json").body(body)
                .when().put("/api/rules")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("steps"));
    }

    @Test
    void shouldRefuseAnAstronomicSecondLevelWhenAnEnterpriseOverrides() {
        given().auth().oauth2(TestInfra.shared().token("ent.chem")).contentType("application/json")
                .body(gasOverride("chem-banan-01", null, 20, 1e300))
                .when().put("/api/rules")
                .then().statusCode(400).body("errors[0].field", equalTo("steps[1].threshold"));
    }

    @Test
    void shouldRefuseAnHourOfDebounceWhenAnEnterpriseOverrides() {
        Map<String, Object> body = new java.util.HashMap<>(gasOverride("chem-banan-01", null, 20, 50));
        body.put("minDurationSeconds", 3600);
        given().auth().oauth2(TestInfra.shared().token("ent.chem")).contentType("application/json").body(body)
                .when().put("/api/rules")
                .then().statusCode(400).body("errors[0].field", equalTo("minDurationSeconds"));
    }

    @Test
    void shouldShowTheDistrictRegulatorWhoChangedAnOverrideWhenReadingTheAudit() {
        String device = "GA-AUDIT-" + java.util.UUID.randomUUID();
        given().auth().oauth2(TestInfra.shared().token("ent.chem")).contentType("application/json")
                .body(gasOverride("chem-banan-01", device, 18, 45)).when().put("/api/rules").then().statusCode(200);
        given().auth().oauth2(TestInfra.shared().token("ent.chem")).contentType("application/json")
                .body(gasOverride("chem-banan-01", device, 15, 40)).when().put("/api/rules").then().statusCode(200);
        String key = "default-gas-lel|chem-banan-01|" + device;

        given().auth().oauth2(TestInfra.shared().token("reg.banan")).queryParam("size", 200)
                .when().get("/api/rules/audit")
                .then().statusCode(200)
                .body("items.findAll { it.key == '" + key + "' }.size()", equalTo(2))
                .body("items.find { it.key == '" + key + "' }.by", equalTo("ent.chem"))
                .body("items.find { it.key == '" + key + "' }.action", equalTo("SET"))
                .body("items.find { it.key == '" + key + "' }.before.steps[0].threshold", equalTo(18.0f))
                .body("items.find { it.key == '" + key + "' }.after.steps[0].threshold", equalTo(15.0f));
        given().auth().oauth2(TestInfra.shared().token("ent.build")).queryParam("size", 200)
                .when().get("/api/rules/audit")
                .then().statusCode(200).body("items.key", org.hamcrest.Matchers.not(hasItem(key)));
        given().auth().oauth2(TestInfra.shared().token("ops")).when().delete("/api/rules/" + key).then().statusCode(204);
        given().auth().oauth2(TestInfra.shared().token("reg.banan")).queryParam("size", 1)
                .when().get("/api/rules/audit")
                .then().statusCode(200)
                .body("items[0].key", equalTo(key)).body("items[0].action", equalTo("DELETE"))
                .body("items[0].by", equalTo("ops")).body("items[0].role", equalTo("operator"))
                .body("items[0].before.steps[0].threshold", equalTo(15.0f)).body("items[0].after", equalTo(null));
        given().auth().oauth2(TestInfra.shared().token("reg.city")).queryParam("size", 1000)
                .when().get("/api/rules/audit")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"deviceId", "enterpriseId", "ruleId"})
    void shouldNameTheFieldWhenAnOverrideCarriesA200KilobyteId(String field) {
        Map<String, Object> body = new java.util.HashMap<>(gasOverride("chem-banan-01", null, 20, 50));
        body.put(field, "G".repeat(200_000));
        given().auth().oauth2(TestInfra.shared().token("ops")).contentType("application/json").body(body)
                .when().put("/api/rules")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void shouldNameTheFieldWhenAnOverrideCarriesMoreStepsThanThereAreLevels() {
        Map<String, Object> body = new java.util.HashMap<>(gasOverride("chem-banan-01", null, 20, 50));
        body.put("steps", java.util.Collections.nCopies(5, Map.of("level", "YELLOW", "threshold", 20)));
        given().auth().oauth2(TestInfra.shared().token("ops")).contentType("application/json").body(body)
                .when().put("/api/rules")
                .then().statusCode(400).body("errors.field", hasItem("steps"));
    }

    private static Map<String, Object> gasOverride(String enterprise, String device, double first, double second) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("ruleId", "default-gas-lel", "enterpriseId", enterprise,
                "steps", List.of(Map.of("level", "YELLOW", "threshold", first), Map.of("level", "ORANGE", "threshold", second)),
                "minDurationSeconds", 0, "deadBand", 2));
        if (device != null) {
            body.put("deviceId", device);
        }
        return body;
    }
}
