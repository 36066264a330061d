package io.safetyhub.enforcement.report;

import com.mongodb.client.MongoClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.enforcement.roster.RosterRepository;
import io.safetyhub.enforcement.support.DemoRegistry;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.safetyhub.enforcement.support.Calls.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Reports from the public (举报) against the real service, MongoDB and Keycloak: receipt, tracking, sealing, limits. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class PublicReportIT {
    @Inject
    RosterRepository roster;
    @Inject
    MongoClient mongo;
    @Inject
    EnforcementConfig config;

    @BeforeEach
    void registry() throws Exception {
        DemoRegistry.ensure(roster);
    }

    @Test
    void shouldAnswerOnlyACodeAndASecretWhenAnyoneFilesAReport() {
        Map<String, Object> receipt = Reports.file(Reports.someAddress(), Reports.about("gas-banan-01", false, false))
                .statusCode(201).extract().jsonPath().getMap("");
        assertEquals(java.util.Set.of("trackingCode", "secret"), receipt.keySet());
        String code = (String) receipt.get("trackingCode");
        String secret = (String) receipt.get("secret");
        Reports.track(code, secret).statusCode(200).body("status", equalTo("RECEIVED")).body("founded", equalTo(null))
                .body("$", not(org.hamcrest.Matchers.hasKey("text")));
        Reports.track(code, secret + "x").statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().get("/api/public/reports/" + code).then().statusCode(400).body("errors[0].field", equalTo("X-Report-Secret"));
        given().contentType("application/json").header("X-Report-Secret", secret).body(Map.of("text", "作业时间为每晚22点后"))
                .post("/api/public/reports/" + code + "/additions").then().statusCode(200).body("additions", equalTo(1));
        given().contentType("application/json").header("X-Report-Secret", "wrong").body(Map.of("text", "x"))
                .post("/api/public/reports/" + code + "/additions").then().statusCode(404);
    }

    @Test
    void shouldKeepTheReporterSealedWhenANamedReportIsStored() {
        Map<String, String> r = Reports.filed(Reports.about("gas-banan-01", true, false));
        Document stored = mongo.getDatabase(config.database()).getCollection("reports").find(new Document("_id", r.get("id"))).first();
        String raw = stored.toJson();
        assertFalse(raw.contains("13987654321") || raw.contains("11010519491231002X") || raw.contains("李小红")
                || raw.contains(r.get("secret")), "identity, contact or secret stored in clear: " + raw);
        as("reg.banan").get("/api/enforcement/reports/" + r.get("id")).then().statusCode(200)
                .body("anonymous", equalTo(false)).body(not(containsString("13987654321")));
        as("reg.banan").get("/api/enforcement/reports/" + r.get("id") + "/reporter").then().statusCode(403);
        as("handler.banan").get("/api/enforcement/reports/" + r.get("id") + "/reporter").then().statusCode(200)
                .body("phone", equalTo("13987654321")).body("idNumber", equalTo("11010519491231002X"));
        as("reg.banan").get("/api/enforcement/audit?ref=" + r.get("id")).then().statusCode(200)
                .body("action", hasItem("REPORTER_READ"));
    }

    @Test
    void shouldRefuseNamingTheFieldWhenAReportIsBad() {
        String address = Reports.someAddress();
        Map<String, Object> exe = new HashMap<>(Reports.about("gas-banan-01", false, false));
        byte[] executable = new byte[256];
        executable[0] = 'M';
        executable[1] = 'Z';
        exe.put("photos", List.of(Map.of("name", "photo.jpg", "content", Base64.getEncoder().encodeToString(executable))));
        Reports.file(address, exe).statusCode(415).body("errors[0].field", equalTo("photos[0].content"));
        Map<String, Object> big = new HashMap<>(Reports.about("gas-banan-01", false, false));
        byte[] large = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy(io.safetyhub.enforcement.support.Flow.photo(), 0, large, 0, 100);
        big.put("photos", List.of(Map.of("content", Base64.getEncoder().encodeToString(large))));
        Reports.file(address, big).statusCode(413).body("errors[0].field", equalTo("photos[0].content"));
        Reports.file(address, Map.of("text", "有人违规", "category", "OTHER")).statusCode(400).body("errors[0].field", equalTo("place"));
        Reports.file(address, Map.of("text", "有人违规", "category", "OTHER", "place", "鱼洞老街")).statusCode(400)
                .body("errors[0].field", equalTo("district"));
        Reports.file(address, Map.of("text", "有人违规", "category", "OTHER", "enterpriseId", "nobody-01")).statusCode(400)
                .body("errors[0].field", equalTo("enterpriseId"));
        Reports.file(address, Map.of("text", "有人违规", "place", "鱼洞老街", "district", "巴南区")).statusCode(400)
                .body("errors[0].field", equalTo("category"));
        Map<String, Object> phone = new HashMap<>(Reports.about("gas-banan-01", false, false));
        phone.put("reporter", Map.of("phone", "call me"));
        Reports.file(address, phone).statusCode(400).body("errors[0].field", containsString("phone"));
    }

    @Test
    void shouldRefuseTheSixthReportWhenOneClientFiledFiveToday() {
        String address = Reports.someAddress();
        Map<String, Object> body = Map.of("text", "烟花爆竹非法储存", "category", "ILLEGAL_OPERATION", "place", "李家沱码头",
                "district", "巴南区");
        for (int i = 0; i < 5; i++) {
            Reports.file(address, body).statusCode(201);
        }
        Reports.file(address, body).statusCode(429).body("code", equalTo("REPORT_LIMIT"));
        Reports.file(Reports.someAddress(), body).statusCode(201);
    }
}
