package io.safetyhub.enforcement.report;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.enforcement.roster.RosterRepository;
import io.safetyhub.enforcement.support.DemoRegistry;
import io.safetyhub.enforcement.support.Fixture;
import io.safetyhub.enforcement.support.Flow;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.safetyhub.enforcement.support.Calls.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report handled to its end with real tokens: triage, verification by an inspection, outcome, reward; the
 * reporter told through the tracking code; the enterprise's credit lowered and its draw weight raised. And who may
 * take each step (the report-handler role, the report's own handler).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class ReportHandlingIT {
    @Inject
    RosterRepository roster;

    @BeforeEach
    void fixture() throws Exception {
        DemoRegistry.ensure(roster);
        Fixture.get();
    }

    @Test
    void shouldRewardTheReporterAndRaiseTheDrawWeightWhenAnInternalReportIsFounded() {
        JsonPath before = as("reg.banan").get("/api/enforcement/credit/chem-banan-01").then().statusCode(200).extract().jsonPath();
        Map<String, String> r = Reports.filed(Reports.about("chem-banan-01", false, true));
        String id = r.get("id");
        as("handler.banan").body(Map.of("accept", true, "note", "受理，转执法核查")).post("/api/enforcement/reports/" + id + "/triage")
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).body("handler", equalTo("handler.banan"));
        as("handler.banan").body(Map.of("inspectionId", Fixture.get().banInspection))
                .post("/api/enforcement/reports/" + id + "/verification").then().statusCode(200).body("status", equalTo("VERIFYING"));
        String caseId = Flow.fileCase("reg.banan", "chem-banan-01", null, List.of(), "AQF-102");
        Flow.notice("reg.banan", caseId, 40_000);
        as("reg.banan").body(Map.of("to", "DECIDED", "decisionNumber", Flow.decisionNumber(), "amount", 40_000))
                .post("/api/enforcement/cases/" + caseId + "/transitions").then().statusCode(200);
        as("handler.banan").body(Map.of("caseId", caseId)).post("/api/enforcement/reports/" + id + "/reward")
                .then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        as("handler.banan").body(Map.of("founded", true, "note", "经查属实，已立案处罚"))
                .post("/api/enforcement/reports/" + id + "/outcome").then().statusCode(200).body("status", equalTo("FOUNDED"));
        // 15 % of 40,000 is 6,000; an internal reporter gets half again: 9,000 (安监总财〔2018〕19号 第十一条).
        as("handler.banan").body(Map.of("caseId", caseId)).post("/api/enforcement/reports/" + id + "/reward")
                .then().statusCode(200).body("status", equalTo("REWARDED")).body("reward.amount", equalTo(9000))
                .body("reward.basis", equalTo("FINE"));
        Reports.track(r.get("trackingCode"), r.get("secret")).statusCode(200).body("status", equalTo("REWARDED"))
                .body("founded", equalTo(true)).body("rewardAmount", equalTo(9000));

        JsonPath after = as("reg.banan").get("/api/enforcement/credit/chem-banan-01").then().statusCode(200).extract().jsonPath();
        // The decision (10 + 4 per full 10,000) and the founded report (5) come off the score.
        assertEquals(before.getInt("score") - 19, after.getInt("score"), "score before " + before.getInt("score"));
        assertTrue(after.getInt("drawFactor") > before.getInt("drawFactor"), "draw factor " + before.getInt("drawFactor")
                + " -> " + after.getInt("drawFactor"));
        assertTrue(after.getList("history.ref").containsAll(List.of("report:" + id, "case:" + caseId)), after.prettify());
        JsonPath draw = Flow.draw("reg.banan", Flow.plan("reg.banan", null, "HAZARDOUS_CHEMICALS", 1));
        assertEquals(after.getString("grade"),
                draw.getString("inputs.candidates.find { it.enterpriseId == 'chem-banan-01' }.creditGrade"));
        assertEquals(after.getInt("drawFactor"), draw.getInt("inputs.gradeFactors." + after.getString("grade")));
        as("reg.banan").get("/api/public/enforcement/credit?district=巴南区").then().statusCode(200)
                .body("items.enterpriseId", hasItem("chem-banan-01"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            anonymous     | 401 | 401 | 401
            ent.chem      | 403 | 403 | 403
            reg.city      | 403 | 403 | ok
            reg.banan     | 403 | 403 | ok
            ops           | 403 | 403 | ok
            handler.banan | ok  | ok  | ok
            """)
    void shouldLetOnlyAReportHandlerActWhenAnyCallerTriesAStep(String caller, String triage, String reporter, String read) {
        Map<String, String> r = Reports.filed(Reports.about("gas-banan-01", true, false));
        String base = "/api/enforcement/reports/" + r.get("id");
        expect(triage, as(caller).body(Map.of("accept", true, "note", "受理")).post(base + "/triage").then().extract().statusCode());
        expect(reporter, as(caller).get(base + "/reporter").then().extract().statusCode());
        expect(read, as(caller).get(base).then().extract().statusCode());
    }

    @Test
    void shouldKeepAReportToItsHandlerWhenAnotherHandlerOrDistrictTries() {
        Map<String, String> r = Reports.filed(Reports.about("build-yubei-01", true, false));
        String base = "/api/enforcement/reports/" + r.get("id");
        // handler.banan is a 巴南区 handler: a 渝北区 report is not there for them.
        as("handler.banan").body(Map.of("accept", true, "note", "受理")).post(base + "/triage").then().statusCode(404);
        as("handler.banan").get(base + "/reporter").then().statusCode(404);
        as("reg.banan").get("/api/enforcement/reports?size=100").then().statusCode(200)
                .body("items.district", org.hamcrest.Matchers.everyItem(equalTo("巴南区")));
    }

    private static void expect(String want, int status) {
        if ("ok".equals(want)) {
            assertEquals(200, status);
        } else {
            assertEquals(Integer.parseInt(want), status);
        }
    }
}
