package io.safetyhub.enterprise.hazard;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.enterprise.access.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** The hazard life over REST with real tokens: steps, who may take them, the audit trail, regulator views. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class HazardLifecycleIT {
    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void shouldWalkGeneralHazardToClosedWhenEnterpriseRectifiesAndClosesIt() {
        String id = report("ent.chem", "GENERAL");
        step("ent.chem", id, "CLOSED", null).statusCode(409).contentType(PROBLEM_JSON).body("code", equalTo("ILLEGAL_TRANSITION"));
        step("ent.chem", id, "RECTIFYING", "开始整改").statusCode(200).body("status", equalTo("RECTIFYING"));
        step("ent.chem", id, "RECTIFIED", "照片 IMG-001").statusCode(200).body("status", equalTo("RECTIFIED"));
        step("ent.chem", id, "CLOSED", "自行验收").statusCode(200).body("status", equalTo("CLOSED"))
                .body("overdue", equalTo(false))
                .body("history", hasSize(4))
                .body("history.to", equalTo(java.util.List.of("REPORTED", "RECTIFYING", "RECTIFIED", "CLOSED")))
                .body("history[3].who", equalTo("ent.chem")).body("history[3].role", equalTo("enterprise"))
                .body("history[3].from", equalTo("RECTIFIED")).body("history[3].note", equalTo("自行验收"));
        step("ent.chem", id, "RECTIFYING", null).statusCode(409).body("code", equalTo("ILLEGAL_TRANSITION"));
    }

    @Test
    void shouldLetOnlyRegulatorCloseMajorHazardAndSendRejectedBackToRectifying() {
        String id = report("ent.chem", "MAJOR");
        step("ent.chem", id, "RECTIFYING", null).statusCode(200);
        step("ent.chem", id, "RECTIFIED", "SIS 联锁已加装").statusCode(200);
        step("ent.chem", id, "CLOSED", null).statusCode(403).contentType(PROBLEM_JSON)
                .body("code", equalTo("MAJOR_HAZARD_REGULATOR_ONLY"));
        step("ent.chem", id, "REJECTED", "自己驳回").statusCode(403);
        step("reg.banan", id, "REJECTED", "  ").statusCode(400).body("code", equalTo("REASON_REQUIRED"))
                .body("errors[0].field", equalTo("note"));
        step("reg.banan", id, "REJECTED", "联锁未经测试").statusCode(200).body("status", equalTo("REJECTED"))
                .body("history[-1].role", equalTo("regulator")).body("history[-1].note", equalTo("联锁未经测试"));
        step("ent.chem", id, "RECTIFYING", "重新整改").statusCode(200).body("status", equalTo("RECTIFYING"));
        step("ent.chem", id, "RECTIFIED", "联锁测试报告").statusCode(200);
        step("reg.banan", id, "CLOSED", "验收合格，销号").statusCode(200).body("status", equalTo("CLOSED"))
                .body("history", hasSize(7));
        step("ops", id, "RECTIFYING", null).statusCode(403);
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenHazardIsInvalid() {
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        post("ent.chem", Fixtures.hazard("chem-banan-01", "HAZARDOUS_CHEMICALS", "GENERAL", yesterday))
                .statusCode(400).contentType(PROBLEM_JSON).body("code", equalTo("DEADLINE_IN_PAST"))
                .body("errors[0].field", equalTo("deadline"));
        post("ent.chem", Fixtures.hazard("chem-banan-01", "HAZARDOUS_CHEMICALS", "CATASTROPHIC"))
                .statusCode(400).body("errors[0].field", equalTo("grade"));
        post("ent.chem", Fixtures.hazard("chem-banan-01", "HAZARDOUS_CHEMICALS", "GENERAL")
                .replace("测试隐患", "长".repeat(2001))).statusCode(400).body("errors[0].field", equalTo("description"));
        post("ent.chem", Fixtures.hazard("chem-banan-01", "HAZARDOUS_CHEMICALS", "GENERAL").replace("测试隐患", "测试\\u0000隐患"))
                .statusCode(400).body("errors.field", equalTo(java.util.List.of("description")));
        post("ent.chem", "{\"enterpriseId\": \"chem-banan-01\"}").statusCode(400)
                .body("errors.field", hasItem("deadline")).body("errors.field", hasItem("description"));
        post("ent.chem", Fixtures.hazard("chem-banan-01", "HAZARDOUS_CHEMICALS", "GENERAL")
                .replace("SELF_CHECK", "REGULATOR_INSPECTION")).statusCode(400).body("errors[0].field", equalTo("source"));
        given().auth().oauth2(token("ent.chem")).queryParam("status", "LOST").when().get("/api/hazards")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void shouldShowOpenMajorOverdueAndCountsWhenRegulatorAsks() {
        given().auth().oauth2(token("reg.city")).queryParam("size", 100).when().get("/api/hazards/major-open")
                .then().statusCode(200).body("items.id", hasItem("hz-demo-02")).body("items.id", hasItem("hz-demo-05"))
                .body("items.grade", everyItem(equalTo("MAJOR"))).body("items.status", not(hasItem("CLOSED")))
                .body("items.find { it.id == 'hz-demo-02' }.ageDays", greaterThanOrEqualTo(40));
        given().auth().oauth2(token("reg.banan")).queryParam("size", 100).when().get("/api/hazards/major-open")
                .then().statusCode(200).body("items.district", everyItem(equalTo("巴南区")))
                .body("items.id", not(hasItem("hz-demo-05")));
        given().auth().oauth2(token("reg.city")).queryParam("size", 100).when().get("/api/hazards/overdue")
                .then().statusCode(200).body("items.id", hasItem("hz-demo-02")).body("items.id", hasItem("hz-demo-06"))
                .body("items.overdue", everyItem(equalTo(true))).body("items.id", not(hasItem("hz-demo-04")));
        given().auth().oauth2(token("reg.city")).queryParam("size", 1).when().get("/api/hazards/overdue")
                .then().statusCode(200).body("items", hasSize(1)).body("total", greaterThanOrEqualTo(2));
        given().auth().oauth2(token("reg.city")).when().get("/api/hazards/stats")
                .then().statusCode(200).body("openMajor", greaterThanOrEqualTo(2)).body("overdue", greaterThanOrEqualTo(2))
                .body("byStatus.CLOSED", greaterThanOrEqualTo(1))
                .body("majorOpenGroups.find { it.district == '江北区' }.sector", equalTo("HAZARDOUS_CHEMICALS"));
        given().auth().oauth2(token("ent.chem")).when().get("/api/hazards")
                .then().statusCode(200).body("items.enterpriseId", everyItem(equalTo("chem-banan-01")));
        given().auth().oauth2(token("ent.chem")).queryParam("enterpriseId", "build-yubei-01").when().get("/api/hazards")
                .then().statusCode(200).body("total", equalTo(0));
    }

    /** A deadline is a plan: from today to five years ahead ({@code enterprise.date-horizon}); 9999-12-31 is a slip. */
    @Test
    void shouldRefuseDeadlineWhenItLiesBeyondTheHorizon() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        for (LocalDate tooFar : java.util.List.of(LocalDate.parse("9999-12-31"), today.plusYears(5).plusDays(1))) {
            post("ent.chem", Fixtures.hazard("chem-banan-01", "HAZARDOUS_CHEMICALS", "GENERAL", tooFar))
                    .statusCode(400).contentType(PROBLEM_JSON).body("code", equalTo("DEADLINE_TOO_FAR"))
                    .body("errors[0].field", equalTo("deadline"));
        }
        post("ent.chem", Fixtures.hazard("chem-banan-01", "HAZARDOUS_CHEMICALS", "GENERAL", today.plusYears(5)))
                .statusCode(201).body("deadline", equalTo(today.plusYears(5).toString()));
    }

    private static String report(String user, String grade) {
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> created =
                post(user, Fixtures.hazard("chem-banan-01", "HAZARDOUS_CHEMICALS", grade))
                        .statusCode(201).body("status", equalTo("REPORTED")).body("overdue", equalTo(false))
                        .body("district", equalTo("巴南区")).body("town", equalTo("南彭街道"))
                        // the public path behind the gateway, never this service's own host and port
                        .header("Location", matchesPattern("/api/hazards/hz-[0-9a-f-]{36}")).extract();
        String id = created.path("id");
        org.junit.jupiter.api.Assertions.assertEquals("/api/hazards/" + id, created.header("Location"));
        return id;
    }

    private static io.restassured.response.ValidatableResponse post(String user, String body) {
        return given().auth().oauth2(token(user)).contentType("application/json").body(body)
                .when().post("/api/hazards").then();
    }

    private static io.restassured.response.ValidatableResponse step(String user, String id, String to, String note) {
        String body = note == null ? "{\"to\": \"" + to + "\"}" : "{\"to\": \"" + to + "\", \"note\": \"" + note + "\"}";
        return given().auth().oauth2(token(user)).contentType("application/json").body(body)
                .when().post("/api/hazards/" + id + "/transitions").then();
    }

    private static String token(String user) {
        return TestInfra.shared().token(user);
    }
}
