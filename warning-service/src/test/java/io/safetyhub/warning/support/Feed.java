package io.safetyhub.warning.support;

import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.EventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Puts test records on the real Kafka broker and waits for the broker to take each one. */
public final class Feed {
    private static KafkaProducer<String, Object> producer;

    private Feed() {
    }

    public static synchronized void send(String topic, String key, Object value) {
        sendAt(topic, key, value);
    }

    /** Sends and returns where the broker put the record (partition, offset). */
    public static synchronized RecordMetadata sendAt(String topic, String key, Object value) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventSerializer());
        }
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not take the test record", e);
        }
    }

    /** The two demo enterprises of the realm, in the districts their users are scoped to. */
    public static void demoEnterprises() {
        send(Topics.ENTERPRISE_REGISTRY, "chem-banan-01", new EnterpriseChanged(UUID.randomUUID(), Instant.now(),
                "test", EnterpriseChanged.Change.CREATED, "chem-banan-01", "重庆长江化工有限公司", null, "巴南区",
                "界石镇", List.of("HAZARDOUS_CHEMICALS"), "ORANGE", "OPERATING", 106.6, 29.4));
        send(Topics.ENTERPRISE_REGISTRY, "build-yubei-01", new EnterpriseChanged(UUID.randomUUID(), Instant.now(),
                "test", EnterpriseChanged.Change.CREATED, "build-yubei-01", "渝北建工", null, "渝北区",
                "龙溪街道", List.of("CONSTRUCTION"), "YELLOW", "OPERATING", 106.6, 29.7));
    }
}
