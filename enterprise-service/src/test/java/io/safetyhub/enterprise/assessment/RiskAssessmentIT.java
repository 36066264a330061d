package io.safetyhub.enterprise.assessment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.enterprise.access.Fixtures;
import io.safetyhub.enterprise.enterprise.Uscc;
import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.EnterpriseChangedDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The 2018 guide's assessment over REST with real tokens: the colour it computes, on the registry topic. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class RiskAssessmentIT {

    @Test
    void shouldColourSeededChemicalPlantFromItsAssessmentWhenRegulatorReadsIt() {
        as("reg.banan").when().get("/api/enterprises/chem-banan-01/risk-colour").then().statusCode(200)
                .body("colour", equalTo("ORANGE")).body("basis", equalTo("ASSESSMENT"))
                .body("assessment.score", equalTo(73)).body("assessment.colour", equalTo("ORANGE"));
        as("ent.chem").when().get("/api/enterprises/chem-banan-01/risk-assessments").then().statusCode(200)
                .body("items[0].score", equalTo(73)).body("items[0].deducted", equalTo(32))
                .body("items[0].added", equalTo(5)).body("items[0].deductions.code", hasItem("G1-1"));
    }

    @Test
    void shouldAnnounceComputedColourWhenRegulatorRecordsAssessmentsAndOverrideStillWins() {
        String id = freshChemicalEnterprise();
        String base = "/api/enterprises/" + id;
        as("reg.banan").body(Fixtures.assessment(today())).when().post(base + "/risk-assessments").then().statusCode(201)
                .body("score", equalTo(85)).body("colour", equalTo("YELLOW"));
        as("reg.banan").when().get(base).then().body("riskColour", equalTo("YELLOW"));
        assertEquals("YELLOW", latestOnRegistry(id, "YELLOW"));

        as("reg.banan").body("""
                {"assessedOn": "%s", "assessor": "复评", "deductions": [], "bonuses": ["B2"],
                 "directRed": ["UNDESIGNED_PLANT"]}
                """.formatted(today())).when().post(base + "/risk-assessments").then().statusCode(201)
                .body("score", equalTo(100)).body("colour", equalTo("RED"))
                .body("directRed[0].condition", equalTo("UNDESIGNED_PLANT"));
        assertEquals("RED", latestOnRegistry(id, "RED"));

        as("reg.banan").body("{\"colour\": \"ORANGE\", \"reason\": \"已完成安全设计诊断，待复评\"}")
                .when().put(base + "/risk-colour/override").then().statusCode(200)
                .body("colour", equalTo("ORANGE")).body("basis", equalTo("OVERRIDE"))
                .body("assessment.colour", equalTo("RED"));
    }

    @Test
    void shouldRefuseNamingTheRowAndWriteNothingWhenADeductionExceedsItsMaximum() {
        String id = freshChemicalEnterprise();
        String base = "/api/enterprises/" + id + "/risk-assessments";
        as("reg.banan").body("""
                {"assessedOn": "%s", "assessor": "评估组", "deductions": [{"code": "G1-2", "points": 6}]}
                """.formatted(today())).when().post(base).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("deductions[0].points"));
        as("reg.banan").body(Fixtures.assessment(today().plusDays(1))).when().post(base).then().statusCode(400)
                .body("errors[0].field", equalTo("assessedOn"));
        as("reg.banan").when().get(base).then().statusCode(200).body("total", equalTo(0));
        as("reg.banan").body(Fixtures.assessment(today())).when().post("/api/enterprises/gas-banan-01/risk-assessments")
                .then().statusCode(409).body("code", equalTo("ASSESSMENT_NOT_APPLICABLE"));
    }

    private static String latestOnRegistry(String enterpriseId, String awaited) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "assessment-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        AtomicReference<String> colour = new AtomicReference<>();
        try (KafkaConsumer<String, EnterpriseChanged> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new EnterpriseChangedDeserializer())) {
            consumer.subscribe(List.of(Topics.ENTERPRISE_REGISTRY));
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, EnterpriseChanged> r : consumer.poll(Duration.ofMillis(500))) {
                    if (enterpriseId.equals(r.key()) && r.value() != null) {
                        colour.set(r.value().riskColour());
                    }
                }
                return awaited.equals(colour.get());
            });
        }
        return colour.get();
    }

    private static String freshChemicalEnterprise() {
        int n = ThreadLocalRandom.current().nextInt(10_000, 99_999);
        String first17 = "91500113MAAY" + n;
        String id = "assess-" + n + "-" + UUID.randomUUID().toString().substring(0, 6);
        as("reg.city").body("{\"id\": \"" + id + "\", \"name\": \"评估测试" + n + "\", \"uscc\": \"" + first17
                + Uscc.checkCharacter(first17) + "\", \"district\": \"巴南区\", \"sectors\": [\"HAZARDOUS_CHEMICALS\"]}")
                .when().post("/api/enterprises").then().statusCode(201);
        return id;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestInfra.shared().token(user)).contentType("application/json");
    }
}
