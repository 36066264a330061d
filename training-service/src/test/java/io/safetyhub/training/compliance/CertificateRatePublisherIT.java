package io.safetyhub.training.compliance;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.CertificateRateChanged;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.CertificateRateChangedDeserializer;
import io.safetyhub.training.enterprise.RegisteredEnterpriseRepository;
import io.safetyhub.training.support.Bodies;
import io.safetyhub.training.support.Calls;
import io.safetyhub.training.support.DemoRegistry;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The certificate rate goes out on the real Kafka only when it changes: chem-banan-01 (3 of 5 on the demo data) gets a
 * special-operation worker without a certificate (3 of 6) and loses him again (3 of 5); nothing else is sent.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class CertificateRatePublisherIT {
    @Inject
    RegisteredEnterpriseRepository view;
    @Inject
    CertificateRatePublisher publisher;

    @Test
    void shouldPublishARateOnlyWhenItChanges() throws Exception {
        DemoRegistry.ensure(view);
        publisher.publishChanges(); // whatever earlier tests left unsent
        assertEquals(List.of(), publisher.publishChanges(), "nothing changed, nothing sent");

        String personId = Calls.as("ent.chem").body("{\"name\": \"无证焊工\", \"idCardNumber\": \"" + Bodies.newIdCard("500113")
                        + "\", \"post\": \"焊工\", \"roleCategory\": \"SPECIAL_OPERATION_WORKER\"}").post("/api/personnel")
                .then().statusCode(201).extract().jsonPath().getString("id");
        List<CertificateRateChanged> lower;
        try {
            lower = publisher.publishChanges();
        } finally {
            Calls.as("ent.chem").delete("/api/personnel/" + personId).then().statusCode(204);
        }
        List<CertificateRateChanged> back = publisher.publishChanges();

        assertEquals(1, lower.size(), lower.toString());
        assertEquals(List.of("chem-banan-01", 3L, 6L, 50.0), fields(lower.get(0)));
        assertEquals(1, back.size(), back.toString());
        assertEquals(List.of("chem-banan-01", 3L, 5L, 60.0), fields(back.get(0)));
        assertTrue(back.get(0).asOf().isAfter(lower.get(0).asOf()), "the later rate carries the later asOf");
        List<CertificateRateChanged> onTopic = consume(Set.of(lower.get(0).eventId(), back.get(0).eventId()));
        assertEquals(List.of(lower.get(0), back.get(0)), onTopic.stream()
                .filter(e -> e.eventId().equals(lower.get(0).eventId()) || e.eventId().equals(back.get(0).eventId())).toList());
    }

    private static List<Object> fields(CertificateRateChanged e) {
        return List.of(e.enterpriseId(), e.held(), e.required(), e.rate());
    }

    /** The topic from its start to its end, keyed records checked against their enterpriseId. */
    private static List<CertificateRateChanged> consume(Set<UUID> wanted) {
        List<CertificateRateChanged> seen = new ArrayList<>();
        try (KafkaConsumer<String, CertificateRateChanged> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new CertificateRateChangedDeserializer())) {
            consumer.subscribe(List.of(Topics.TRAINING_CERTIFICATE_RATES));
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, CertificateRateChanged> r : consumer.poll(Duration.ofMillis(500))) {
                    assertEquals(r.value().enterpriseId(), r.key());
                    seen.add(r.value());
                }
                return seen.stream().map(CertificateRateChanged::eventId).toList().containsAll(wanted) && atEnd(consumer);
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
