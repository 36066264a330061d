package io.safetyhub.enterprise.riskpoint;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.enterprise.checks.CheckScheduler;
import io.safetyhub.enterprise.enterprise.Uscc;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.EnterpriseChangedDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Risk points, check tasks falling due, a failed check raising a hazard, the computed colour: on the real stack. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class DualPreventionIT {
    private static final String POINTS = "/api/enterprises/chem-banan-01/risk-points";

    @Inject
    CheckScheduler scheduler;

    @Test
    void shouldOpenSelfReportedHazardWhenADailyCheckFails() {
        String pointId = as("ent.chem").body(point("LEC", "\"l\": 3, \"e\": 6, \"c\": 40", "DAILY")).when().post(POINTS)
                .then().statusCode(201).body("value", equalTo(720.0f)).body("colour", equalTo("RED"))
                .extract().path("id");
        String taskId = as("ent.chem").when().get(POINTS + "/" + pointId).then().statusCode(200)
                .extract().path("measures[0].tasks[0].id");

        Instant now = Instant.now();
        assertTrue(scheduler.run(now).created() >= 1);
        assertEquals(0, scheduler.run(now).created(), "a second run in the same period adds nothing");
        String instanceId = "ci-" + pointId + "-" + taskId + "-";
        List<Map<String, Object>> open = as("ent.chem").queryParam("status", "OPEN").queryParam("size", 100)
                .when().get("/api/check-instances").then().statusCode(200).extract().path("items");
        String id = open.stream().map(m -> (String) m.get("id")).filter(i -> i.startsWith(instanceId)).findFirst()
                .orElseThrow();

        as("reg.banan").body("{\"outcome\": \"FAILED\", \"note\": \"x\"}").when().post("/api/check-instances/" + id + "/result")
                .then().statusCode(403);
        as("ent.chem").body("{\"outcome\": \"FAILED\"}").when().post("/api/check-instances/" + id + "/result")
                .then().statusCode(400).body("errors[0].field", equalTo("note"));
        String hazardId = as("ent.chem").body("{\"outcome\": \"FAILED\", \"note\": \"2号罐液位计失灵\"}")
                .when().post("/api/check-instances/" + id + "/result").then().statusCode(200)
                .body("status", equalTo("FAILED")).body("hazardId", notNullValue()).extract().path("hazardId");
        as("ent.chem").body("{\"outcome\": \"DONE\"}").when().post("/api/check-instances/" + id + "/result")
                .then().statusCode(409).body("code", equalTo("CHECK_RECORDED"));
        as("reg.banan").when().get("/api/hazards/" + hazardId).then().statusCode(200)
                .body("source", equalTo("SELF_CHECK")).body("status", equalTo("REPORTED"))
                .body("grade", equalTo("GENERAL")).body("description", containsString(pointId))
                .body("description", containsString("2号罐液位计失灵"));
        as("ent.build").when().get("/api/check-instances/" + id).then().statusCode(404);
    }

    @Test
    void shouldCountAnOpenCheckOnceWhenItPassesItsDueTime() {
        as("ent.chem").body(point("LS", "\"l\": 2, \"s\": 2", "PER_SHIFT")).when().post(POINTS).then().statusCode(201)
                .body("value", equalTo(4.0f)).body("colour", equalTo("YELLOW"));
        Instant now = Instant.now();
        scheduler.run(now);
        Instant later = now.plus(Duration.ofHours(9));
        assertTrue(scheduler.run(later).newlyOverdue() >= 1, "the shift's open check is overdue 9 hours later");
        assertEquals(0, scheduler.run(later).newlyOverdue(), "counted once");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            LEC L off its scale  | LEC | "l": 2, "e": 6, "c": 40 | DAILY  | l
            LEC E off its scale  | LEC | "l": 1, "e": 4, "c": 40 | DAILY  | e
            LEC C off its scale  | LEC | "l": 1, "e": 6, "c": 50 | DAILY  | c
            LS S above 5         | LS  | "l": 1, "s": 6          | DAILY  | s
            unknown frequency    | LS  | "l": 1, "s": 2          | HOURLY | frequency
            """)
    void shouldRefuseNamingTheFieldAndWriteNothingWhenInputIsBad(String what, String method, String values,
                                                                 String frequency, String field) {
        int before = as("ent.chem").when().get(POINTS).then().extract().path("total");
        as("ent.chem").body(point(method, values, frequency)).when().post(POINTS).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", endsWith(field));
        as("ent.chem").when().get(POINTS).then().body("total", equalTo(before));
    }

    @Test
    void shouldComputeEnterpriseColourFromPointsAndLetRegulatorOverrideItWithReason() {
        String first17 = "91500113MADP" + String.format("%05d", (int) (System.nanoTime() % 100000));
        String id = "dp-trade-" + System.nanoTime() % 1_000_000;
        as("reg.city").body("{\"id\": \"" + id + "\", \"name\": \"双重预防测试\", \"uscc\": \"" + first17
                + Uscc.checkCharacter(first17) + "\", \"district\": \"巴南区\", \"sectors\": [\"INDUSTRY_TRADE\"],"
                + " \"riskColour\": \"BLUE\"}").when().post("/api/enterprises").then().statusCode(201);
        as("ops").body(point("LEC", "\"l\": 3, \"e\": 6, \"c\": 40", "WEEKLY"))
                .when().post("/api/enterprises/" + id + "/risk-points").then().statusCode(201);
        as("reg.banan").when().get("/api/enterprises/" + id).then().body("riskColour", equalTo("RED"));
        as("reg.banan").when().get("/api/enterprises/" + id + "/risk-colour").then().statusCode(200)
                .body("basis", equalTo("RISK_POINTS")).body("computed", equalTo("RED"));
        as("ent.chem").body("{\"colour\": \"YELLOW\", \"reason\": \"x\"}")
                .when().put("/api/enterprises/" + id + "/risk-colour/override").then().statusCode(403);
        as("reg.banan").body("{\"colour\": \"YELLOW\"}")
                .when().put("/api/enterprises/" + id + "/risk-colour/override").then().statusCode(400);
        as("reg.banan").body("{\"colour\": \"YELLOW\", \"reason\": \"储罐已清空停用，现场核实\"}")
                .when().put("/api/enterprises/" + id + "/risk-colour/override").then().statusCode(200)
                .body("colour", equalTo("YELLOW")).body("basis", equalTo("OVERRIDE"))
                .body("history[0].who", equalTo("reg.banan")).body("history[0].from", equalTo("RED"))
                .body("history[0].note", equalTo("储罐已清空停用，现场核实"));
        as("reg.banan").when().get("/api/enterprises/" + id).then().body("riskColour", equalTo("YELLOW"));
        awaitAnnounced(id, "YELLOW");
        as("reg.banan").queryParam("reason", "复产").when().delete("/api/enterprises/" + id + "/risk-colour/override")
                .then().statusCode(200).body("colour", equalTo("RED")).body("basis", equalTo("RISK_POINTS"));
        as("reg.banan").queryParam("colour", "RED").when().get("/api/risk-points").then().statusCode(200)
                .body("items.enterpriseId", hasItem(id));
        as("reg.banan").when().get("/api/enterprises/" + id + "/risk-map").then().statusCode(200)
                .body("points[0].colour", equalTo("RED")).body("points[0].longitude", equalTo(106.6716f));
    }

    /** Waits (30 s at most) until {@code enterprise.registry.v1} carries {@code colour} for the enterprise. */
    private static void awaitAnnounced(String enterpriseId, String colour) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "colour-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, EnterpriseChanged> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new EnterpriseChangedDeserializer())) {
            consumer.subscribe(List.of(Topics.ENTERPRISE_REGISTRY));
            AtomicReference<String> seen = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, EnterpriseChanged> r : consumer.poll(Duration.ofMillis(500))) {
                    if (enterpriseId.equals(r.key()) && r.value() != null) {
                        seen.set(r.value().riskColour());
                    }
                }
                return colour.equals(seen.get());
            });
        }
    }

    static String point(String method, String values, String frequency) {
        return """
                {"name": "测试储罐", "longitude": 106.6716, "latitude": 29.3849, "hazards": ["泄漏"],
                 "method": "%s", %s,
                 "measures": [{"description": "液位监测", "tasks": [{"content": "核对液位", "frequency": "%s",
                   "post": "操作工"}]}]}
                """.formatted(method, values, frequency);
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestInfra.shared().token(user)).contentType("application/json");
    }
}
