package io.safetyhub.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.safetyhub.devstack.testing.TestInfra;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21's item 5, through the gateway with real tokens and the services as processes: an anonymous report (no
 * token) leads to an inspection and a penalty; the handler computes the reward (15 % of the fine); the reporter sees
 * the outcome and the reward with the tracking code; the enterprise's credit score drops and its draw weight rises.
 */
class ReportToCreditIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> APPS = List.of("enterprise-service", "enforcement-service", "gateway");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @BeforeAll
    static void startPlatform() {
        RestAssured.baseURI = E2ePlatform.start(APPS).get("gateway");
        await().atMost(WAIT).untilAsserted(() -> as("reg.banan").get("/api/enforcement/roster/enterprises?size=100")
                .then().statusCode(200).body("items.id", hasItem("chem-banan-01")));
    }

    @Test
    void shouldLowerTheScoreAndRaiseTheDrawWeightWhenAnAnonymousReportLeadsToAPenalty() {
        JsonPath before = as("reg.banan").get("/api/enforcement/credit/chem-banan-01").then().statusCode(200).extract().jsonPath();

        // Anyone, without an account: the answer is a tracking code and a secret, nothing else.
        JsonPath receipt = given().contentType(ContentType.JSON).body(Map.of("text", "二号罐区有毒气体报警器长期拆除未装",
                        "category", "HAZARD", "enterpriseId", "chem-banan-01"))
                .post("/api/public/reports").then().statusCode(201).extract().jsonPath();
        String code = receipt.getString("trackingCode");
        String secret = receipt.getString("secret");
        given().header("X-Report-Secret", secret).get("/api/public/reports/" + code).then().statusCode(200)
                .body("status", equalTo("RECEIVED"));
        String report = as("handler.banan").get("/api/enforcement/reports?size=100").then().statusCode(200).extract()
                .jsonPath().getString("items.find { it.trackingCode == '" + code + "' }.id");
        as("ent.chem").get("/api/enforcement/reports/" + report).then().statusCode(403);
        as("handler.banan").body(Map.of("accept", true, "note", "受理，列入专项检查"))
                .post("/api/enforcement/reports/" + report + "/triage").then().statusCode(200);

        // The inspection: chem-banan-01 is 巴南区's one hazardous-chemicals enterprise, so the plan's draw sends a team.
        String plan = as("reg.banan").body(Map.of("title", "举报核查 " + UUID.randomUUID().toString().substring(0, 6),
                        "periodStart", today().withDayOfMonth(1).toString(), "periodEnd", today().plusMonths(1).toString(),
                        "quotas", List.of(Map.of("sector", "HAZARDOUS_CHEMICALS", "count", 1))))
                .post("/api/enforcement/plans").then().statusCode(201).extract().path("id");
        JsonPath draw = as("reg.banan").post("/api/enforcement/plans/" + plan + "/draws").then().statusCode(201).extract().jsonPath();
        assertEquals(before.getString("grade"),
                draw.getString("inputs.candidates.find { it.enterpriseId == 'chem-banan-01' }.creditGrade"));
        String inspection = as("reg.banan").body(Map.of("drawId", draw.getString("id"), "enterpriseId", "chem-banan-01"))
                .post("/api/enforcement/inspections").then().statusCode(201).extract().path("id");
        as("reg.banan").body(results(inspection)).put("/api/enforcement/inspections/" + inspection + "/results").then().statusCode(200);
        for (Map<String, String> m : as("reg.banan").get("/api/enforcement/inspections/" + inspection).then().statusCode(200)
                .extract().jsonPath().<Map<String, String>>getList("team")) {
            as("reg.banan").body(Map.of("inspectorId", m.get("inspectorId"), "badgeNumber", m.get("badgeNumber")))
                    .post("/api/enforcement/inspections/" + inspection + "/signatures").then().statusCode(200);
        }
        as("handler.banan").body(Map.of("inspectionId", inspection)).post("/api/enforcement/reports/" + report + "/verification")
                .then().statusCode(200).body("status", equalTo("VERIFYING"));

        // The penalty: 40,000 yuan under 安全生产法 第一百零二条.
        String caseId = as("reg.banan").body(Map.of("enterpriseId", "chem-banan-01", "violationCode", "AQF-102",
                        "facts", "有毒气体报警器拆除未装", "inspectionId", inspection,
                        "findingIds", List.of(inspection + ".HC-MH-05")))
                .post("/api/enforcement/cases").then().statusCode(201).extract().path("id");
        as("reg.banan").body(Map.of("to", "NOTIFIED", "proposedAmount", 40_000)).post("/api/enforcement/cases/" + caseId + "/transitions")
                .then().statusCode(200);
        as("reg.banan").body(Map.of("to", "DECIDED", "amount", 40_000, "decisionNumber",
                        "渝巴应急罚〔" + today().getYear() + "〕R" + UUID.randomUUID().toString().substring(0, 8) + "号"))
                .post("/api/enforcement/cases/" + caseId + "/transitions").then().statusCode(200);

        as("handler.banan").body(Map.of("founded", true, "note", "经查属实，已处罚"))
                .post("/api/enforcement/reports/" + report + "/outcome").then().statusCode(200);
        as("handler.banan").body(Map.of("caseId", caseId)).post("/api/enforcement/reports/" + report + "/reward")
                .then().statusCode(200).body("reward.amount", equalTo(6000));
        given().header("X-Report-Secret", secret).get("/api/public/reports/" + code).then().statusCode(200)
                .body("status", equalTo("REWARDED")).body("founded", equalTo(true)).body("rewardAmount", equalTo(6000));

        JsonPath after = as("ent.chem").get("/api/enforcement/credit/chem-banan-01").then().statusCode(200).extract().jsonPath();
        assertTrue(after.getInt("score") < before.getInt("score"), before.getInt("score") + " -> " + after.getInt("score"));
        assertTrue(after.getInt("drawFactor") > before.getInt("drawFactor"),
                "draw factor " + before.getInt("drawFactor") + " -> " + after.getInt("drawFactor"));
        assertTrue(after.getList("history.cause").containsAll(List.of("PENALTY", "REPORT_FOUNDED")), after.prettify());
        given().get("/api/public/enforcement/credit?district=巴南区").then().statusCode(200)
                .body("items.find { it.enterpriseId == 'chem-banan-01' }.grade", equalTo(after.getString("grade")));
    }

    private static Map<String, Object> results(String inspection) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String item : as("reg.banan").get("/api/enforcement/inspections/" + inspection).then().statusCode(200)
                .extract().jsonPath().<String>getList("items.code")) {
            rows.add(item.equals("HC-MH-05")
                    ? Map.of("code", item, "outcome", "FAIL", "note", "报警器未安装", "deadline", today().plusDays(15).toString())
                    : Map.of("code", item, "outcome", "PASS"));
        }
        return Map.of("results", rows);
    }

    private static RequestSpecification as(String user) {
        return given().contentType(ContentType.JSON).auth().oauth2(TestInfra.shared().token(user));
    }

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
