package io.safetyhub.enterprise.enterprise;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.EnterpriseChangedDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Registering, editing and suspending enterprises over REST; bad input refused whole (璧山区 is this test's own). */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class EnterpriseWriteIT {
    private static final String PROBLEM_JSON = "application/problem+json";
    /** chem-banan-01 exactly as seeded, as its own enterprise user would send it back. */
    private static final String CHEM = """
            {"name": "重庆南彭化工储运有限公司", "uscc": "91500113MA5U4XYD7T", "legalRepresentative": "陈建国",
             "address": "重庆市巴南区南彭街道华南村化工园区8号", "district": "巴南区", "town": "南彭街道",
             "longitude": 106.6712, "latitude": 29.3845, "sectors": ["HAZARDOUS_CHEMICALS"], "riskColour": "ORANGE",
             "standardisationGrade": "GRADE_2", "insurance": {"policyNumber": "AQZR-2026-500113-0001", "expiresOn": "2027-03-31"}}
            """;

    @Test
    void shouldCreateReadUpdateAndFindEnterpriseWhenRegulatorRegistersIt() {
        String body = entry("bishan-write-01", uscc("91500120MA5W0001X"), "重庆璧山写入测试有限公司", "YELLOW");
        given().auth().oauth2(token("reg.city")).contentType("application/json").body(body)
                .when().post("/api/enterprises")
                .then().statusCode(201).body("id", equalTo("bishan-write-01")).body("status", equalTo("OPERATING"))
                // the public path behind the gateway, never this service's own host and port
                .header("Location", equalTo("/api/enterprises/bishan-write-01"))
                .body("longitude", equalTo(106.23f));
        given().auth().oauth2(token("reg.city")).contentType("application/json").body(body)
                .when().post("/api/enterprises")
                .then().statusCode(409).contentType(PROBLEM_JSON).body("code", equalTo("ENTERPRISE_EXISTS"));
        given().auth().oauth2(token("reg.city")).contentType("application/json")
                .body(entry("bishan-write-01", uscc("91500120MA5W0001X"), "重庆璧山写入测试有限公司", "RED"))
                .when().put("/api/enterprises/bishan-write-01")
                .then().statusCode(200).body("riskColour", equalTo("RED"));
        given().auth().oauth2(token("reg.city")).queryParam("district", "璧山区").queryParam("riskColour", "red")
                .queryParam("status", "OPERATING").queryParam("town", "璧城街道").queryParam("q", "写入测试")
                .when().get("/api/enterprises")
                .then().statusCode(200).body("items.id", hasItem("bishan-write-01"))
                .body("items.riskColour", everyItem(equalTo("RED")));
        given().auth().oauth2(token("reg.city")).queryParam("q", "没有这个名字").when().get("/api/enterprises")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldAnswer409AndWriteNothingWhenUsccIsAlreadyRegistered() {
        String body = entry("bishan-dup-01", "91500113MA5U4XYD7T", "抄袭信用代码的公司", "BLUE");
        given().auth().oauth2(token("ops")).contentType("application/json").body(body)
                .when().post("/api/enterprises")
                .then().statusCode(409).contentType(PROBLEM_JSON).body("code", equalTo("USCC_TAKEN"))
                .body("errors[0].field", equalTo("uscc"));
        given().auth().oauth2(token("ops")).when().get("/api/enterprises/bishan-dup-01").then().statusCode(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong USCC check character | uscc                | INVALID_USCC      | {"id": "bishan-bad-01", "name": "坏", "uscc": "91500113MA5U4XYD7A", "district": "璧山区", "sectors": ["INDUSTRY_TRADE"]}
            unknown enum value         | riskColour          | MALFORMED_REQUEST | {"id": "bishan-bad-02", "name": "坏", "uscc": "91500113MA5U4XYD7T", "district": "璧山区", "sectors": ["INDUSTRY_TRADE"], "riskColour": "PURPLE"}
            unknown sector             | sectors.[0]         | MALFORMED_REQUEST | {"id": "bishan-bad-03", "name": "坏", "uscc": "91500113MA5U4XYD7T", "district": "璧山区", "sectors": ["BAKERY"]}
            missing name               | name                | VALIDATION_FAILED | {"id": "bishan-bad-04", "uscc": "91500113MA5U4XYD7T", "district": "璧山区", "sectors": ["INDUSTRY_TRADE"]}
            missing sectors            | sectors             | VALIDATION_FAILED | {"id": "bishan-bad-05", "name": "坏", "uscc": "91500113MA5U4XYD7T", "district": "璧山区"}
            bad id                     | id                  | VALIDATION_FAILED | {"id": "Bad Id!", "name": "坏", "uscc": "91500113MA5U4XYD7T", "district": "璧山区", "sectors": ["INDUSTRY_TRADE"]}
            latitude out of range      | latitude            | VALIDATION_FAILED | {"id": "bishan-bad-06", "name": "坏", "uscc": "91500113MA5U4XYD7T", "district": "璧山区", "sectors": ["INDUSTRY_TRADE"], "latitude": 95}
            malformed JSON             | body                | MALFORMED_JSON    | {"id": "bishan-bad-07", "name": 
            NUL in the name            | name                | VALIDATION_FAILED | {"id": "bishan-bad-08", "name": "坏\\u0000", "uscc": "91500113MA5U4XYD7T", "district": "璧山区", "sectors": ["INDUSTRY_TRADE"]}
            escape in the address      | address             | VALIDATION_FAILED | {"id": "bishan-bad-09", "name": "坏", "address": "\\u001b[2J", "uscc": "91500113MA5U4XYD7T", "district": "璧山区", "sectors": ["INDUSTRY_TRADE"]}
            eleven sectors             | sectors             | VALIDATION_FAILED | {"id": "bishan-bad-10", "name": "坏", "uscc": "91500113MA5U4XYD7T", "district": "璧山区", "sectors": ["INDUSTRY_TRADE","INDUSTRY_TRADE","INDUSTRY_TRADE","INDUSTRY_TRADE","INDUSTRY_TRADE","INDUSTRY_TRADE","INDUSTRY_TRADE","INDUSTRY_TRADE","INDUSTRY_TRADE","INDUSTRY_TRADE","INDUSTRY_TRADE"]}
            insurance until 9999       | insurance.expiresOn | VALIDATION_FAILED | {"id": "bishan-bad-11", "name": "坏", "uscc": "91500120MA5W0009X", "district": "璧山区", "sectors": ["INDUSTRY_TRADE"], "insurance": {"policyNumber": "AQZR-9", "expiresOn": "9999-12-31"}}
            """)
    void shouldAnswer400NamingTheFieldWhenEntryIsInvalid(String why, String field, String code, String body) {
        given().auth().oauth2(token("reg.city")).contentType("application/json").body(body)
                .when().post("/api/enterprises")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("code", equalTo(code))
                .body("errors.field", hasItem(field));
        given().auth().oauth2(token("reg.city")).queryParam("district", "璧山区").queryParam("q", "坏")
                .when().get("/api/enterprises").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldAnswer400WhenNameIsOversized() {
        String body = entry("bishan-long-01", uscc("91500120MA5W0002X"), "长".repeat(101), "BLUE");
        given().auth().oauth2(token("reg.city")).contentType("application/json").body(body)
                .when().post("/api/enterprises")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(token("reg.city")).when().get("/api/enterprises/bishan-long-01").then().statusCode(404);
    }

    @Test
    void shouldAuditStatusChangeWhenRegulatorSuspendsEnterprise() {
        given().auth().oauth2(token("ops")).contentType("application/json")
                .body(entry("bishan-status-01", uscc("91500120MA5W0003X"), "重庆璧山停产测试有限公司", "BLUE"))
                .when().post("/api/enterprises").then().statusCode(201);
        given().auth().oauth2(token("ops")).contentType("application/json")
                .body("{\"status\": \"SUSPENDED\", \"reason\": \"x\"}")
                .when().put("/api/enterprises/bishan-status-01/status").then().statusCode(403);
        given().auth().oauth2(token("reg.city")).contentType("application/json")
                .body("{\"status\": \"SUSPENDED\", \"reason\": \"渝应急停〔2026〕12号 停产整顿\"}")
                .when().put("/api/enterprises/bishan-status-01/status")
                .then().statusCode(200).body("status", equalTo("SUSPENDED"));
        given().auth().oauth2(token("reg.city")).contentType("application/json")
                .body("{\"status\": \"CLOSING\", \"reason\": \"x\"}")
                .when().put("/api/enterprises/bishan-status-01/status")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().auth().oauth2(token("reg.city")).when().get("/api/enterprises/bishan-status-01/status-history")
                .then().statusCode(200).body("items", hasSize(1)).body("total", equalTo(1))
                .body("items[0].who", equalTo("reg.city")).body("items[0].role", equalTo("regulator"))
                .body("items[0].from", equalTo("OPERATING")).body("items[0].to", equalTo("SUSPENDED"))
                .body("items[0].note", equalTo("渝应急停〔2026〕12号 停产整顿"));
        EnterpriseChanged announced = awaitAnnounced("bishan-status-01", EnterpriseChanged.Change.STATUS_CHANGED);
        assertEquals("SUSPENDED", announced.status());
        // An edit does not touch the regulator's status.
        given().auth().oauth2(token("ops")).contentType("application/json")
                .body(entry("bishan-status-01", uscc("91500120MA5W0003X"), "重庆璧山停产测试有限公司", "YELLOW"))
                .when().put("/api/enterprises/bishan-status-01")
                .then().statusCode(200).body("status", equalTo("SUSPENDED"));
    }

    /**
     * What the regulator sets, an enterprise cannot change in its own entry: the refusal names the field and nothing
     * is written. Dropping HAZARDOUS_CHEMICALS from its sectors would have freed it from the daily commitment.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            riskColour           | "riskColour": "ORANGE"                     | "riskColour": "BLUE"
            sectors              | "sectors": ["HAZARDOUS_CHEMICALS"]         | "sectors": ["INDUSTRY_TRADE"]
            standardisationGrade | "standardisationGrade": "GRADE_2"           | "standardisationGrade": "GRADE_1"
            town                 | "town": "南彭街道"                          | "town": "李家沱街道"
            district             | "district": "巴南区"                        | "district": "渝北区"
            """)
    void shouldRefuseNamingTheFieldWhenEnterpriseChangesARegulatorOwnedOne(String field, String own, String changed) {
        given().auth().oauth2(token("ent.chem")).contentType("application/json").body(CHEM.replace(own, changed))
                .when().put("/api/enterprises/chem-banan-01")
                .then().statusCode(403).contentType(PROBLEM_JSON).body("code", equalTo("FIELD_REGULATOR_OWNED"))
                .body("errors.field", equalTo(List.of(field)));
        given().auth().oauth2(token("ent.chem")).when().get("/api/enterprises/chem-banan-01")
                .then().statusCode(200).body("riskColour", equalTo("ORANGE")).body("sectors", equalTo(List.of("HAZARDOUS_CHEMICALS")))
                .body("standardisationGrade", equalTo("GRADE_2")).body("town", equalTo("南彭街道"));
        given().auth().oauth2(token("ent.chem")).contentType("application/json").body(CHEM)
                .when().put("/api/enterprises/chem-banan-01")
                .then().statusCode(200).body("riskColour", equalTo("ORANGE"));
    }

    @Test
    void shouldLetRegulatorChangeSectorsAndGradeWhenEnterpriseCannot() {
        given().auth().oauth2(token("ops")).contentType("application/json")
                .body(entry("bishan-owned-01", uscc("91500120MA5W0004X"), "重庆璧山定级测试有限公司", "BLUE"))
                .when().post("/api/enterprises").then().statusCode(201);
        given().auth().oauth2(token("reg.city")).contentType("application/json")
                .body(entry("bishan-owned-01", uscc("91500120MA5W0004X"), "重庆璧山定级测试有限公司", "BLUE")
                        .replace("\"INDUSTRY_TRADE\"", "\"INDUSTRY_TRADE\", \"SPECIAL_EQUIPMENT\"")
                        .replace("GRADE_3", "GRADE_1"))
                .when().put("/api/enterprises/bishan-owned-01")
                .then().statusCode(200).body("sectors", equalTo(List.of("INDUSTRY_TRADE", "SPECIAL_EQUIPMENT")))
                .body("standardisationGrade", equalTo("GRADE_1"));
    }

    /** Reads the registry topic from the start until {@code id} was announced with {@code change} (30 s at most). */
    private static EnterpriseChanged awaitAnnounced(String id, EnterpriseChanged.Change change) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "write-test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, EnterpriseChanged> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new EnterpriseChangedDeserializer())) {
            consumer.subscribe(List.of(Topics.ENTERPRISE_REGISTRY));
            AtomicReference<EnterpriseChanged> found = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, EnterpriseChanged> r : consumer.poll(Duration.ofMillis(500))) {
                    if (id.equals(r.key()) && r.value() != null && r.value().change() == change) {
                        found.set(r.value());
                    }
                }
                return found.get() != null;
            });
            return found.get();
        }
    }

    static String uscc(String first17) {
        return first17 + Uscc.checkCharacter(first17);
    }

    static String entry(String id, String uscc, String name, String colour) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"uscc\": \"" + uscc + "\","
                + " \"legalRepresentative\": \"测试\", \"address\": \"重庆市璧山区\", \"district\": \"璧山区\","
                + " \"town\": \"璧城街道\", \"longitude\": 106.23, \"latitude\": 29.59, \"sectors\": [\"INDUSTRY_TRADE\"],"
                + " \"riskColour\": \"" + colour + "\", \"standardisationGrade\": \"GRADE_3\","
                + " \"insurance\": {\"policyNumber\": \"AQZR-TEST\", \"expiresOn\": \"2027-12-31\"}}";
    }

    private static String token(String user) {
        return TestInfra.shared().token(user);
    }
}
