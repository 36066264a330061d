package io.safetyhub.warning.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.events.Topics;
import io.safetyhub.warning.enterprise.EnterpriseDirectory;
import io.safetyhub.warning.support.Feed;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The enterprise directory on the real registry topic: a record it cannot read is not a tombstone. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class EnterpriseRegistryConsumerIT {
    /** One group per replica (warning-service README, "Scaling out"): the one this app's replica uses. */
    private static String group() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("mp.messaging.incoming.side-inputs.group.id", String.class);
    }

    @Inject
    EnterpriseDirectory enterprises;

    @Test
    void shouldKeepTheEnterpriseWhenItsRegistryRecordIsUnreadable() throws Exception {
        String id = "registry-it-" + UUID.randomUUID().toString().substring(0, 8);
        Feed.send(Topics.ENTERPRISE_REGISTRY, id, new EnterpriseChanged(UUID.randomUUID(), Instant.now(), "test",
                EnterpriseChanged.Change.CREATED, id, "测试企业", null, "巴南区", "界石镇", List.of("HAZARDOUS_CHEMICALS"),
                "BLUE", "OPERATING", 106.6, 29.4));
        await().atMost(Duration.ofSeconds(30)).until(() -> enterprises.get(id) != null);

        RecordMetadata garbage = sendRaw(id, "{not json".getBytes(StandardCharsets.UTF_8));
        awaitConsumed(garbage);
        assertNotNull(enterprises.get(id), "an unreadable record must not delete the enterprise");
        assertEquals("巴南区", enterprises.districtOf(id));

        RecordMetadata tombstone = sendRaw(id, null);
        awaitConsumed(tombstone);
        await().atMost(Duration.ofSeconds(10)).until(() -> enterprises.get(id) == null);
    }

    private static RecordMetadata sendRaw(String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(Topics.ENTERPRISE_REGISTRY, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** The service commits an offset only once the record before it is processed. */
    private static void awaitConsumed(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfra.shared().kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group()).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS).get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }
}
