package io.safetyhub.warning.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.Topics;
import io.safetyhub.warning.alarm.Alarm;
import io.safetyhub.warning.rule.StandardDefaults;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.Feed;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The role rule of every endpoint, with real Keycloak tokens of the six demo users (tenant rules: the other ITs;
 * the town regulator reg.nanpeng also here, on an alarm of its district outside its town).
 * Each cell names exactly one status: an "allowed" cell gets a state in which the call succeeds ({@code {fresh}} is an
 * alarm raised for that cell alone), so that a refusal or a conflict can never pass for allowed.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class AccessMatrixIT {
    private static final String READINGS = "/api/readings?deviceId=GA-MATRIX&metric=gas_lel"
            + "&from=2026-01-01T00:00:00Z&to=2026-01-01T01:00:00Z";

    @BeforeAll
    static void enterprises() {
        Feed.demoEnterprises();
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
            "GET,    /api/alarms,        ent.chem,  200",
            "GET,    /api/alarms,        reg.banan, 200",
            "GET,    /api/alarms,        reg.nanpeng, 200",
            "GET,    /api/alarms,        reg.city,  200",
            "GET,    /api/alarms,        ops,       200",
            "GET,    /api/alarms,        ,          401",
            "GET,    /api/rules,         ent.build, 200",
            "GET,    /api/rules,         ,          401",
            "GET,    /api/rules/audit,   ent.chem,  200",
            "GET,    /api/rules/audit,   reg.banan, 200",
            "GET,    /api/rules/audit,   reg.city,  200",
            "GET,    /api/rules/audit,   ops,       200",
            "GET,    /api/rules/audit,   ,          401",
            "GET,    /api/stats/alarms,  ent.chem,  200",
            "GET,    /api/stats/alarms,  reg.banan, 200",
            "GET,    /api/stats/alarms,  reg.nanpeng, 200",
            "GET,    /api/stats/alarms,  ,          401",
            "GET,    /api/warnings,      ent.build, 200",
            "GET,    /api/warnings,      reg.city,  200",
            "POST,   /api/warnings,      ent.chem,  403",
            "POST,   /api/warnings,      ops,       403",
            "POST,   /api/warnings,      reg.city,  200",
            "POST,   /api/warnings,      reg.banan, 200",
            // a town regulator publishes within its town only: allowed, its recipients narrowed (BroadcastStatsIT)
            "POST,   /api/warnings,      reg.nanpeng, 200",
            "POST,   /api/warnings,      ,          401",
            "GET,    /api/warnings/none, ent.chem,  404",
            "POST,   /api/warnings/none/confirm, ent.chem, 404",
            "POST,   /api/warnings/none/confirm, reg.city, 403",
            "GET,    /api/alarms/none,   ent.chem,  404",
            "POST,   /api/alarms/none/acknowledge, reg.city, 404",
            "POST,   /api/alarms/none/close, reg.city, 403",
            "POST,   /api/alarms/{fresh}/acknowledge, ent.chem,  200",
            "POST,   /api/alarms/{fresh}/acknowledge, reg.banan, 200",
            // the town regulator of 南彭街道, inside 巴南区 but not the town of chem-banan-01 (界石镇 here)
            "POST,   /api/alarms/{fresh}/acknowledge, reg.nanpeng, 404",
            "POST,   /api/alarms/{fresh}/acknowledge, reg.city,  200",
            "POST,   /api/alarms/{fresh}/acknowledge, ops,       200",
            "POST,   /api/alarms/{fresh}/acknowledge, ent.build, 404",
            "POST,   /api/alarms/shelves, ent.chem,  200",
            "POST,   /api/alarms/shelves, ops,       200",
            "POST,   /api/alarms/shelves, ent.build, 403",
            "POST,   /api/alarms/shelves, reg.city,  403",
            "PUT,    /api/rules,          ent.chem,  200",
            "PUT,    /api/rules,          ops,       200",
            "PUT,    /api/rules,          ent.build, 403",
            "PUT,    /api/rules,          reg.city,  403",
            "PUT,    /api/rules,          ,          401",
            "DELETE, /api/rules/none,     ops,       404",
            "DELETE, /api/rules/none,     reg.city,  403",
            "GET,    " + READINGS + ", ent.chem,  200",
            "GET,    " + READINGS + ", reg.banan, 200",
            "GET,    " + READINGS + ", reg.nanpeng, 200",
            "GET,    " + READINGS + ", ,          401",
    })
    void shouldAnswerTheRoleRuleWhenEachDemoUserCalls(String method, String path, String user, int status) {
        String target = path.replace("{fresh}", path.contains("{fresh}") ? freshAlarm() : "");
        RequestSpecification request = user == null ? given() : given().auth().oauth2(TestInfra.shared().token(user));
        Object body = body(target);
        if (body != null) {
            request.contentType("application/json").body(body);
        }
        request.when().request(method, target).then().statusCode(status)
                .contentType(status == 200 ? "application/json" : "application/problem+json");
    }

    private static Object body(String path) {
        return switch (path.replaceAll("/api/alarms/[^/]+/", "/api/alarms/{id}/")) {
            case "/api/warnings" -> Map.of("title", "大风蓝色预警", "colour", "BLUE", "text", "wind",
                    "districts", List.of("巴南区"), "sectors", List.of(),
                    "validUntil", Instant.now().plusSeconds(3600).toString());
            case "/api/alarms/{id}/close" -> Map.of("cause", "FALSE_ALARM", "note", "n");
            case "/api/alarms/{id}/acknowledge" -> Map.of();
            case "/api/alarms/shelves" -> Map.of("deviceId", "GA-MATRIX", "enterpriseId", "chem-banan-01",
                    "until", Instant.now().plus(Duration.ofHours(1)).toString(), "reason", "access matrix");
            case "/api/rules" -> Map.of("ruleId", StandardDefaults.GAS_LEL, "enterpriseId", "chem-banan-01",
                    "deviceId", "GA-MATRIX", "steps", List.of(Map.of("level", "YELLOW", "threshold", 15),
                            Map.of("level", "ORANGE", "threshold", 40)), "minDurationSeconds", 0, "deadBand", 2);
            default -> null;
        };
    }

    /** An ACTIVE alarm of chem-banan-01 (巴南区) raised for one cell, so that acknowledging it is allowed once. */
    private static String freshAlarm() {
        String device = "GA-AM-" + UUID.randomUUID().toString().substring(0, 8);
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Feed.send(Topics.READINGS, device, Engines.reading(device, "gas-alarm", "gas_lel", 60, ts));
        String id = Alarm.idFor(device, StandardDefaults.GAS_LEL, ts);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(TestInfra.shared().token("ops"))
                .get("/api/alarms/" + id).then().statusCode(200));
        return id;
    }
}
