package io.safetyhub.emergency.drill;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.emergency.enterprise.EnterpriseDirectory;
import io.safetyhub.emergency.support.Demo;
import io.safetyhub.events.DrillHeld;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.DrillHeldDeserializer;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An enterprise's drill goes to emergency.drills.v1 on the real Kafka once when held and once when evaluated, keyed by
 * the enterprise, both with the drill's id (the consumers' idempotency key); a district's drill is not sent.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class DrillPublishIT {
    @Inject
    EnterpriseDirectory directory;

    @BeforeEach
    void registry() throws Exception {
        Demo.registry(directory);
    }

    @Test
    void shouldPublishTheDrillOnceWhenItIsHeldAndOnceWhenEvaluated() {
        String id = Demo.as("ent.chem").body("{\"title\":\"储罐区泄漏专项演练\",\"form\":\"LIVE\",\"scope\":\"SPECIAL\",\"plannedOn\":\""
                + Demo.today() + "\"}").post("/api/emergency/drills").then().statusCode(201).extract().path("id");
        Demo.as("ent.chem").body("{\"heldOn\":\"" + Demo.today() + "\",\"participants\":20}")
                .post("/api/emergency/drills/" + id + "/held").then().statusCode(200);
        Demo.as("ent.chem").body("{\"summary\":\"响应及时\",\"findings\":[]}")
                .post("/api/emergency/drills/" + id + "/evaluation").then().statusCode(200);
        String district = Demo.as("reg.banan").body("{\"title\":\"区级综合演练\",\"form\":\"TABLETOP\",\"scope\":\"COMPREHENSIVE\","
                + "\"plannedOn\":\"" + Demo.today() + "\"}").post("/api/emergency/drills").then().statusCode(201).extract().path("id");
        Demo.as("reg.banan").body("{\"heldOn\":\"" + Demo.today() + "\",\"participants\":40}")
                .post("/api/emergency/drills/" + district + "/held").then().statusCode(200);

        List<DrillHeld> onTopic = consume(id);
        List<DrillHeld> ours = onTopic.stream().filter(e -> id.equals(e.drillId())).toList();
        assertEquals(List.of(DrillHeld.Status.HELD, DrillHeld.Status.EVALUATED), ours.stream().map(DrillHeld::status).toList());
        assertEquals(List.of("chem-banan-01", "SPECIAL", Demo.today().toString()),
                List.of(ours.get(1).enterpriseId(), ours.get(1).scope(), ours.get(1).heldOn().toString()));
        assertEquals(Demo.today(), ours.get(1).evaluatedOn());
        assertEquals(0, onTopic.stream().filter(e -> district.equals(e.drillId())).count(), "a district drill is no one's credit");
    }

    /** The topic from its start to its end, after both of the drill's events arrived; keys checked. */
    private static List<DrillHeld> consume(String drillId) {
        List<DrillHeld> seen = new ArrayList<>();
        try (KafkaConsumer<String, DrillHeld> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new DrillHeldDeserializer())) {
            consumer.subscribe(List.of(Topics.EMERGENCY_DRILLS));
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, DrillHeld> r : consumer.poll(Duration.ofMillis(500))) {
                    assertEquals(r.value().enterpriseId(), r.key());
                    seen.add(r.value());
                }
                return seen.stream().filter(e -> drillId.equals(e.drillId())).count() >= 2 && atEnd(consumer);
            });
        }
        return seen;
    }

    private static boolean atEnd(KafkaConsumer<?, ?> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        return !assigned.isEmpty() && consumer.endOffsets(assigned).entrySet().stream()
                .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }
}
