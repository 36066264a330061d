package io.safetyhub.emergency.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.emergency.enterprise.EnterpriseDirectory;
import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.EventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The demo world the ITs run in: the demo users' calls with real Keycloak tokens, and the demo enterprises on the real
 * registry topic (as enterprise-service's seed registers them), published once per JVM and awaited in the view.
 */
public final class Demo {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<EnterpriseChanged> ENTERPRISES = List.of(
            registered("chem-banan-01", "重庆南彭化工储运有限公司", "巴南区", "南彭街道", 106.65, 29.40, "HAZARDOUS_CHEMICALS"),
            registered("gas-banan-01", "重庆巴南鱼洞燃气有限公司", "巴南区", "鱼洞街道", 106.52, 29.38, "TOWN_GAS"),
            registered("build-yubei-01", "重庆渝北城建工程有限公司", "渝北区", "龙溪街道", 106.63, 29.72, "CONSTRUCTION", "SPECIAL_EQUIPMENT"));
    private static boolean sent;

    private Demo() {
    }

    /** A request as {@code user}; "anonymous" carries no token. */
    public static RequestSpecification as(String user) {
        RequestSpecification spec = RestAssured.given().contentType("application/json");
        if (!"anonymous".equals(user)) {
            spec = spec.auth().oauth2(TestInfra.shared().token(user));
        }
        return spec;
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public static synchronized void registry(EnterpriseDirectory directory) throws Exception {
        if (!sent) {
            Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all");
            try (var producer = new KafkaProducer<String, Object>(settings, new StringSerializer(), new EventSerializer())) {
                for (EnterpriseChanged e : ENTERPRISES) {
                    producer.send(new ProducerRecord<>(Topics.ENTERPRISE_REGISTRY, e.enterpriseId(), e)).get(30, TimeUnit.SECONDS);
                }
            }
            sent = true;
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> ENTERPRISES.stream().allMatch(e -> directory.byId(e.enterpriseId()).isPresent()));
    }

    /** Towns as enterprise-service seeds them: the town regulator reg.nanpeng (南彭街道) has chem-banan-01 only. */
    private static EnterpriseChanged registered(String id, String name, String district, String town, double lon, double lat,
                                                String... sectors) {
        return new EnterpriseChanged(UUID.randomUUID(), Instant.parse("2026-01-01T00:00:00Z"), "test",
                EnterpriseChanged.Change.CREATED, id, name, null, district, town, List.of(sectors), "ORANGE", "OPERATING", lon, lat);
    }
}
