package io.safetyhub.warning.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.warning.support.Feed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The role rule of every endpoint, with real Keycloak tokens of the five demo users (tenant rules: the other ITs). */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class AccessMatrixIT {

    @BeforeAll
    static void enterprises() {
        Feed.demoEnterprises();
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
            "GET,  /api/alarms,        ent.chem,  200",
            "GET,  /api/alarms,        reg.banan, 200",
            "GET,  /api/alarms,        reg.city,  200",
            "GET,  /api/alarms,        ops,       200",
            "GET,  /api/alarms,        ,          401",
            "GET,  /api/rules,         ent.build, 200",
            "GET,  /api/rules,         ,          401",
            "GET,  /api/stats/alarms,  ent.chem,  200",
            "GET,  /api/stats/alarms,  reg.banan, 200",
            "GET,  /api/stats/alarms,  ,          401",
            "GET,  /api/warnings,      ent.build, 200",
            "GET,  /api/warnings,      reg.city,  200",
            "POST, /api/warnings,      ent.chem,  403",
            "POST, /api/warnings,      ops,       403",
            "POST, /api/warnings,      reg.city,  200",
            "POST, /api/warnings,      reg.banan, 200",
            "POST, /api/warnings,      ,          401",
            "GET,  /api/alarms/none,   ent.chem,  404",
            "POST, /api/alarms/none/acknowledge, reg.city, 404",
            "POST, /api/alarms/none/close, reg.city, 403",
    })
    void shouldAnswerTheRoleRuleWhenEachDemoUserCalls(String method, String path, String user, int status) {
        var request = user == null ? given() : given().auth().oauth2(TestInfra.shared().token(user));
        if ("POST".equals(method)) {
            Object body = path.equals("/api/warnings")
                    ? Map.of("title", "大风蓝色预警", "colour", "BLUE", "text", "wind", "districts", List.of("巴南区"),
                    "sectors", List.of(), "validUntil", Instant.now().plusSeconds(3600).toString())
                    : path.endsWith("/close") ? Map.of("cause", "FALSE_ALARM", "note", "n") : Map.of();
            request.contentType("application/json").body(body).when().post(path).then().statusCode(status)
                    .contentType(status == 200 ? "application/json" : "application/problem+json");
        } else {
            request.when().get(path).then().statusCode(status)
                    .contentType(status == 200 ? "application/json" : "application/problem+json");
        }
    }
}
