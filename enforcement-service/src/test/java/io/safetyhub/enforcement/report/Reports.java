package io.safetyhub.enforcement.report;

import io.restassured.response.ValidatableResponse;
import io.safetyhub.enforcement.support.Flow;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Filing and following reports as the public does: no token, from an address of one's own. */
final class Reports {
    private Reports() {
    }

    /** An address nobody else in the test JVM uses, so that per-client limits of one test do not touch another. */
    static String someAddress() {
        return "203.0." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250)) + "-" + UUID.randomUUID();
    }

    static Map<String, Object> about(String enterpriseId, boolean named, boolean internal) {
        Map<String, Object> body = new HashMap<>(Map.of("text", "储罐区动火作业未办理作业票，现场无监护人", "category", "HAZARD",
                "enterpriseId", enterpriseId, "internal", internal,
                "photos", List.of(Map.of("name", "scene.jpg", "content", Base64.getEncoder().encodeToString(Flow.photo())))));
        if (named) {
            body.put("reporter", Map.of("name", "李小红", "phone", "13987654321", "idNumber", "11010519491231002X"));
        }
        return body;
    }

    static ValidatableResponse file(String address, Map<String, Object> body) {
        return given().contentType("application/json").header("X-Forwarded-For", address).body(body)
                .post("/api/public/reports").then();
    }

    static ValidatableResponse track(String code, String secret) {
        return given().header("X-Report-Secret", secret).get("/api/public/reports/" + code).then();
    }

    /** Files a report and answers {trackingCode, secret, id} (the id as a handler finds it in the list). */
    static Map<String, String> filed(Map<String, Object> body) {
        Map<String, String> receipt = file(someAddress(), body).statusCode(201).extract().jsonPath().getMap("");
        String id = io.safetyhub.enforcement.support.Calls.as("reg.city").get("/api/enforcement/reports?size=100").then()
                .statusCode(200).extract().jsonPath()
                .getString("items.find { it.trackingCode == '" + receipt.get("trackingCode") + "' }.id");
        Map<String, String> out = new HashMap<>(receipt);
        out.put("id", id);
        return out;
    }
}
