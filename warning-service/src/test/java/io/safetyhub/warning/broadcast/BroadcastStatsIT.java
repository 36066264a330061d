package io.safetyhub.warning.broadcast;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.CommitmentMissing;
import io.safetyhub.events.Topics;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.Feed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Warning broadcast with receipts, blue commitment alarms and statistics. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class BroadcastStatsIT {

    @BeforeAll
    static void enterprises() {
        Feed.demoEnterprises();
    }

    @Test
    void shouldShowTheRegulatorWhoHasNotConfirmedWhenAWarningIsPublished() {
        Map<String, Object> warning = Map.of("title", "暴雨橙色预警", "colour", "ORANGE", "text", "heavy rain",
                "districts", List.of("巴南区", "渝北区"), "sectors", List.of(),
                "validUntil", Instant.now().plus(Duration.ofHours(6)).toString());
        as("reg.banan").contentType("application/json").body(warning).post("/api/warnings")
                .then().statusCode(400).body("errors[0].field", equalTo("districts[1]"));
        as("ent.chem").contentType("application/json").body(warning).post("/api/warnings").then().statusCode(403);
        String id = as("reg.city").contentType("application/json").body(warning).post("/api/warnings")
                .then().statusCode(200).body("unconfirmed", hasItem("chem-banan-01"))
                .body("unconfirmed", hasItem("build-yubei-01")).extract().path("id");

        as("ent.chem").post("/api/warnings/" + id + "/confirm").then().statusCode(200)
                .body("recipients", hasSize(1)).body("recipients[0].confirmedBy", equalTo("ent.chem"));
        as("reg.city").get("/api/warnings/" + id).then().statusCode(200)
                .body("unconfirmed", not(hasItem("chem-banan-01"))).body("unconfirmed", hasItem("build-yubei-01"));
        as("reg.banan").get("/api/warnings/" + id).then().statusCode(200)
                .body("recipients.district", everyItem(equalTo("巴南区")))
                .body("recipients.enterpriseId", not(hasItem("build-yubei-01")))
                .body("unconfirmed", not(hasItem("build-yubei-01")));
    }

    @Test
    void shouldReachOnlyItsTownsEnterprisesWhenATownRegulatorPublishesToItsDistrict() {
        Map<String, Object> warning = Map.of("title", "大风蓝色预警", "colour", "BLUE", "text", "gale",
                "districts", List.of("巴南区"), "sectors", List.of(),
                "validUntil", Instant.now().plus(Duration.ofHours(6)).toString());
        // reg.nanpeng is 巴南区/南彭街道; chem-banan-01 is in 界石镇 here, so the town's warning does not reach it
        as("reg.nanpeng").contentType("application/json").body(warning).post("/api/warnings")
                .then().statusCode(200).body("recipients.enterpriseId", not(hasItem("chem-banan-01")))
                .body("recipients.town", everyItem(equalTo("南彭街道")));
        as("reg.banan").contentType("application/json").body(warning).post("/api/warnings")
                .then().statusCode(200).body("recipients.enterpriseId", hasItem("chem-banan-01"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unboundedWarnings")
    void shouldNameTheFieldWhenAWarningIsUnbounded(String field, Map<String, Object> body) {
        as("reg.city").contentType("application/json").body(body).post("/api/warnings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem(startsWith(field)));
    }

    static Stream<Arguments> unboundedWarnings() {
        return Stream.of(
                Arguments.of("districts", warning(Map.of("districts", Collections.nCopies(20_000, "巴南区")))),
                Arguments.of("districts[0]", warning(Map.of("districts", List.of("x".repeat(65))))),
                Arguments.of("sectors", warning(Map.of("sectors", Collections.nCopies(1_000, "CONSTRUCTION")))),
                Arguments.of("title", warning(Map.of("title", "rain\u0000"))),
                Arguments.of("validUntil", warning(Map.of("validUntil", "9999-12-31T00:00:00Z"))));
    }

    private static Map<String, Object> warning(Map<String, Object> change) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "暴雨橙色预警", "colour", "ORANGE", "text", "heavy rain",
                "districts", List.of("巴南区"), "sectors", List.of(),
                "validUntil", Instant.now().plus(Duration.ofHours(6)).toString()));
        body.putAll(change);
        return body;
    }

    @Test
    void shouldRaiseABlueAlarmWhenADailyCommitmentIsMissing() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        Instant deadline = Instant.parse("2026-03-02T01:00:00Z");
        Feed.send(Topics.ENTERPRISE_COMMITMENTS, "chem-banan-01", new CommitmentMissing(UUID.randomUUID(),
                Instant.now(), "test", "chem-banan-01", "重庆长江化工有限公司", "巴南区", "界石镇", day, deadline));
        String id = "commitment:chem-banan-01:" + day + "|default-commitment-missing|" + deadline.toEpochMilli();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("ent.chem").get("/api/alarms/" + id)
                .then().statusCode(200).body("level", equalTo("BLUE")).body("kind", equalTo("COMMITMENT_MISSING")));
    }

    @Test
    void shouldCountOpenAlarmsAndResponseTimesWithinScopeWhenStatisticsAreAsked() {
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Feed.send(Topics.READINGS, "GA-ST1", Engines.reading("GA-ST1", "gas-alarm", "gas_lel", 30, ts));
        String id = "GA-ST1|default-gas-lel|" + ts.toEpochMilli();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("ent.chem").get("/api/alarms/" + id)
                .then().statusCode(200));
        as("ent.chem").contentType("application/json").body(Map.of()).post("/api/alarms/" + id + "/acknowledge")
                .then().statusCode(200);
        as("reg.banan").get("/api/stats/alarms").then().statusCode(200)
                .body("openByLevel.YELLOW", greaterThanOrEqualTo(1))
                .body("openByDistrict.'巴南区'", greaterThanOrEqualTo(1))
                .body("openBySector.HAZARDOUS_CHEMICALS", greaterThanOrEqualTo(1))
                .body("responseTimes.find { it.enterpriseId == 'chem-banan-01' }.meanSecondsToAcknowledge",
                        notNullValue());
        as("ent.build").get("/api/stats/alarms").then().statusCode(200)
                .body("responseTimes.enterpriseId", not(hasItem("chem-banan-01")));
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().oauth2(TestInfra.shared().token(user));
    }
}
