package io.safetyhub.enterprise.access;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.enterprise.enterprise.Uscc;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint against every kind of caller, with real Keycloak tokens. Columns: anonymous, enterprise A
 * (ent.chem, chem-banan-01 in 巴南区), enterprise B (ent.build, build-yubei-01 in 渝北区), district
 * regulator (reg.banan, 巴南区), city regulator (reg.city), operator (ops). Targets in 巴南区 test the
 * district regulator inside its district, targets in 渝北区 outside. {@code ok} means the role and tenant
 * rules let the call through: 2xx, or 409 where the request is deliberately one the state refuses (an
 * illegal hazard step, an unchanged status, a second commitment), so that the matrix changes no data.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class AccessMatrixTest {
    private static final List<String> CALLERS = List.of("anonymous", "ent.chem", "ent.build", "reg.banan", "reg.city", "ops");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /api/enterprises                                   | -              | 401 | ok  | ok  | ok  | ok  | ok
            GET  | /api/enterprises/chem-banan-01                     | -              | 401 | ok  | 404 | ok  | ok  | ok
            GET  | /api/enterprises/build-yubei-01                    | -              | 401 | 404 | ok  | 404 | ok  | ok
            POST | /api/enterprises                                   | new-banan      | 401 | 403 | 403 | ok  | ok  | ok
            POST | /api/enterprises                                   | new-yubei      | 401 | 403 | 403 | 403 | ok  | ok
            PUT  | /api/enterprises/chem-banan-01                     | same-chem      | 401 | ok  | 404 | ok  | ok  | ok
            PUT  | /api/enterprises/equip-banan-01/status             | suspended      | 401 | 403 | 403 | ok  | ok  | 403
            PUT  | /api/enterprises/build-yubei-01/status             | operating      | 401 | 403 | 403 | 404 | ok  | 403
            GET  | /api/enterprises/chem-banan-01/status-history      | -              | 401 | ok  | 404 | ok  | ok  | ok
            GET  | /api/enterprises/build-yubei-01/status-history     | -              | 401 | 404 | ok  | 404 | ok  | ok
            GET  | /api/enterprises/chem-banan-01/disclosure          | -              | 401 | ok  | 404 | ok  | ok  | ok
            GET  | /api/enterprises/build-yubei-01/disclosure         | -              | 401 | 404 | ok  | 404 | ok  | ok
            PUT  | /api/enterprises/chem-banan-01/disclosure          | disclosure     | 401 | ok  | 404 | 403 | 403 | ok
            GET  | /api/public/enterprises/chem-banan-01/disclosure   | -              | ok  | ok  | ok  | ok  | ok  | ok
            GET  | /api/hazards                                       | -              | 401 | ok  | ok  | ok  | ok  | ok
            GET  | /api/hazards/hz-demo-01                            | -              | 401 | ok  | 404 | ok  | ok  | ok
            GET  | /api/hazards/hz-demo-03                            | -              | 401 | 404 | ok  | 404 | ok  | ok
            POST | /api/hazards                                       | hazard-chem    | 401 | ok  | 404 | ok  | ok  | 403
            POST | /api/hazards                                       | hazard-build   | 401 | 404 | ok  | 404 | ok  | 403
            POST | /api/hazards/hz-demo-01/transitions                | illegal-step   | 401 | ok  | 404 | ok  | ok  | 403
            POST | /api/hazards/hz-demo-03/transitions                | illegal-step   | 401 | 404 | ok  | 404 | ok  | 403
            GET  | /api/hazards/major-open                            | -              | 401 | 403 | 403 | ok  | ok  | ok
            GET  | /api/hazards/overdue                               | -              | 401 | 403 | 403 | ok  | ok  | ok
            GET  | /api/hazards/stats                                 | -              | 401 | 403 | 403 | ok  | ok  | ok
            POST | /api/commitments                                   | commitment     | 401 | ok  | ok  | 403 | 403 | 403
            GET  | /api/commitments?enterpriseId=chem-banan-01        | -              | 401 | ok  | 404 | ok  | ok  | ok
            GET  | /api/commitments?enterpriseId=transport-yubei-01   | -              | 401 | 404 | 404 | 404 | ok  | ok
            GET  | /api/commitments/missing                           | -              | 401 | 403 | 403 | ok  | ok  | ok
            """)
    void shouldApplyRoleAndTenantRulesWhenAnyCallerCallsAnyEndpoint(String method, String path, String body,
                                                                       String anonymous, String entChem, String entBuild,
                                                                       String regBanan, String regCity, String ops) {
        List<String> expected = List.of(anonymous, entChem, entBuild, regBanan, regCity, ops);
        for (int i = 0; i < CALLERS.size(); i++) {
            String caller = CALLERS.get(i);
            RequestSpecification request = given().contentType("application/json");
            if (!"anonymous".equals(caller)) {
                request = request.auth().oauth2(TestInfra.shared().token(caller));
            }
            if (!"-".equals(body)) {
                request = request.body(body(body));
            }
            int status = request.when().request(method, path).then().extract().statusCode();
            String want = expected.get(i);
            String what = method + " " + path + " as " + caller + " answered " + status;
            if ("ok".equals(want)) {
                assertTrue(status / 100 == 2 || status == 409, what + ", expected to be let through");
            } else {
                assertEquals(Integer.parseInt(want), status, what);
            }
        }
    }

    private static String body(String name) {
        return switch (name) {
            case "new-banan" -> newEnterprise("巴南区", "500113");
            case "new-yubei" -> newEnterprise("渝北区", "500112");
            case "same-chem" -> """
                    {"name": "重庆南彭化工储运有限公司", "uscc": "91500113MA5U4XYD7T", "legalRepresentative": "陈建国",
                     "address": "重庆市巴南区南彭街道华南村化工园区8号", "district": "巴南区", "town": "南彭街道",
                     "longitude": 106.6712, "latitude": 29.3845, "sectors": ["HAZARDOUS_CHEMICALS"], "riskColour": "ORANGE",
                     "standardisationGrade": "GRADE_2", "insurance": {"policyNumber": "AQZR-2026-500113-0001", "expiresOn": "2027-03-31"}}
                    """;
            case "suspended" -> "{\"status\": \"SUSPENDED\", \"reason\": \"matrix: unchanged\"}";
            case "operating" -> "{\"status\": \"OPERATING\", \"reason\": \"matrix: unchanged\"}";
            case "disclosure" -> Fixtures.DISCLOSURE;
            case "hazard-chem" -> Fixtures.hazard("chem-banan-01", "HAZARDOUS_CHEMICALS", "GENERAL");
            case "hazard-build" -> Fixtures.hazard("build-yubei-01", "CONSTRUCTION", "GENERAL");
            case "illegal-step" -> "{\"to\": \"CLOSED\", \"note\": \"matrix: skipping steps\"}";
            case "commitment" -> Fixtures.COMMITMENT;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static String newEnterprise(String district, String division) {
        int n = SEQUENCE.incrementAndGet();
        String first17 = "91" + division + String.format("MAMX%05d", n);
        String uscc = first17 + Uscc.checkCharacter(first17);
        return "{\"id\": \"matrix-" + division + "-" + n + "\", \"name\": \"矩阵测试" + n + "\", \"uscc\": \"" + uscc
                + "\", \"district\": \"" + district + "\", \"sectors\": [\"INDUSTRY_TRADE\"]}";
    }
}
