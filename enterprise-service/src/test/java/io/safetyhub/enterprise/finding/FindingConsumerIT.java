package io.safetyhub.enterprise.finding;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.InspectionFinding;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.EventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * enforcement.findings.v1 on the harness' real Kafka becomes a hazard of the right enterprise, once: the same
 * finding sent three times (the outbox's resend) and an unreadable record in between open exactly one hazard.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class FindingConsumerIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void shouldOpenExactlyOneHazardWhenTheSameFindingIsDeliveredThreeTimes() throws Exception {
        String inspectionId = "insp-" + UUID.randomUUID();
        InspectionFinding template = FindingHazardTest.finding(inspectionId + ".HC-MH-05", InspectionFinding.Grade.MAJOR,
                "HAZARDOUS_CHEMICALS");
        InspectionFinding finding = new InspectionFinding(template.eventId(), template.occurredAt(), template.source(), template.findingId(),
                inspectionId, template.enterpriseId(), template.enterpriseName(), template.district(), template.town(),
                template.sector(), template.itemCode(), template.item(), template.legalBasis(), template.note(), template.grade(),
                LocalDate.now().plusDays(30), template.inspectedOn(), template.inspectors(),
                "/api/enforcement/inspections/" + inspectionId);
        String hazardId = FindingHazard.hazardId(finding.findingId());
        try (KafkaProducer<String, Object> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.ENFORCEMENT_FINDINGS, finding.enterpriseId(), finding)).get();
            producer.send(new ProducerRecord<>(Topics.ENFORCEMENT_FINDINGS, finding.enterpriseId(),
                    (Object) "{not json".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(Topics.ENFORCEMENT_FINDINGS, finding.enterpriseId(), finding)).get();
            producer.send(new ProducerRecord<>(Topics.ENFORCEMENT_FINDINGS, finding.enterpriseId(), finding)).get();
        }
        String regulator = TestInfra.shared().token("reg.banan");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(regulator)
                .when().get("/api/hazards/" + hazardId)
                .then().statusCode(200)
                .body("source", equalTo("REGULATOR_INSPECTION"))
                .body("grade", equalTo("MAJOR"))
                .body("deadline", equalTo(finding.deadline().toString()))
                .body("description", containsString(finding.link())));
        // A later finding on the same partition proves the three copies before it were all consumed.
        InspectionFinding marker = new InspectionFinding(UUID.randomUUID(), finding.occurredAt(), finding.source(),
                inspectionId + ".HC-MH-06", inspectionId, finding.enterpriseId(), finding.enterpriseName(),
                finding.district(), finding.town(), finding.sector(), "HC-MH-06", "另一项", null, null,
                InspectionFinding.Grade.GENERAL, finding.deadline(), finding.inspectedOn(), finding.inspectors(),
                finding.link());
        try (KafkaProducer<String, Object> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.ENFORCEMENT_FINDINGS, marker.enterpriseId(), marker)).get();
        }
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(regulator)
                .when().get("/api/hazards/" + FindingHazard.hazardId(marker.findingId())).then().statusCode(200));

        given().auth().oauth2(regulator).queryParam("enterpriseId", "chem-banan-01").queryParam("size", 100)
                .when().get("/api/hazards")
                .then().statusCode(200)
                .body("items.findAll { it.description.contains('" + inspectionId + "') }.size()", equalTo(2));
        given().auth().oauth2(TestInfra.shared().token("ent.chem"))
                .when().get("/api/hazards/" + hazardId + "/origin")
                .then().statusCode(200)
                .body("findingId", equalTo(finding.findingId()))
                .body("inspectionId", equalTo(inspectionId))
                .body("link", equalTo(finding.link()))
                .body("inspectors", hasItem("李四 (50011301)"));
    }

    @Test
    void shouldAnswer404WhenAnotherEnterpriseAsksForTheOrigin() {
        given().auth().oauth2(TestInfra.shared().token("ent.build"))
                .when().get("/api/hazards/" + FindingHazard.hazardId("nobody.X") + "/origin")
                .then().statusCode(404);
    }

    private static KafkaProducer<String, Object> producer() {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new RawOrEvent());
    }

    /** Events as the services write them; raw bytes as they are, to play an unreadable record. */
    private static final class RawOrEvent implements org.apache.kafka.common.serialization.Serializer<Object> {
        private final EventSerializer events = new EventSerializer();

        @Override
        public byte[] serialize(String topic, Object data) {
            return data instanceof byte[] raw ? raw : events.serialize(topic, data);
        }
    }
}
