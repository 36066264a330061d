package io.safetyhub.adapter.device;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.safetyhub.adapter.testing.TestDevice;
import io.safetyhub.adapter.testing.TopicReader;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.DeviceChanged;
import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.DeviceChangedDeserializer;
import io.safetyhub.events.serde.EventSerializer;
import io.safetyhub.events.serde.Json;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** /api/devices with real Keycloak tokens: the role and tenant matrix, validation, and the registry events. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class DeviceResourceIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Every device on one page: other tests of this JVM register devices of their own. */
    private static final String ALL = "/api/devices?size=500";

    @BeforeAll
    static void enterprisesAreKnown() throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers());
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(props, new StringSerializer(),
                new EventSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ENTERPRISE_REGISTRY, "chem-banan-01", enterprise("chem-banan-01",
                    "巴南区", "南彭街道", "HAZARDOUS_CHEMICALS"))).get();
            producer.send(new ProducerRecord<>(Topics.ENTERPRISE_REGISTRY, "gas-banan-01", enterprise("gas-banan-01",
                    "巴南区", "鱼洞街道", "TOWN_GAS"))).get();
            producer.send(new ProducerRecord<>(Topics.ENTERPRISE_REGISTRY, "build-yubei-01", enterprise("build-yubei-01",
                    "渝北区", "龙溪街道", "CONSTRUCTION"))).get();
        }
    }

    @Test
    void shouldShowOnlyOwnDevicesWhenCallerIsAnEnterprise() {
        as("ent.chem").get(ALL).then().statusCode(200)
                .body("items.id", hasItems("GA-0001", "GA-0002", "TK-T101"))
                .body("items.enterpriseId", everyItem(equalTo("chem-banan-01")));
        as("ent.chem").get("/api/devices/TC-0001").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        as("ent.build").get("/api/devices/GA-0001").then().statusCode(404);
        as("ent.build").get("/api/devices/TC-0001").then().statusCode(200).body("kind", equalTo("tower-crane"));
    }

    @Test
    void shouldShowOnlyTheDistrictWhenCallerIsADistrictRegulator() {
        await().atMost(WAIT).untilAsserted(() -> as("reg.banan").get(ALL).then().statusCode(200)
                .body("items.id", hasItem("GA-0001")));
        as("reg.banan").get(ALL).then().body("items.id", not(hasItem("TC-0001")));
        as("reg.banan").get("/api/devices/TC-0001").then().statusCode(404);
        as("reg.banan").get("/api/devices/GA-0001").then().statusCode(200).body("enterpriseId", equalTo("chem-banan-01"));
    }

    @Test
    void shouldShowOnlyItsTownWhenCallerIsATownRegulator() {
        String other = "GA-YD-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        await().atMost(WAIT).untilAsserted(() -> as("ops").contentType("application/json")
                .body(Map.of("id", other, "enterpriseId", "gas-banan-01", "kind", "gas-alarm", "protocol", "MQTT"))
                .post("/api/devices").then().statusCode(201));
        // reg.nanpeng: 巴南区/南彭街道, where chem-banan-01 is; gas-banan-01 is in 巴南区's 鱼洞街道
        await().atMost(WAIT).untilAsserted(() -> as("reg.nanpeng").get("/api/devices/GA-0001").then().statusCode(200));
        as("reg.nanpeng").get(ALL).then().statusCode(200).body("items.id", hasItem("GA-0001"))
                .body("items.id", not(hasItem(other))).body("items.id", not(hasItem("TC-0001")));
        as("reg.nanpeng").get("/api/devices/" + other).then().statusCode(404);
        as("reg.banan").get("/api/devices/" + other).then().statusCode(200);
    }

    @Test
    void shouldShowEveryDeviceWhenCallerIsCityRegulatorOrOperator() {
        for (String user : List.of("reg.city", "ops")) {
            as(user).get(ALL).then().statusCode(200).body("items.id", hasItems("GA-0001", "TC-0001", "GD-T101"));
        }
        as("reg.city").get("/api/devices/GD-T101").then().statusCode(200)
                .body("protocol", equalTo("OPC_UA"))
                .body("opcUaNodeIds.gas_lel", equalTo("ns=2;s=TankFarm/GD101/gas_lel"))
                .body("hazardSourceId", equalTo("MHS-chem-banan-01-01"))
                .body("publishingIntervalSeconds", equalTo(30));
    }

    @Test
    void shouldAnswerOnePageWithItsTotalWhenPageAndSizeAreGiven() {
        String enterprise = "paged-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = List.of(enterprise + "-a", enterprise + "-b", enterprise + "-c");
        ids.forEach(id -> as("ops").contentType(ContentType.JSON).body(Map.of("id", id, "enterpriseId", enterprise,
                "kind", "gas-alarm", "protocol", "MQTT")).post("/api/devices").then().statusCode(201));
        as("ops").get("/api/devices?enterpriseId=" + enterprise + "&size=2&page=1").then().statusCode(200)
                .body("page", equalTo(1)).body("size", equalTo(2)).body("total", equalTo(3))
                .body("items.id", contains(ids.get(2)));
        as("ops").get("/api/devices?enterpriseId=" + enterprise + "&size=2").then().statusCode(200)
                .body("items.id", contains(ids.get(0), ids.get(1)));
        as("ops").get("/api/devices?enterpriseId=" + enterprise + "&protocol=opc_ua").then().statusCode(200)
                .body("total", equalTo(0)).body("items.size()", equalTo(0));
        as("ent.chem").get("/api/devices?size=501").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("size"));
        as("ent.chem").get("/api/devices?page=-1").then().statusCode(400).body("errors.field", hasItem("page"));
        ids.forEach(id -> as("ops").delete("/api/devices/" + id).then().statusCode(204));
    }

    @Test
    void shouldKeepAnEnterpriseVisibleToItsDistrictWhenAnUnreadableRegistryRecordArrives() throws Exception {
        await().atMost(WAIT).untilAsserted(() -> as("reg.banan").get("/api/devices/GA-0001").then().statusCode(200));
        String marker = "marker-" + UUID.randomUUID();
        String device = TestDevice.uniqueId("GA");
        as("ops").contentType(ContentType.JSON).body(Map.of("id", device, "enterpriseId", marker, "kind", "gas-alarm",
                "protocol", "MQTT")).post("/api/devices").then().statusCode(201);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            // Unreadable: it arrives with a null value, like a tombstone, and must not delete chem-banan-01.
            producer.send(new ProducerRecord<>(Topics.ENTERPRISE_REGISTRY, "chem-banan-01",
                    "{not json".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(Topics.ENTERPRISE_REGISTRY, marker,
                    Json.write(enterprise(marker, "巴南区", null, "CONSTRUCTION")))).get();
        }
        // The marker enterprise's device shows once the consumer is past the unreadable record.
        await().atMost(WAIT).untilAsserted(() -> as("reg.banan").get("/api/devices/" + device).then().statusCode(200));
        as("reg.banan").get("/api/devices/GA-0001").then().statusCode(200);
        as("ops").delete("/api/devices/" + device).then().statusCode(204);
    }

    @Test
    void shouldRefuseWritesWhenCallerIsNotOperator() {
        String id = TestDevice.uniqueId("GA");
        for (String user : List.of("reg.city", "reg.banan", "ent.chem")) {
            as(user).contentType(ContentType.JSON).body(gasAlarm(id)).post("/api/devices").then().statusCode(403)
                    .contentType("application/problem+json");
            as(user).delete("/api/devices/GA-0001").then().statusCode(403);
        }
        given().get("/api/devices").then().statusCode(401).contentType("application/problem+json");
        as("ops").get("/api/devices/" + id).then().statusCode(404);
    }

    @Test
    void shouldCreateReplaceAndDeleteAndPublishEachChangeWhenOperatorWrites() {
        String id = TestDevice.uniqueId("GA");
        try (TopicReader<DeviceChanged> registry = new TopicReader<>(Topics.DEVICE_REGISTRY, new DeviceChangedDeserializer())) {
            as("ops").contentType(ContentType.JSON).body(gasAlarm(id)).post("/api/devices").then().statusCode(201)
                    .body("id", equalTo(id)).body("mqttDeviceId", equalTo(id)).body("maintenance", equalTo(false))
                    .body("enabled", equalTo(true));
            as("ops").contentType(ContentType.JSON).body(gasAlarm(id)).post("/api/devices").then().statusCode(409)
                    .body("code", equalTo("DEVICE_EXISTS"));
            Map<String, Object> changed = new java.util.HashMap<>(gasAlarm(id));
            changed.put("maintenance", true);
            changed.put("publishingIntervalSeconds", 60);
            changed.put("enabled", false);
            as("ops").contentType(ContentType.JSON).body(changed).put("/api/devices/" + id).then().statusCode(200)
                    .body("maintenance", equalTo(true)).body("publishingIntervalSeconds", equalTo(60))
                    .body("enabled", equalTo(false));
            as("ops").delete("/api/devices/" + id).then().statusCode(204);
            as("ops").get("/api/devices/" + id).then().statusCode(404);

            var records = registry.await(r -> id.equals(r.key()), 4, WAIT);
            assertEquals(DeviceChanged.Change.CREATED, records.get(0).value().change());
            assertEquals(Map.of("gas_lel", "%LEL"), records.get(0).value().metricUnits());
            assertEquals(DeviceChanged.Change.UPDATED, records.get(1).value().change());
            assertEquals(60, records.get(1).value().publishingIntervalSeconds());
            assertEquals(DeviceChanged.Change.DELETED, records.get(2).value().change());
            assertNull(records.get(3).value(), "tombstone after DELETED");
        }
    }

    @Test
    void shouldKeepTheRegistryTopicCompactedWhenTheAdapterHasStarted() throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                "bootstrap.servers", TestInfra.shared().kafkaBootstrapServers()))) {
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.DEVICE_REGISTRY);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertEquals("compact", config.get("cleanup.policy").value());
        }
    }

    @Test
    void shouldNameEveryFieldAndWriteNothingWhenTheRequestIsInvalid() {
        String id = TestDevice.uniqueId("TK");
        Map<String, Object> bad = new java.util.HashMap<>(gasAlarm(id));
        bad.put("kind", "toaster");
        bad.put("protocol", "OPC_UA");
        bad.put("metricUnits", Map.of("level", "furlong"));
        as("ops").contentType(ContentType.JSON).body(bad).post("/api/devices").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItems("kind", "opcUaEndpoint", "opcUaNodeIds", "metricUnits.level"));
        Map<String, Object> badShape = new java.util.HashMap<>(gasAlarm(id));
        badShape.put("hazardGrade", 7);
        badShape.put("enterpriseId", "");
        as("ops").contentType(ContentType.JSON).body(badShape).post("/api/devices").then().statusCode(400)
                .body("errors.field", hasItems("hazardGrade", "enterpriseId"));
        as("ops").get("/api/devices/" + id).then().statusCode(404);
    }

    private static Map<String, Object> gasAlarm(String id) {
        return Map.of("id", id, "enterpriseId", "chem-banan-01", "kind", "gas-alarm", "protocol", "MQTT",
                "metricUnits", Map.of("gas_lel", "%LEL"));
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestInfra.shared().token(user));
    }

    private static EnterpriseChanged enterprise(String id, String district, String town, String sector) {
        return new EnterpriseChanged(UUID.randomUUID(), Instant.now(), "test", EnterpriseChanged.Change.CREATED, id,
                id, null, district, town, List.of(sector), "BLUE", "OPERATING", null, null);
    }
}
