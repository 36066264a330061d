package io.safetyhub.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.safetyhub.devstack.testing.TestInfra;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17's "done when", through the gateway with real Keycloak tokens and the services as processes: an operator
 * keeps the inspector roster; a district regulator plans and draws (anyone re-runs the draw and gets the same
 * result); the drawn team inspects with a photo uploaded through the gateway; the failed items leave as findings and
 * enterprise-service opens them as hazards (source REGULATOR_INSPECTION, the inspector's deadline, a link back); the
 * penalty case goes to 结案; the re-inspection closes the general finding and lists the major one (挂牌督办); the
 * posted decision is seen anonymously, personal data masked.
 */
class EnforcementLoopIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> APPS = List.of("enterprise-service", "enforcement-service", "gateway");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String MAJOR_ITEM = "HC-MH-05";
    private static final String GENERAL_ITEM = "HC-G-06";

    @BeforeAll
    static void startPlatform() {
        RestAssured.baseURI = E2ePlatform.start(APPS).get("gateway");
        // The inspection-object roster is enforcement-service's view of enterprise-service's registry topic.
        await().atMost(WAIT).untilAsserted(() -> as("reg.banan").get("/api/enforcement/roster/enterprises?size=100")
                .then().statusCode(200).body("items.id", hasItem("chem-banan-01")));
    }

    @Test
    void shouldCloseTheEnforcementLoopThroughTheGatewayWhenARegulatorPlansDrawsInspectsFinesAndReinspects()
            throws Exception {
        List<String> inspectors = new ArrayList<>();
        for (String name : List.of("赵立", "钱敏", "孙浩")) {
            inspectors.add(as("ops").body(Map.of("name", name, "badgeNumber", "E2E" + UUID.randomUUID().toString()
                            .substring(0, 8), "district", "巴南区", "sectors", List.of("HAZARDOUS_CHEMICALS")))
                    .post("/api/enforcement/inspectors").then().statusCode(201).extract().path("id"));
        }
        as("reg.banan").body(Map.of("name", "越权", "badgeNumber", "X1", "district", "巴南区", "sectors", List.of()))
                .post("/api/enforcement/inspectors").then().statusCode(403);

        // Plan and the double-random draw; anyone re-runs it from the stored seed and inputs.
        String plan = as("reg.banan").body(Map.of("title", "e2e 危化品专项 " + UUID.randomUUID().toString().substring(0, 6),
                        "periodStart", today().withDayOfMonth(1).toString(), "periodEnd", today().plusMonths(1).toString(),
                        "quotas", List.of(Map.of("sector", "HAZARDOUS_CHEMICALS", "count", 1))))
                .post("/api/enforcement/plans").then().statusCode(201).extract().path("id");
        JsonPath draw = as("reg.banan").post("/api/enforcement/plans/" + plan + "/draws").then().statusCode(201)
                .extract().jsonPath();
        String drawId = draw.getString("id");
        assertEquals("chem-banan-01", draw.getString("results[0].enterpriseId"));
        List<String> team = draw.getList("results[0].inspectors.inspectorId");
        assertEquals(2, team.size());
        // The district's roster: the three added here and whatever the stack seeded (bin/safetyhub up seeds demo ones).
        List<String> roster = as("reg.banan").get("/api/enforcement/inspectors?district=巴南区&size=100").then().statusCode(200)
                .extract().path("items.id");
        assertTrue(roster.containsAll(inspectors), "the added inspectors are on the roster: " + roster);
        assertTrue(roster.containsAll(team), "the team comes from the roster: " + team + " of " + roster);
        given().when().get("/api/public/enforcement/draws/" + drawId + "/verification")
                .then().statusCode(200).body("reproduced", equalTo(true)).body("seed", equalTo(draw.getString("seed")));
        given().when().get("/api/public/enforcement/draws?district=巴南区&size=100")
                .then().statusCode(200).body("items.id", hasItem(drawId));

        // On-site inspection: a photo from the phone's camera goes through the gateway (multipart, streamed).
        String inspection = as("reg.banan").body(Map.of("drawId", drawId, "enterpriseId", "chem-banan-01"))
                .post("/api/enforcement/inspections").then().statusCode(201).extract().path("id");
        byte[] photo = photo();
        String evidence = as("reg.banan").contentType("multipart/form-data")
                .multiPart("file", "IMG_0001.jpg", photo, "image/jpeg").multiPart("itemCode", MAJOR_ITEM)
                .post("/api/enforcement/inspections/" + inspection + "/evidence")
                .then().statusCode(201).body("contentType", equalTo("image/jpeg")).extract().path("id");
        byte[] back = as("ent.chem").get("/api/enforcement/inspections/" + inspection + "/evidence/" + evidence)
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(photo, back);
        as("ent.build").get("/api/enforcement/inspections/" + inspection + "/evidence/" + evidence).then().statusCode(404);
        LocalDate deadline = today().plusDays(30);
        as("reg.banan").body(results(inspection, deadline)).put("/api/enforcement/inspections/" + inspection + "/results")
                .then().statusCode(200);
        JsonPath signed = null;
        for (Map<String, String> member : as("reg.banan").get("/api/enforcement/inspections/" + inspection).then()
                .statusCode(200).extract().jsonPath().<Map<String, String>>getList("team")) {
            signed = as("reg.banan").body(Map.of("inspectorId", member.get("inspectorId"), "badgeNumber",
                            member.get("badgeNumber"))).post("/api/enforcement/inspections/" + inspection + "/signatures")
                    .then().statusCode(200).extract().jsonPath();
        }
        assertNotNull(signed);
        assertEquals("COMPLETED", signed.getString("status"));

        // The findings become hazards in enterprise-service, with a link back to the inspection.
        String major = inspection + "." + MAJOR_ITEM;
        String hazardId = await().atMost(WAIT).until(() -> hazardOf("ent.chem", inspection, MAJOR_ITEM), id -> id != null);
        as("ent.chem").get("/api/hazards/" + hazardId).then().statusCode(200)
                .body("source", equalTo("REGULATOR_INSPECTION")).body("grade", equalTo("MAJOR"))
                .body("deadline", equalTo(deadline.toString())).body("status", equalTo("REPORTED"));
        String link = as("reg.banan").get("/api/hazards/" + hazardId + "/origin").then().statusCode(200)
                .body("findingId", equalTo(major)).extract().path("link");
        as("ent.chem").get(link).then().statusCode(200).body("id", equalTo(inspection));
        await().atMost(WAIT).until(() -> hazardOf("reg.banan", inspection, GENERAL_ITEM), id -> id != null);

        // Penalty case 立案 -> 告知 -> 法制审核 (above ¥50,000, by another regulator) -> 决定 -> 执行 -> 结案.
        String caseId = as("reg.banan").body(Map.of("enterpriseId", "chem-banan-01", "violationCode", "AQF-101-2",
                        "facts", "法定代表人陈建国（电话13812345678）未按规定设置有毒气体检测报警装置", "party", "陈建国",
                        "inspectionId", inspection, "findingIds", List.of(major)))
                .post("/api/enforcement/cases").then().statusCode(201).extract().path("id");
        String number = "渝巴应急罚〔" + today().getYear() + "〕E" + UUID.randomUUID().toString().substring(0, 8) + "号";
        step("reg.banan", caseId, Map.of("to", "NOTIFIED", "proposedAmount", 80_000)).statusCode(200);
        step("reg.city", caseId, Map.of("to", "REVIEWED", "approved", true, "opinion", "事实清楚，证据确凿，裁量适当"))
                .statusCode(200).body("status", equalTo("REVIEWED"));
        step("reg.banan", caseId, Map.of("to", "DECIDED", "decisionNumber", number, "amount", 80_000))
                .statusCode(200).body("status", equalTo("DECIDED"));
        step("reg.banan", caseId, Map.of("to", "EXECUTED", "paidOn", today().toString(), "receiptNumber", "FS-E2E"))
                .statusCode(200).body("status", equalTo("EXECUTED"));
        step("reg.banan", caseId, Map.of("to", "CLOSED", "reason", "罚款已缴清，整改另行复查"))
                .statusCode(200).body("status", equalTo("CLOSED"));
        step("ent.chem", caseId, Map.of("to", "REVOKED", "reason", "企业不能撤销")).statusCode(403);

        // Re-inspection: the general finding is rectified, the major one is not and is listed (挂牌督办).
        String reinspection = as("reg.banan").get("/api/enforcement/reinspections?status=SCHEDULED").then().statusCode(200)
                .extract().jsonPath().getString("find { it.findingIds.contains('" + major + "') }.id");
        assertNotNull(reinspection, "a re-inspection is scheduled at the deadline");
        as("reg.banan").body(Map.of("outcomes", List.of(
                        Map.of("findingId", major, "rectified", false, "note", "报警装置仍未安装"),
                        Map.of("findingId", inspection + "." + GENERAL_ITEM, "rectified", true))))
                .post("/api/enforcement/reinspections/" + reinspection + "/outcome")
                .then().statusCode(200).body("status", equalTo("DONE"));
        as("reg.city").get("/api/enforcement/supervisions?status=LISTED").then().statusCode(200)
                .body("findingId", hasItem(major));

        // 执法公示: the decision is posted; anyone reads it without a token, the party's name and phone masked.
        String posting = "po-" + caseId;
        as("reg.banan").post("/api/enforcement/postings/" + posting + "/publish").then().statusCode(200);
        given().when().get("/api/public/enforcement/postings/" + posting).then().statusCode(200)
                .body("decisionNumber", equalTo(number)).body("party", equalTo("陈*国"))
                .body("facts", containsString("138****5678")).body("facts", not(containsString("13812345678")));
        given().when().get("/api/enforcement/cases/" + caseId).then().statusCode(401);
    }

    /** The hazard enterprise-service opened for one item of the inspection, or null while there is none yet. */
    private static String hazardOf(String user, String inspection, String item) {
        return as(user).get("/api/hazards?enterpriseId=chem-banan-01&size=100")
                .then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.description.contains('" + inspection + "') && it.description.contains('["
                        + item + "]') }.id");
    }

    /** Every checklist item: the two named FAIL with the deadline, the rest PASS. */
    private static Map<String, Object> results(String inspection, LocalDate deadline) {
        List<String> codes = as("reg.banan").get("/api/enforcement/inspections/" + inspection).then().statusCode(200)
                .extract().jsonPath().getList("items.code");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String code : codes) {
            rows.add(code.equals(MAJOR_ITEM) || code.equals(GENERAL_ITEM)
                    ? Map.of("code", code, "outcome", "FAIL", "note", "现场发现：二号罐区无有毒气体报警", "deadline",
                    deadline.toString())
                    : Map.of("code", code, "outcome", "PASS"));
        }
        return Map.of("results", rows);
    }

    private static io.restassured.response.ValidatableResponse step(String user, String caseId, Map<String, Object> body) {
        return as(user).body(body).post("/api/enforcement/cases/" + caseId + "/transitions").then();
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestInfra.shared().token(user)).contentType(ContentType.JSON);
    }

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** A real JPEG, as a phone's camera sends it. */
    private static byte[] photo() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        }
    }
}
