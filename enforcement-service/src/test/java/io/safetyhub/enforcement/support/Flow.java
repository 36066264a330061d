package io.safetyhub.enforcement.support;

import io.restassured.path.json.JsonPath;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.safetyhub.enforcement.support.Calls.as;
import static io.safetyhub.enforcement.support.Calls.today;

/** The steps of the enforcement loop over HTTP, as a regulator takes them; each asserts its own success. */
public final class Flow {
    private Flow() {
    }

    public static String plan(String user, String district, String sector, int count) {
        String body = "{\"title\": \"测试计划 " + UUID.randomUUID().toString().substring(0, 6) + "\", "
                + (district == null ? "" : "\"district\": \"" + district + "\", ")
                + "\"periodStart\": \"" + today().withDayOfMonth(1) + "\", \"periodEnd\": \"" + today().plusMonths(1)
                + "\", \"quotas\": [{\"sector\": \"" + sector + "\", \"count\": " + count + "}]}";
        return as(user).body(body).post("/api/enforcement/plans").then().statusCode(201).extract().path("id");
    }

    public static JsonPath draw(String user, String planId) {
        return as(user).post("/api/enforcement/plans/" + planId + "/draws").then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath open(String user, String drawId, String enterpriseId) {
        return as(user).body(Map.of("drawId", drawId, "enterpriseId", enterpriseId))
                .post("/api/enforcement/inspections").then().statusCode(201).extract().jsonPath();
    }

    /** Results for every item: the codes in {@code failed} FAIL with a deadline {@code days} ahead, the rest PASS. */
    public static String results(String inspectionId, Set<String> failed, int days) {
        List<String> codes = as("reg.city").get("/api/enforcement/inspections/" + inspectionId).then().statusCode(200)
                .extract().jsonPath().getList("items.code");
        List<String> rows = new ArrayList<>();
        for (String code : codes) {
            rows.add(failed.contains(code)
                    ? "{\"code\": \"" + code + "\", \"outcome\": \"FAIL\", \"note\": \"现场发现：联系人陈建国13812345678\", \"deadline\": \""
                    + today().plusDays(days) + "\"}"
                    : "{\"code\": \"" + code + "\", \"outcome\": \"PASS\"}");
        }
        return "{\"results\": [" + String.join(",", rows) + "]}";
    }

    public static void record(String user, String inspectionId, Set<String> failed, int days) {
        as(user).body(results(inspectionId, failed, days)).put("/api/enforcement/inspections/" + inspectionId + "/results")
                .then().statusCode(200);
    }

    /** Every team member signs; returns the inspection as the last signature left it. */
    public static JsonPath signAll(String user, String inspectionId) {
        JsonPath inspection = as(user).get("/api/enforcement/inspections/" + inspectionId).then().extract().jsonPath();
        JsonPath last = inspection;
        for (Map<String, String> m : inspection.<Map<String, String>>getList("team")) {
            last = as(user).body(Map.of("inspectorId", m.get("inspectorId"), "badgeNumber", m.get("badgeNumber")))
                    .post("/api/enforcement/inspections/" + inspectionId + "/signatures").then().statusCode(200)
                    .extract().jsonPath();
        }
        return last;
    }

    public static String fileCase(String user, String enterpriseId, String inspectionId, List<String> findingIds, String code) {
        StringBuilder body = new StringBuilder("{\"enterpriseId\": \"" + enterpriseId + "\", \"violationCode\": \"" + code
                + "\", \"facts\": \"法定代表人陈建国（电话13812345678）未按规定整改\", \"party\": \"陈建国\"");
        if (inspectionId != null) {
            body.append(", \"inspectionId\": \"").append(inspectionId).append("\", \"findingIds\": [")
                    .append(String.join(",", findingIds.stream().map(f -> "\"" + f + "\"").toList())).append("]");
        }
        return as(user).body(body.append("}").toString()).post("/api/enforcement/cases").then().statusCode(201)
                .extract().path("id");
    }

    public static void notice(String user, String caseId, long amount) {
        as(user).body(Map.of("to", "NOTIFIED", "proposedAmount", amount)).post("/api/enforcement/cases/" + caseId + "/transitions").then().statusCode(200);
    }

    /** A decision number nobody else uses. */
    public static String decisionNumber() {
        return "渝巴应急罚〔" + today().getYear() + "〕T" + UUID.randomUUID().toString().substring(0, 8) + "号";
    }

    /** A real JPEG, as a phone's camera would send it. */
    public static byte[] photo() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
