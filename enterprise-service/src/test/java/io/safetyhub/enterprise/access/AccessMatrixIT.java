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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/**
 * Every endpoint against every kind of caller, with real Keycloak tokens. Columns: anonymous, enterprise A
 * (ent.chem, chem-banan-01 in 巴南区), enterprise B (ent.build, build-yubei-01 in 渝北区), district
 * regulator (reg.banan, 巴南区), town regulator (reg.nanpeng, 巴南区/南彭街道: chem-banan-01's town; the fresh 巴南区
 * enterprises have no town, so they are outside it), city regulator (reg.city), operator (ops). Targets in 巴南区 test
 * the district regulator inside its district, targets in 渝北区 outside. A cell is the exact answer: {@code ok} is a
 * 2xx and nothing else; {@code 409} is written out where the call passes the role and tenant rules and the state
 * then refuses it (a step no hazard may take, a commitment for a sector that owes none). Paths with
 * {@code {fresh-...}} name an entry made for that one call, so that an allowed write really happens and the
 * seeded demo data stay as they are.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class AccessMatrixIT {
    private static final List<String> CALLERS = List.of("anonymous", "ent.chem", "ent.build", "reg.banan", "reg.nanpeng", "reg.city", "ops");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final AtomicBoolean COMMITTED_TODAY = new AtomicBoolean();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /api/enterprises                                   | -              | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET  | /api/enterprises/chem-banan-01                     | -              | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET  | /api/enterprises/build-yubei-01                    | -              | 401 | 404 | ok  | 404 | 404 | ok  | ok
            POST | /api/enterprises                                   | new-banan      | 401 | 403 | 403 | ok  | 403  | ok  | ok
            POST | /api/enterprises                                   | new-yubei      | 401 | 403 | 403 | 403 | 403 | ok  | ok
            PUT  | /api/enterprises/chem-banan-01                     | same-chem      | 401 | ok  | 404 | ok  | ok  | ok  | ok
            PUT  | /api/enterprises/{fresh-banan-enterprise}/status   | suspended      | 401 | 403 | 403 | ok  | 404  | ok  | 403
            PUT  | /api/enterprises/{fresh-yubei-enterprise}/status   | suspended      | 401 | 403 | 403 | 404 | 404 | ok  | 403
            GET  | /api/enterprises/chem-banan-01/status-history      | -              | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET  | /api/enterprises/build-yubei-01/status-history     | -              | 401 | 404 | ok  | 404 | 404 | ok  | ok
            GET  | /api/enterprises/chem-banan-01/disclosure          | -              | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET  | /api/enterprises/build-yubei-01/disclosure         | -              | 401 | 404 | ok  | 404 | 404 | ok  | ok
            PUT  | /api/enterprises/chem-banan-01/disclosure          | disclosure     | 401 | ok  | 404 | 403 | 403 | 403 | ok
            GET  | /api/public/enterprises/chem-banan-01/disclosure   | -              | ok  | ok  | ok  | ok  | ok  | ok  | ok
            GET  | /api/hazards                                       | -              | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET  | /api/hazards/hz-demo-01                            | -              | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET  | /api/hazards/hz-demo-03                            | -              | 401 | 404 | ok  | 404 | 404 | ok  | ok
            POST | /api/hazards                                       | hazard-chem    | 401 | ok  | 404 | ok  | ok  | ok  | 403
            POST | /api/hazards                                       | hazard-build   | 401 | 404 | ok  | 404 | 404 | ok  | 403
            POST | /api/hazards/{fresh-chem-hazard}/transitions       | start          | 401 | ok  | 404 | ok  | ok  | ok  | 403
            POST | /api/hazards/hz-demo-01/transitions                | illegal-step   | 401 | 409 | 404 | 409 | 409 | 409 | 403
            POST | /api/hazards/hz-demo-03/transitions                | illegal-step   | 401 | 404 | 409 | 404 | 404 | 409 | 403
            GET  | /api/hazards/major-open                            | -              | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET  | /api/hazards/overdue                               | -              | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET  | /api/hazards/stats                                 | -              | 401 | 403 | 403 | ok  | ok  | ok  | ok
            POST | /api/commitments                                   | correction     | 401 | ok  | 409 | 403 | 403 | 403 | 403
            GET  | /api/commitments?enterpriseId=chem-banan-01        | -              | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET  | /api/commitments?enterpriseId=transport-yubei-01   | -              | 401 | 404 | 404 | 404 | 404 | ok  | ok
            GET  | /api/commitments/missing                           | -              | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET  | /api/enterprises/chem-banan-01/major-hazards      | -              | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET  | /api/enterprises/build-yubei-01/major-hazards     | -              | 401 | 404 | ok  | 404 | 404 | ok  | ok
            GET  | /api/enterprises/chem-banan-01/major-hazards/MHS-chem-banan-01-01 | - | 401 | ok | 404 | ok | ok | ok | ok
            POST | /api/enterprises/chem-banan-01/major-hazards      | major-hazard   | 401 | ok  | 404 | 403 | 403 | 403 | ok
            PUT  | /api/enterprises/chem-banan-01/major-hazards/{fresh-chem-major-hazard} | major-hazard | 401 | ok | 404 | 403 | 403 | 403 | ok
            DELETE | /api/enterprises/chem-banan-01/major-hazards/{fresh-chem-major-hazard} | - | 401 | ok | 404 | 403 | 403 | 403 | ok
            GET  | /api/major-hazards                                 | -              | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET  | /api/major-hazards/by-grade                        | -              | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET  | /api/major-hazards/thresholds                      | -              | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET  | /api/enterprises/chem-banan-01/risk-points        | -              | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET  | /api/enterprises/build-yubei-01/risk-points       | -              | 401 | 404 | ok  | 404 | 404 | ok  | ok
            GET  | /api/enterprises/chem-banan-01/risk-points/rp-chem-banan-01-01 | - | 401 | ok | 404 | ok | ok | ok | ok
            POST | /api/enterprises/chem-banan-01/risk-points        | risk-point     | 401 | ok  | 404 | 403 | 403 | 403 | ok
            PUT  | /api/enterprises/chem-banan-01/risk-points/{fresh-chem-risk-point} | risk-point | 401 | ok | 404 | 403 | 403 | 403 | ok
            DELETE | /api/enterprises/chem-banan-01/risk-points/{fresh-chem-risk-point} | - | 401 | ok | 404 | 403 | 403 | 403 | ok
            GET  | /api/enterprises/chem-banan-01/risk-map           | -              | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET  | /api/enterprises/build-yubei-01/risk-map          | -              | 401 | 404 | ok  | 404 | 404 | ok  | ok
            GET  | /api/enterprises/chem-banan-01/control-measures   | -              | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET  | /api/enterprises/chem-banan-01/check-tasks        | -              | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET  | /api/risk-points?colour=RED                        | -              | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET  | /api/check-instances?enterpriseId=chem-banan-01    | -              | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET  | /api/check-instances/overdue                       | -              | 401 | 403 | 403 | ok  | ok  | ok  | ok
            POST | /api/check-instances/ci-none/result                | check-done     | 401 | 404 | 404 | 403 | 403 | 403 | 403
            GET  | /api/enterprises/chem-banan-01/risk-colour        | -              | 401 | ok  | 404 | ok  | ok  | ok  | ok
            PUT  | /api/enterprises/{fresh-banan-enterprise}/risk-colour/override | override | 401 | 403 | 403 | ok | 404 | ok | 403
            PUT  | /api/enterprises/{fresh-yubei-enterprise}/risk-colour/override | override | 401 | 403 | 403 | 404 | 404 | ok | 403
            DELETE | /api/enterprises/chem-banan-01/risk-colour/override | -            | 401 | 403 | 403 | 409 | 409 | 409 | 403
            GET  | /api/enterprises/chem-banan-01/major-hazards/MHS-chem-banan-01-01/duties | - | 401 | ok | 404 | ok | ok | ok | ok
            GET  | /api/enterprises/build-yubei-01/major-hazards/MHS-chem-banan-01-01/duties | - | 401 | 404 | 404 | 404 | 404 | 404 | 404
            GET  | /api/enterprises/chem-banan-01/major-hazards/MHS-chem-banan-01-01/duties/checks | - | 401 | ok | 404 | ok | ok | ok | ok
            PUT  | /api/enterprises/chem-banan-01/major-hazards/{fresh-chem-major-hazard}/duties/holders | duty-holders | 401 | ok | 404 | 403 | 403 | 403 | ok
            POST | /api/enterprises/chem-banan-01/major-hazards/{fresh-chem-duty-installation}/duties/checks | duty-check | 401 | ok | 404 | 403 | 403 | 403 | ok
            GET  | /api/duties/overdue                                | -              | 401 | 403 | 403 | ok  | ok  | ok  | ok
            GET  | /api/risk-assessments/items                        | -              | 401 | ok  | ok  | ok  | ok  | ok  | ok
            GET  | /api/enterprises/chem-banan-01/risk-assessments   | -              | 401 | ok  | 404 | ok  | ok  | ok  | ok
            GET  | /api/enterprises/build-yubei-01/risk-assessments  | -              | 401 | 404 | ok  | 404 | 404 | ok  | ok
            POST | /api/enterprises/{fresh-banan-chem-enterprise}/risk-assessments | assessment | 401 | 403 | 403 | ok | 404 | ok | 403
            POST | /api/enterprises/{fresh-yubei-chem-enterprise}/risk-assessments | assessment | 401 | 403 | 403 | 404 | 404 | ok | 403
            POST | /api/enterprises/chem-banan-01/risk-assessments   | assessment-tomorrow | 401 | 403 | 403 | 400 | 400 | 400 | 403
            """)
    void shouldApplyRoleAndTenantRulesWhenAnyCallerCallsAnyEndpoint(String method, String path, String body,
                                                                       String anonymous, String entChem, String entBuild,
                                                                       String regBanan, String regNanpeng, String regCity,
                                                                       String ops) {
        List<String> expected = List.of(anonymous, entChem, entBuild, regBanan, regNanpeng, regCity, ops);
        for (int i = 0; i < CALLERS.size(); i++) {
            String caller = CALLERS.get(i);
            RequestSpecification request = given().contentType("application/json");
            if (!"anonymous".equals(caller)) {
                request = request.auth().oauth2(TestInfra.shared().token(caller));
            }
            if (!"-".equals(body)) {
                request = request.body(body(body));
            }
            String target = fresh(path);
            int status = request.when().request(method, target).then().extract().statusCode();
            String want = expected.get(i);
            String what = method + " " + target + " as " + caller + " answered " + status;
            if ("ok".equals(want)) {
                assertEquals(2, status / 100, what + ", expected a 2xx");
            } else {
                assertEquals(Integer.parseInt(want), status, what);
            }
        }
    }

    /** The path with its {fresh-...} placeholder replaced by an entry made just now for this one call. */
    private static String fresh(String path) {
        if (path.contains("{fresh-chem-risk-point}")) {
            String id = given().auth().oauth2(TestInfra.shared().token("ent.chem")).contentType("application/json")
                    .body(Fixtures.RISK_POINT).when().post("/api/enterprises/chem-banan-01/risk-points")
                    .then().statusCode(201).extract().path("id");
            return path.replace("{fresh-chem-risk-point}", id);
        }
        if (path.contains("{fresh-chem-duty-installation}")) {
            String id = given().auth().oauth2(TestInfra.shared().token("ent.chem")).contentType("application/json")
                    .body(Fixtures.MAJOR_HAZARD).when().post("/api/enterprises/chem-banan-01/major-hazards")
                    .then().statusCode(201).extract().path("id");
            given().auth().oauth2(TestInfra.shared().token("ent.chem")).contentType("application/json")
                    .body(Fixtures.DUTY_HOLDERS).when().put("/api/enterprises/chem-banan-01/major-hazards/" + id + "/duties/holders")
                    .then().statusCode(200);
            return path.replace("{fresh-chem-duty-installation}", id);
        }
        if (path.contains("{fresh-chem-major-hazard}")) {
            String id = given().auth().oauth2(TestInfra.shared().token("ent.chem")).contentType("application/json")
                    .body(Fixtures.MAJOR_HAZARD).when().post("/api/enterprises/chem-banan-01/major-hazards")
                    .then().statusCode(201).extract().path("id");
            return path.replace("{fresh-chem-major-hazard}", id);
        }
        if (path.contains("{fresh-chem-hazard}")) {
            String id = given().auth().oauth2(TestInfra.shared().token("ent.chem")).contentType("application/json")
                    .body(Fixtures.hazard("chem-banan-01", "HAZARDOUS_CHEMICALS", "GENERAL"))
                    .when().post("/api/hazards").then().statusCode(201).extract().path("id");
            return path.replace("{fresh-chem-hazard}", id);
        }
        for (String district : List.of("banan", "yubei", "banan-chem", "yubei-chem")) {
            String placeholder = "{fresh-" + district + "-enterprise}";
            if (path.contains(placeholder)) {
                String sector = district.endsWith("-chem") ? "HAZARDOUS_CHEMICALS" : "INDUSTRY_TRADE";
                String body = district.startsWith("banan") ? newEnterprise("巴南区", "500113", sector)
                        : newEnterprise("渝北区", "500112", sector);
                String id = given().auth().oauth2(TestInfra.shared().token("reg.city")).contentType("application/json")
                        .body(body).when().post("/api/enterprises").then().statusCode(201).extract().path("id");
                return path.replace(placeholder, id);
            }
        }
        return path;
    }

    private static String body(String name) {
        return switch (name) {
            case "new-banan" -> newEnterprise("巴南区", "500113", "INDUSTRY_TRADE");
            case "new-yubei" -> newEnterprise("渝北区", "500112", "INDUSTRY_TRADE");
            case "same-chem" -> """
                    {"name": "重庆南彭化工储运有限公司", "uscc": "91500113MA5U4XYD7T", "legalRepresentative": "陈建国",
                     "address": "重庆市巴南区南彭街道华南村化工园区8号", "district": "巴南区", "town": "南彭街道",
                     "longitude": 106.6712, "latitude": 29.3845, "sectors": ["HAZARDOUS_CHEMICALS"], "riskColour": "ORANGE",
                     "standardisationGrade": "GRADE_2", "insurance": {"policyNumber": "AQZR-2026-500113-0001", "expiresOn": "2027-03-31"}}
                    """;
            case "suspended" -> "{\"status\": \"SUSPENDED\", \"reason\": \"matrix: order\"}";
            case "disclosure" -> Fixtures.DISCLOSURE;
            case "hazard-chem" -> Fixtures.hazard("chem-banan-01", "HAZARDOUS_CHEMICALS", "GENERAL");
            case "hazard-build" -> Fixtures.hazard("build-yubei-01", "CONSTRUCTION", "GENERAL");
            case "start" -> "{\"to\": \"RECTIFYING\", \"note\": \"matrix: start\"}";
            // No hazard ever moves back to REPORTED, whatever its state: always 409 once the caller is let through.
            case "illegal-step" -> "{\"to\": \"REPORTED\", \"note\": \"matrix: backwards\"}";
            case "correction" -> correctionOfToday();
            case "major-hazard" -> Fixtures.MAJOR_HAZARD;
            case "risk-point" -> Fixtures.RISK_POINT;
            case "duty-holders" -> Fixtures.DUTY_HOLDERS;
            case "duty-check" -> "{\"role\": \"OPERATIONAL\", \"personName\": \"丙\", \"date\": \""
                    + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "\", \"findings\": \"正常\", \"outcome\": \"OK\"}";
            case "assessment" -> Fixtures.assessment(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
            case "assessment-tomorrow" -> Fixtures.assessment(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1));
            case "check-done" -> "{\"outcome\": \"DONE\"}";
            case "override" -> "{\"colour\": \"RED\", \"reason\": \"matrix: override\"}";
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** A correction is accepted whenever today's commitment exists, so make sure it does (201 or 409 both leave one). */
    private static String correctionOfToday() {
        if (COMMITTED_TODAY.compareAndSet(false, true)) {
            given().auth().oauth2(TestInfra.shared().token("ent.chem")).contentType("application/json")
                    .body(Fixtures.COMMITMENT).when().post("/api/commitments").then().statusCode(anyOf(is(201), is(409)));
        }
        return Fixtures.COMMITMENT.replace("{\"allHaz", "{\"correction\": true, \"allHaz");
    }

    private static String newEnterprise(String district, String division, String sector) {
        int n = SEQUENCE.incrementAndGet();
        String first17 = "91" + division + String.format("MAMX%05d", n);
        String uscc = first17 + Uscc.checkCharacter(first17);
        return "{\"id\": \"matrix-" + division + "-" + n + "\", \"name\": \"矩阵测试" + n + "\", \"uscc\": \"" + uscc
                + "\", \"district\": \"" + district + "\", \"sectors\": [\"" + sector + "\"]}";
    }
}
