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

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Registering, editing and suspending enterprises over REST; bad input refused whole (璧山区 is this test's own). */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class EnterpriseWriteTest {
    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void shouldCreateReadUpdateAndFindEnterpriseWhenRegulatorRegistersIt() {
        String body = entry("bishan-write-01", uscc("91500120MA5W0001X"), "重庆璧山写入测试有限公司", "YELLOW");
        given().auth().oauth2(token("reg.city")).contentType("application/json").body(body)
                .when().post("/api/enterprises")
                .then().statusCode(201).body("id", equalTo("bishan-write-01")).body("status", equalTo("OPERATING"))
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
        String body = entry("bishan-long-01", uscc("91500120MA5W0002X"), "长".repeat(201), "BLUE");
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
                .then().statusCode(200).body("", hasSize(1))
                .body("[0].who", equalTo("reg.city")).body("[0].role", equalTo("regulator"))
                .body("[0].from", equalTo("OPERATING")).body("[0].to", equalTo("SUSPENDED"))
                .body("[0].note", equalTo("渝应急停〔2026〕12号 停产整顿"));
        EnterpriseChanged announced = awaitAnnounced("bishan-status-01", EnterpriseChanged.Change.STATUS_CHANGED);
        assertEquals("SUSPENDED", announced.status());
        // An edit does not touch the regulator's status.
        given().auth().oauth2(token("ops")).contentType("application/json")
                .body(entry("bishan-status-01", uscc("91500120MA5W0003X"), "重庆璧山停产测试有限公司", "YELLOW"))
                .when().put("/api/enterprises/bishan-status-01")
                .then().statusCode(200).body("status", equalTo("SUSPENDED"));
    }

    @Test
    void shouldRefuseRegulatorOwnedFieldsWhenEnterpriseEditsItsOwnEntry() {
        String own = """
                {"name": "重庆南彭化工储运有限公司", "uscc": "91500113MA5U4XYD7T", "legalRepresentative": "陈建国",
                 "address": "重庆市巴南区南彭街道华南村化工园区8号", "district": "巴南区", "town": "南彭街道",
                 "longitude": 106.6712, "latitude": 29.3845, "sectors": ["HAZARDOUS_CHEMICALS"], "riskColour": "%s",
                 "standardisationGrade": "GRADE_2", "insurance": {"policyNumber": "AQZR-2026-500113-0001", "expiresOn": "2027-03-31"}}
                """;
        given().auth().oauth2(token("ent.chem")).contentType("application/json").body(own.formatted("BLUE"))
                .when().put("/api/enterprises/chem-banan-01")
                .then().statusCode(403).contentType(PROBLEM_JSON).body("code", equalTo("FIELD_REGULATOR_OWNED"))
                .body("errors[0].field", equalTo("riskColour"));
        given().auth().oauth2(token("ent.chem")).when().get("/api/enterprises/chem-banan-01")
                .then().statusCode(200).body("riskColour", equalTo("ORANGE"));
        given().auth().oauth2(token("ent.chem")).contentType("application/json").body(own.formatted("ORANGE"))
                .when().put("/api/enterprises/chem-banan-01")
                .then().statusCode(200).body("riskColour", equalTo("ORANGE"));
    }

    /** Reads the registry topic from the start until {@code id} was announced with {@code change} (30 s at most). */
    private static EnterpriseChanged awaitAnnounced(String id, EnterpriseChanged.Change change) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "write-test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, EnterpriseChanged> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new EnterpriseChangedDeserializer())) {
            consumer.subscribe(List.of(Topics.ENTERPRISE_REGISTRY));
            long until = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, EnterpriseChanged> r : consumer.poll(Duration.ofMillis(500))) {
                    if (id.equals(r.key()) && r.value() != null && r.value().change() == change) {
                        return r.value();
                    }
                }
            }
        }
        throw new AssertionError(id + " was not announced as " + change);
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
