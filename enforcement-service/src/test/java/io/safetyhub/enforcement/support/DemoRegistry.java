package io.safetyhub.enforcement.support;

import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.enforcement.roster.RosterRepository;
import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.EventSerializer;
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
 * Puts enterprise-service's demo district on the real registry topic, as its seed registers it (ids, districts,
 * towns, sectors, risk colours), so that the roster of this service is filled the way it is in the running platform.
 */
public final class DemoRegistry {
    private static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");
    public static final List<EnterpriseChanged> DEMO = List.of(
            e("chem-banan-01", "重庆南彭化工储运有限公司", "巴南区", "南彭街道", "ORANGE", "OPERATING", "HAZARDOUS_CHEMICALS"),
            e("gas-banan-01", "重庆巴南鱼洞燃气有限公司", "巴南区", "鱼洞街道", "YELLOW", "OPERATING", "TOWN_GAS"),
            e("trade-banan-01", "重庆界石精密机械制造有限公司", "巴南区", "界石镇", "BLUE", "OPERATING", "INDUSTRY_TRADE"),
            e("equip-banan-01", "重庆李家沱起重设备安装有限公司", "巴南区", "李家沱街道", "BLUE", "SUSPENDED", "SPECIAL_EQUIPMENT"),
            e("build-yubei-01", "重庆渝北城建工程有限公司", "渝北区", "龙溪街道", "YELLOW", "OPERATING", "CONSTRUCTION", "SPECIAL_EQUIPMENT"),
            e("gas-yubei-01", "重庆两路空港燃气有限公司", "渝北区", "两路街道", "YELLOW", "OPERATING", "TOWN_GAS", "SPECIAL_EQUIPMENT"),
            e("chem-jiangbei-01", "重庆郭家沱精细化工有限公司", "江北区", "郭家沱街道", "RED", "OPERATING", "HAZARDOUS_CHEMICALS"),
            e("build-jiangbei-01", "重庆江北建设集团有限公司", "江北区", "观音桥街道", "YELLOW", "OPERATING", "CONSTRUCTION"));
    private static boolean published;

    private DemoRegistry() {
    }

    /** Publishes once per JVM and waits until the roster holds every demo enterprise. */
    public static synchronized void ensure(RosterRepository roster) throws Exception {
        if (!published) {
            send(DEMO.stream().map(e -> Map.entry(e.enterpriseId(), (Object) e)).toList());
            published = true;
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> DEMO.stream().allMatch(e -> roster.byId(e.enterpriseId()).isPresent()));
    }

    /** Sends raw values (events, byte arrays, or null for a tombstone) on the registry topic. */
    public static void send(List<Map.Entry<String, Object>> records) throws Exception {
        send(null, records);
    }

    /** As {@link #send(List)}, all to one partition when {@code partition} is given, so that their order holds. */
    public static void send(Integer partition, List<Map.Entry<String, Object>> records) throws Exception {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
                (topic, value) -> value == null ? null : value instanceof byte[] b ? b : new EventSerializer().serialize(topic, value))) {
            for (Map.Entry<String, Object> r : records) {
                producer.send(new ProducerRecord<>(Topics.ENTERPRISE_REGISTRY, partition, r.getKey(), r.getValue())).get(30, TimeUnit.SECONDS);
            }
        }
    }

    public static EnterpriseChanged e(String id, String name, String district, String town, String colour, String status,
                                      String... sectors) {
        return new EnterpriseChanged(UUID.randomUUID(), AS_OF, "test", EnterpriseChanged.Change.CREATED, id, name, null,
                district, town, List.of(sectors), colour, status, null, null);
    }
}
