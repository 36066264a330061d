package io.safetyhub.warning.alarm;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.EventSerializer;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

/** Readings on the real Kafka broker become stored alarms, visible only within the caller's scope. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class AlarmFlowIT {
    private static KafkaProducer<String, Object> producer;

    @Inject
    AlarmStore store;

    @BeforeAll
    static void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventSerializer());
        send(Topics.ENTERPRISE_REGISTRY, "chem-banan-01", new EnterpriseChanged(UUID.randomUUID(), Instant.now(),
                "test", EnterpriseChanged.Change.CREATED, "chem-banan-01", "重庆长江化工有限公司", null, "巴南区",
                "界石镇", List.of("HAZARDOUS_CHEMICALS"), "ORANGE", "OPERATING", 106.6, 29.4));
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @BeforeEach
    void clean() {
        store.deleteAll();
    }

    @Test
    void shouldRaiseOneOrangeAlarmVisibleToItsEnterpriseWhenGasReaches60PercentLel() {
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(Topics.READINGS, "GA-0001", reading("GA-0001", 60.0, ts));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestInfra.shared().token("ent.chem"))
                        .when().get("/api/alarms")
                        .then().statusCode(200)
                        .body("total", is(1))
                        .body("items[0].level", equalTo("ORANGE"))
                        .body("items[0].levelRoman", equalTo("II"))
                        .body("items[0].status", equalTo("ACTIVE"))
                        .body("items[0].deviceId", equalTo("GA-0001"))
                        .body("items[0].enterpriseId", equalTo("chem-banan-01")));

        given().auth().oauth2(TestInfra.shared().token("ent.build"))
                .when().get("/api/alarms")
                .then().statusCode(200).body("total", is(0)).body("items", hasSize(0));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(TestInfra.shared().token("reg.banan"))
                        .when().get("/api/alarms")
                        .then().statusCode(200).body("total", is(1)).body("items[0].district", equalTo("巴南区")));
    }

    @Test
    void shouldKeepOneAlarmWhenTheSameReadingIsReplayedAndALaterOneWorsens() {
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(Topics.READINGS, "GA-0002", reading("GA-0002", 25.0, ts));
        send(Topics.READINGS, "GA-0002", reading("GA-0002", 25.0, ts));
        send(Topics.READINGS, "GA-0002", reading("GA-0002", 55.0, ts.plusSeconds(1)));
        send(Topics.READINGS, "GA-0002", reading("GA-0002", 30.0, ts.plusSeconds(2)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestInfra.shared().token("reg.city"))
                        .queryParam("enterpriseId", "chem-banan-01")
                        .when().get("/api/alarms")
                        .then().statusCode(200)
                        .body("total", is(1))
                        .body("items[0].level", equalTo("ORANGE"))
                        .body("items[0].value", is(30.0f))
                        .body("items[0].peakValue", is(55.0f)));
    }

    @Test
    void shouldRaiseOnARealReadingWhenTheDeviceSentOneDatedIn2099() {
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(Topics.READINGS, "GA-0004", reading("GA-0004", 5.0, Instant.parse("2099-01-01T00:00:00Z")));
        send(Topics.READINGS, "GA-0004", reading("GA-0004", 75.0, ts.plusSeconds(1)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestInfra.shared().token("ent.chem"))
                        .when().get("/api/alarms")
                        .then().statusCode(200)
                        .body("total", is(1))
                        .body("items[0].deviceId", equalTo("GA-0004"))
                        .body("items[0].level", equalTo("ORANGE")));
    }

    @Test
    void shouldAnswerProblemJsonWhenCallerHasNoToken() {
        given().when().get("/api/alarms").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void shouldHideAnotherEnterprisesAlarmWhenReadById() {
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(Topics.READINGS, "GA-0003", reading("GA-0003", 70.0, ts));
        String id = Alarm.idFor("GA-0003", "default-gas-lel", ts);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestInfra.shared().token("ent.chem")).when().get("/api/alarms/" + id)
                        .then().statusCode(200).body("id", equalTo(id)));

        given().auth().oauth2(TestInfra.shared().token("ent.build")).when().get("/api/alarms/" + id)
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void shouldNameTheFieldWhenPageSizeIsOutOfRange() {
        given().auth().oauth2(TestInfra.shared().token("reg.city")).queryParam("size", 1000)
                .when().get("/api/alarms")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("size"));
    }

    private static Reading reading(String device, double value, Instant ts) {
        return new Reading(UUID.randomUUID(), Instant.now(), "test", device, "chem-banan-01", "gas-alarm", null,
                "gas_lel", value, "%LEL", null, ts, Instant.now(), Quality.GOOD);
    }

    private static void send(String topic, String key, Object value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not take the test record", e);
        }
    }
}
