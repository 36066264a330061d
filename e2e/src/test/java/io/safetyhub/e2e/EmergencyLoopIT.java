package io.safetyhub.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.safetyhub.devstack.testing.TestInfra;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20's "done when", through the gateway with real Keycloak tokens and the services as processes: an enterprise
 * files its plan (the PDF uploaded through the gateway) and the district's regulator accepts the filing; a drill is
 * held and evaluated; materials are dispatched between two towns' reserves, never below zero; an accident reported
 * late is flagged, re-graded by a 补报 that raises the deaths, and counted in the year-on-year statistics. The
 * enterprise's district and sector come from enterprise-service's registry topic, not from a call.
 */
class EmergencyLoopIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final List<String> APPS = List.of("enterprise-service", "emergency-service", "gateway");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @BeforeAll
    static void startPlatform() {
        RestAssured.baseURI = E2ePlatform.start(APPS).get("gateway");
        as("reg.banan"); // the first token can take long on a loaded machine: fetch it before the wait starts
        // emergency-service's enterprise view is filled from enterprise.registry.v1.
        await().atMost(WAIT).untilAsserted(() -> as("reg.banan").get("/api/emergency/drills/compliance")
                .then().statusCode(200).body("enterpriseId", hasItem("chem-banan-01")));
    }

    @Test
    void shouldFileAndAcceptWhenAnEnterpriseFilesItsPlanThroughTheGateway() {
        String plan = as("ent.chem").body(Map.of("title", "e2e 综合应急预案 " + suffix(), "kind", "COMPREHENSIVE",
                        "version", "2026版", "publishedOn", today().minusDays(3).toString(),
                        "reviewedOn", today().minusDays(10).toString()))
                .post("/api/emergency/plans").then().statusCode(201).body("filing.status", equalTo("NOT_FILED"))
                .body("district", equalTo("巴南区")).extract().path("id");
        given().auth().oauth2(TestInfra.shared().token("ent.chem")).multiPart("file", "预案.pdf", PDF, "application/pdf")
                .post("/api/emergency/plans/" + plan + "/document").then().statusCode(200)
                .body("document.size", equalTo(PDF.length));
        assertArrayEquals(PDF, as("reg.banan").get("/api/emergency/plans/" + plan + "/document").then().statusCode(200)
                .extract().asByteArray());

        as("ent.chem").post("/api/emergency/plans/" + plan + "/filing").then().statusCode(200)
                .body("filing.status", equalTo("FILED"));
        as("ent.chem").post("/api/emergency/plans/" + plan + "/filing").then().statusCode(409)
                .body("code", equalTo("ALREADY_FILED"));
        as("ent.build").get("/api/emergency/plans/" + plan).then().statusCode(404);
        as("ent.chem").body(Map.of("remark", "自己受理")).post("/api/emergency/plans/" + plan + "/filing/acceptance")
                .then().statusCode(403);
        as("reg.banan").body(Map.of("remark", "材料齐全，予以备案")).post("/api/emergency/plans/" + plan + "/filing/acceptance")
                .then().statusCode(200).body("filing.status", equalTo("ACCEPTED")).body("filing.decidedBy", notNullValue());
    }

    @Test
    void shouldCountTheDrillWhenItIsHeldAndEvaluated() {
        String drill = as("ent.chem").body(Map.of("title", "e2e 储罐泄漏现场处置演练 " + suffix(), "form", "LIVE",
                        "scope", "ON_SITE", "plannedOn", today().toString()))
                .post("/api/emergency/drills").then().statusCode(201).body("status", equalTo("PLANNED")).extract().path("id");
        as("ent.chem").body(Map.of("heldOn", today().toString(), "participants", 18))
                .post("/api/emergency/drills/" + drill + "/held").then().statusCode(200).body("status", equalTo("HELD"));
        as("reg.banan").body(Map.of("summary", "响应及时，处置得当", "findings",
                        List.of(Map.of("problem", "堵漏器材取用慢", "measure", "器材柜移至罐区入口"))))
                .post("/api/emergency/drills/" + drill + "/evaluation").then().statusCode(200)
                .body("status", equalTo("EVALUATED")).body("evaluation.findings[0].measure", equalTo("器材柜移至罐区入口"));
        // Held today, so the six-month on-site rule is met for chem-banan-01.
        List<Map<String, Object>> rules = as("ent.chem").get("/api/emergency/drills/compliance").then().statusCode(200)
                .extract().path("find { it.enterpriseId == 'chem-banan-01' }.rules");
        assertTrue(rules.stream().anyMatch(r -> "ON_SITE".equals(r.get("rule")) && Boolean.FALSE.equals(r.get("overdue"))
                && today().toString().equals(r.get("lastHeld"))), rules::toString);
        as("ent.build").get("/api/emergency/drills/" + drill).then().statusCode(404);
    }

    @Test
    void shouldMoveStockWhenMaterialsAreDispatchedBetweenTwoTowns() {
        String item = "e2e 发电机 " + suffix();
        String nanquan = stock(item, "南泉街道", 10);
        String yudong = stock(item, "鱼洞街道", 1);
        as("reg.banan").body(Map.of("fromMaterialId", nanquan, "toMaterialId", yudong, "quantity", 4, "reason", "鱼洞街道停电"))
                .post("/api/emergency/materials/dispatches").then().statusCode(201).body("quantity", equalTo(4));
        assertEquals(6, quantity(nanquan));
        assertEquals(5, quantity(yudong));
        as("reg.banan").body(Map.of("fromMaterialId", nanquan, "toMaterialId", yudong, "quantity", 7, "reason", "超量"))
                .post("/api/emergency/materials/dispatches").then().statusCode(409)
                .contentType("application/problem+json").body("errors.field", hasItem("quantity"));
        assertEquals(6, quantity(nanquan), "a refused dispatch moves nothing");
        assertEquals(5, quantity(yudong));
        as("ent.chem").body(Map.of("fromMaterialId", nanquan, "toMaterialId", yudong, "quantity", 1, "reason", "越权"))
                .post("/api/emergency/materials/dispatches").then().statusCode(403);
    }

    @Test
    void shouldFlagReGradeAndCountWhenAnAccidentIsReportedLateAndItsDeathsRise() {
        Map<String, Object> before = bananRow();
        Instant occurred = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(3, ChronoUnit.HOURS);
        // The county received the report 100 minutes after the accident: 第九条 allows one hour.
        JsonPath created = as("ent.chem").body(Map.of("kind", "POISONING_ASPHYXIA", "occurredAt", occurred.toString(),
                        "reportedAt", occurred.plus(100, ChronoUnit.MINUTES).toString(), "place", "e2e 二号罐区",
                        "deaths", 1, "seriousInjuries", 2, "directLossYuan", 800_000))
                .post("/api/emergency/accidents").then().statusCode(201).body("grade", equalTo("GENERAL"))
                .body("late", equalTo(true)).body("reporting[0].status", equalTo("LATE")).extract().jsonPath();
        String id = created.getString("id");
        as("reg.banan").get("/api/emergency/accidents?late=true&size=100").then().statusCode(200)
                .body("items.id", hasItem(id));

        as("ent.chem").body(Map.of("deaths", 3, "seriousInjuries", 2, "directLossYuan", 800_000, "note", "两名伤者抢救无效"))
                .post("/api/emergency/accidents/" + id + "/casualties").then().statusCode(200)
                .body("grade", equalTo("LARGER")).body("supplements[0].previousGrade", equalTo("GENERAL"))
                .body("reporting.level", hasItem("PROVINCE"));
        as("ent.chem").body(Map.of("deaths", -1, "seriousInjuries", 0, "directLossYuan", 0))
                .post("/api/emergency/accidents/" + id + "/casualties").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("deaths"));

        Map<String, Object> after = bananRow();
        assertEquals(number(before, "accidents") + 1, number(after, "accidents"));
        assertEquals(number(before, "deaths") + 3, number(after, "deaths"));
        // The demo's accident of the same weeks last year is the base, so the change is a number, not null.
        assertTrue(number(after, "previousAccidents") >= 1, after::toString);
        assertNotNull(after.get("accidentsChangePercent"), after::toString);
        as("ent.chem").get("/api/emergency/accidents/safe-days").then().statusCode(200)
                .body("lastFatalOn", equalTo(LocalDate.ofInstant(occurred, ZONE).toString()))
                .body("days", equalTo((int) ChronoUnit.DAYS.between(LocalDate.ofInstant(occurred, ZONE), today())));
        as("ent.build").get("/api/emergency/accidents/" + id).then().statusCode(404);
    }

    private static Map<String, Object> bananRow() {
        return as("reg.banan").get("/api/emergency/accidents/stats?by=DISTRICT").then().statusCode(200)
                .extract().jsonPath().getMap("rows.find { it.key == '巴南区' }");
    }

    private static long number(Map<String, Object> row, String field) {
        return row == null || row.get(field) == null ? 0 : ((Number) row.get(field)).longValue();
    }

    private static String stock(String item, String town, int quantity) {
        return as("reg.banan").body(Map.of("item", item, "unit", "台", "quantity", quantity, "tier", "TOWN", "town", town,
                        "location", town + "应急物资储备点", "lowStockThreshold", 1))
                .post("/api/emergency/materials").then().statusCode(201).extract().path("id");
    }

    private static int quantity(String id) {
        return as("reg.banan").get("/api/emergency/materials/" + id).then().statusCode(200).extract().path("quantity");
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestInfra.shared().token(user)).contentType(ContentType.JSON);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
