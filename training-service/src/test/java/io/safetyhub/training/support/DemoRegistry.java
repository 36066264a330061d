package io.safetyhub.training.support;

import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.EventSerializer;
import io.safetyhub.training.enterprise.RegisteredEnterpriseRepository;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Puts the demo enterprises (as enterprise-service's demo seed registers them) on the real registry topic, so
 * that the service's local view knows their names, districts and sectors as it would in the running platform.
 */
public final class DemoRegistry {
    private static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<EnterpriseChanged> DEMO = List.of(
            // towns as enterprise-service seeds them: the town regulator reg.nanpeng (南彭街道) sees chem-banan-01 only
            enterprise("chem-banan-01", "重庆南彭化工储运有限公司", "巴南区", "南彭街道", "HAZARDOUS_CHEMICALS"),
            enterprise("gas-banan-01", "重庆巴南鱼洞燃气有限公司", "巴南区", "鱼洞街道", "TOWN_GAS"),
            enterprise("build-yubei-01", "重庆渝北城建工程有限公司", "渝北区", "龙溪街道", "CONSTRUCTION", "SPECIAL_EQUIPMENT"),
            enterprise("chem-jiangbei-01", "重庆郭家沱精细化工有限公司", "江北区", "郭家沱街道", "HAZARDOUS_CHEMICALS"));
    private static boolean published;

    private DemoRegistry() {
    }

    /** Publishes once per JVM and waits until the local view has every demo enterprise. */
    public static synchronized void ensure(RegisteredEnterpriseRepository view) throws Exception {
        if (!published) {
            try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventSerializer())) {
                for (EnterpriseChanged e : DEMO) {
                    producer.send(new ProducerRecord<>(Topics.ENTERPRISE_REGISTRY, e.enterpriseId(), e)).get(30, TimeUnit.SECONDS);
                }
            }
            published = true;
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> DEMO.stream().allMatch(e -> view.findById(e.enterpriseId()).isPresent()));
    }

    private static EnterpriseChanged enterprise(String id, String name, String district, String town, String... sectors) {
        return new EnterpriseChanged(UUID.randomUUID(), AS_OF, "test", EnterpriseChanged.Change.CREATED, id, name, null,
                district, town, List.of(sectors), "YELLOW", "OPERATING", null, null);
    }
}
