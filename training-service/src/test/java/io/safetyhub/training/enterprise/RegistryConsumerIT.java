package io.safetyhub.training.enterprise;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.EventSerializer;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The local enterprise view follows the real registry topic: newer wins, stale is ignored, tombstones delete, an
 * unreadable record deletes nothing.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class RegistryConsumerIT {
    @Inject
    RegisteredEnterpriseRepository repository;

    @Test
    void shouldKeepNewestStateAndForgetOnTombstoneWhenRegistryEventsArrive() throws Exception {
        String id = "view-test-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t0 = Instant.parse("2026-11-22T08:00:00Z");
        try (KafkaProducer<String, Object> producer = producer()) {
            send(producer, id, event(id, t0.plusSeconds(60), "YELLOW"));
            await().atMost(Duration.ofSeconds(30)).until(() -> repository.findById(id).isPresent());
            assertEquals("YELLOW", repository.findById(id).orElseThrow().riskColour());

            // Older state delivered late (a replay): ignored. Then a newer one: applied.
            send(producer, id, event(id, t0, "BLUE"));
            send(producer, id, event(id, t0.plusSeconds(120), "RED"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> repository.findById(id).map(RegisteredEnterprise::riskColour), Optional.of("RED")::equals);

            send(producer, id, null);
            await().atMost(Duration.ofSeconds(30)).until(() -> repository.findById(id).isEmpty());
        }
    }

    @Test
    void shouldKeepTheEnterpriseWhenARecordCannotBeRead() throws Exception {
        String id = "view-test-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t0 = Instant.parse("2026-11-22T08:00:00Z");
        try (KafkaProducer<String, Object> producer = producer();
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     TestInfra.shared().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                     new StringSerializer(), new ByteArraySerializer())) {
            send(producer, id, event(id, t0, "YELLOW"));
            await().atMost(Duration.ofSeconds(30)).until(() -> repository.findById(id).isPresent());

            // An unreadable value (null after deserialisation, like a tombstone), then an older state: had the first
            // deleted the copy, the older state would be applied as new. Wait until the service committed past both.
            raw.send(new ProducerRecord<>(Topics.ENTERPRISE_REGISTRY, id, "{not json".getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
            RecordMetadata last = producer.send(new ProducerRecord<>(Topics.ENTERPRISE_REGISTRY, id,
                    event(id, t0.minusSeconds(60), "BLUE"))).get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(60)).until(() -> committed(last.partition()) > last.offset());

            assertEquals("YELLOW", repository.findById(id).orElseThrow().riskColour());
        }
    }

    /** The offset the service's consumer group has committed on a partition of the registry topic (-1: none). */
    private static long committed(int partition) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfra.shared().kafkaBootstrapServers()))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets("training-service").partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).get(new TopicPartition(Topics.ENTERPRISE_REGISTRY, partition));
            return offset == null ? -1 : offset.offset();
        }
    }

    private static EnterpriseChanged event(String id, Instant at, String colour) {
        return new EnterpriseChanged(UUID.randomUUID(), at, "test", EnterpriseChanged.Change.UPDATED, id, "测试企业",
                "91500113MA5U4XYD7T", "巴南区", "南彭街道", List.of("HAZARDOUS_CHEMICALS"), colour, "OPERATING",
                106.67, 29.38);
    }

    private static void send(KafkaProducer<String, Object> producer, String key, EnterpriseChanged value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ENTERPRISE_REGISTRY, key, value)).get(30, TimeUnit.SECONDS);
    }

    private static KafkaProducer<String, Object> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventSerializer());
    }
}
