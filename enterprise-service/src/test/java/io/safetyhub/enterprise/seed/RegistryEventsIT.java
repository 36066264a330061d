package io.safetyhub.enterprise.seed;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.enterprise.messaging.RegistryTopic;
import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.EnterpriseChangedDeserializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What other services rely on: the seeded registry is on the compacted topic, keyed by enterprise id. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class RegistryEventsIT {
    @Inject
    RegistryTopic registryTopic;

    @Test
    void shouldPublishEveryDemoEnterpriseWhenSeedRuns() {
        Map<String, ConsumerRecord<String, EnterpriseChanged>> latest = readRegistry(10);
        ConsumerRecord<String, EnterpriseChanged> chem = latest.get("chem-banan-01");
        assertNotNull(chem, "chem-banan-01 was not published; got " + latest.keySet());
        EnterpriseChanged event = chem.value();
        assertEquals("chem-banan-01", event.enterpriseId());
        assertEquals("巴南区", event.district());
        assertEquals("ORANGE", event.riskColour());
        assertEquals(List.of("HAZARDOUS_CHEMICALS"), event.sectors());
        assertEquals("OPERATING", event.status());
        assertEquals("enterprise-service", event.source());
        assertEquals("91500113MA5U4XYD7T", event.uscc());
        assertNotNull(event.eventId());
        assertNotNull(event.occurredAt());
        assertTrue(latest.keySet().containsAll(List.of("build-yubei-01", "gas-banan-01", "chem-jiangbei-01",
                "fire-jiangbei-01", "transport-yubei-01")), latest.keySet().toString());
        latest.forEach((key, record) -> assertEquals(key, record.value().enterpriseId(), "key must be the enterprise id"));
    }

    @Test
    void shouldSwitchATopicToCompactionWhenTheBrokerHadCreatedItWithTheDeletePolicy() throws Exception {
        String name = "test.compaction-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfra.shared().kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, Optional.empty(), Optional.empty()).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)))).all().get(30, TimeUnit.SECONDS);
            // at once: the topic may still be unknown to describeConfigs, which CompactedTopics asks again
            registryTopic.ensureCompacted(name);
            assertEquals(TopicConfig.CLEANUP_POLICY_COMPACT, policy(admin, name));

            String fresh = "test.compaction-" + UUID.randomUUID();
            registryTopic.ensureCompacted(fresh);
            assertEquals(TopicConfig.CLEANUP_POLICY_COMPACT, policy(admin, fresh), "a missing topic is created compacted");
        }
    }

    private static String policy(Admin admin, String name) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
        return admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic)
                .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }

    @Test
    void shouldKeepRegistryTopicCompactedWhenServiceHasStarted() throws Exception {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers());
        try (Admin admin = Admin.create(config)) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ENTERPRISE_REGISTRY);
            String policy = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS)
                    .get(topic).get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            assertEquals(TopicConfig.CLEANUP_POLICY_COMPACT, policy);
        }
    }

    /** Reads the topic from the beginning until at least {@code expected} distinct keys arrived (30 s at most). */
    static Map<String, ConsumerRecord<String, EnterpriseChanged>> readRegistry(int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "registry-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, ConsumerRecord<String, EnterpriseChanged>> latest = new HashMap<>();
        try (KafkaConsumer<String, EnterpriseChanged> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new EnterpriseChangedDeserializer())) {
            consumer.subscribe(List.of(Topics.ENTERPRISE_REGISTRY));
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, EnterpriseChanged> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        latest.put(record.key(), record);
                    }
                }
                return latest.size() >= expected;
            });
        }
        return latest;
    }
}
