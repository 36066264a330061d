package io.safetyhub.enforcement.support;

import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.safetyhub.enforcement.support.Calls.as;

/**
 * One of everything, in 巴南区 (reg.banan, chem-banan-01) and in 渝北区 (reg.city, build-yubei-01), built once per
 * JVM: a plan, its draw, a completed inspection with a photo and two findings, their re-inspection recorded (the
 * major one listed), a decided and posted case, a notified case awaiting review, and a Yubei inspection.
 */
public final class Fixture {
    private static Fixture built;

    public final String banPlan;
    public final String banDraw;
    public final String banInspection;
    public final String banEvidence;
    public final String banFinding;
    public final String banReinspection;
    public final String banListing;
    public final String banCase;
    public final String banPosting;
    public final String banNotifiedCase;
    public final String yubPlan;
    public final String yubDraw;
    public final String yubInspection;

    private Fixture() {
        banPlan = Flow.plan("reg.banan", null, "HAZARDOUS_CHEMICALS", 1);
        banDraw = Flow.draw("reg.banan", banPlan).getString("id");
        banInspection = Flow.open("reg.banan", banDraw, "chem-banan-01").getString("id");
        banEvidence = as("reg.banan").contentType("multipart/form-data").multiPart("file", "scene.jpg", Flow.photo(), "image/jpeg")
                .multiPart("itemCode", "HC-MH-05").post("/api/enforcement/inspections/" + banInspection + "/evidence")
                .then().statusCode(201).extract().path("id");
        Flow.record("reg.banan", banInspection, Set.of("HC-MH-05", "HC-G-06"), 20);
        Flow.signAll("reg.banan", banInspection);
        banFinding = banInspection + ".HC-MH-05";
        banReinspection = "re-" + banInspection + "-" + Calls.today().plusDays(20);
        as("reg.banan").body("{\"outcomes\": [{\"findingId\": \"" + banFinding + "\", \"rectified\": false, \"note\": \"未整改\"},"
                        + "{\"findingId\": \"" + banInspection + ".HC-G-06\", \"rectified\": true}]}")
                .post("/api/enforcement/reinspections/" + banReinspection + "/outcome").then().statusCode(200);
        banListing = "ls-" + banFinding;
        banCase = Flow.fileCase("reg.banan", "chem-banan-01", banInspection, List.of(banFinding), "AQF-102");
        Flow.notice("reg.banan", banCase, 20_000);
        as("reg.banan").body(Map.of("to", "DECIDED", "decisionNumber", Flow.decisionNumber(), "amount", 20_000))
                .post("/api/enforcement/cases/" + banCase + "/transitions").then().statusCode(200);
        banPosting = "po-" + banCase;
        as("reg.banan").post("/api/enforcement/postings/" + banPosting + "/publish").then().statusCode(200);
        banNotifiedCase = Flow.fileCase("reg.banan", "chem-banan-01", null, List.of(), "AQF-97-2");
        Flow.notice("reg.banan", banNotifiedCase, 60_000);

        yubPlan = Flow.plan("reg.city", "渝北区", "CONSTRUCTION", 1);
        JsonPath yub = Flow.draw("reg.city", yubPlan);
        yubDraw = yub.getString("id");
        yubInspection = Flow.open("reg.city", yubDraw, yub.getString("results[0].enterpriseId")).getString("id");
    }

    public static synchronized Fixture get() {
        if (built == null) {
            built = new Fixture();
        }
        return built;
    }
}
