package io.safetyhub.adapter.installation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.safetyhub.adapter.testing.TestDevice;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.MajorHazardChanged;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.EventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** A device's hazardSourceId against the installations read from the real enterprise.major-hazards.v1. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class HazardSourceIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void shouldRefuseAnUnknownInstallationAndAcceptAKnownOneWhenAnOperatorRegistersDevices() throws Exception {
        String installation = "MHS-it-" + UUID.randomUUID().toString().substring(0, 8);
        String device = TestDevice.uniqueId("GD");
        await().atMost(WAIT).untilAsserted(() -> post(gasDetector(device, "chem-banan-01", installation))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("hazardSourceId")));

        publish(installation, change(installation, MajorHazardChanged.Change.CREATED));
        await().atMost(WAIT).untilAsserted(() -> post(gasDetector(device, "chem-banan-01", installation))
                .then().statusCode(201).body("hazardSourceStatus", equalTo("REGISTERED")));
        as("ops").get("/api/devices/" + device).then().statusCode(200)
                .body("hazardSourceId", equalTo(installation)).body("hazardSourceStatus", equalTo("REGISTERED"));

        Map<String, Object> wrongGrade = new HashMap<>(gasDetector(TestDevice.uniqueId("GD"), "chem-banan-01", installation));
        wrongGrade.put("hazardGrade", 3);
        post(wrongGrade).then().statusCode(400).body("errors.field", hasItem("hazardGrade"));

        String other = TestDevice.uniqueId("GD");
        post(gasDetector(other, "build-yubei-01", installation)).then().statusCode(400)
                .body("errors.field", hasItem("hazardSourceId"));
        as("ops").get("/api/devices/" + other).then().statusCode(404);
        as("ops").delete("/api/devices/" + device).then().statusCode(204);
    }

    @Test
    void shouldKeepButFlagTheDeviceWhenItsInstallationIsDeleted() throws Exception {
        String installation = "MHS-it-" + UUID.randomUUID().toString().substring(0, 8);
        String device = TestDevice.uniqueId("GD");
        publish(installation, change(installation, MajorHazardChanged.Change.CREATED));
        await().atMost(WAIT).untilAsserted(() -> post(gasDetector(device, "chem-banan-01", installation))
                .then().statusCode(201));

        publish(installation, change(installation, MajorHazardChanged.Change.DELETED));
        publish(installation, null);
        await().atMost(WAIT).untilAsserted(() -> as("ops").get("/api/devices?enterpriseId=chem-banan-01&size=500")
                .then().statusCode(200).body("items.find { it.id == '" + device + "' }.hazardSourceStatus",
                        equalTo("UNKNOWN")));
        // Still bound, and still administrable: the unchanged binding does not block taking it into maintenance.
        Map<String, Object> maintenance = new HashMap<>(gasDetector(device, "chem-banan-01", installation));
        maintenance.put("maintenance", true);
        as("ops").contentType(ContentType.JSON).body(maintenance).put("/api/devices/" + device).then().statusCode(200)
                .body("maintenance", equalTo(true)).body("hazardSourceStatus", equalTo("UNKNOWN"));
        as("ops").delete("/api/devices/" + device).then().statusCode(204);
    }

    private static MajorHazardChanged change(String installation, MajorHazardChanged.Change change) {
        return new MajorHazardChanged(UUID.randomUUID(), Instant.now(), "test", change, installation, "chem-banan-01",
                "储罐区", "巴南区", 2);
    }

    private static void publish(String key, MajorHazardChanged value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers());
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(props, new StringSerializer(),
                new EventSerializer())) {
            producer.send(new ProducerRecord<>(Topics.MAJOR_HAZARDS, key, value)).get();
        }
    }

    private static io.restassured.response.Response post(Map<String, Object> body) {
        return as("ops").contentType(ContentType.JSON).body(body).post("/api/devices");
    }

    private static Map<String, Object> gasDetector(String id, String enterprise, String installation) {
        return Map.of("id", id, "enterpriseId", enterprise, "kind", "gas-detector", "protocol", "MQTT",
                "hazardSourceId", installation, "hazardGrade", 2, "metricUnits", Map.of("gas_lel", "%LEL"));
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestInfra.shared().token(user));
    }
}
