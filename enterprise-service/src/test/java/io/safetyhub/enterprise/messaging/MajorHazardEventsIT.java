package io.safetyhub.enterprise.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.enterprise.access.Fixtures;
import io.safetyhub.events.MajorHazardChanged;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.MajorHazardChangedDeserializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What device-adapter relies on: every installation on the compacted topic, keyed by its id; removals tombstoned. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class MajorHazardEventsIT {
    private static final String BASE = "/api/enterprises/chem-banan-01/major-hazards";

    @Test
    void shouldPublishSeededInstallationsWhenServiceStarts() {
        List<ConsumerRecord<String, MajorHazardChanged>> records = readUntil(
                rs -> rs.stream().anyMatch(r -> "MHS-chem-banan-01-02".equals(r.key())));
        MajorHazardChanged tankFarm = latest(records, "MHS-chem-banan-01-01");
        assertEquals("chem-banan-01", tankFarm.enterpriseId());
        assertEquals("巴南区", tankFarm.district());
        assertEquals("液氨储罐区", tankFarm.name());
        assertEquals(2, tankFarm.grade(), "R = 70 is 二级");
        assertEquals("enterprise-service", tankFarm.source());
        assertEquals(3, latest(records, "MHS-chem-banan-01-02").grade(), "R = 19.2 is 三级");
        records.stream().filter(r -> r.value() != null)
                .forEach(r -> assertEquals(r.key(), r.value().installationId(), "key must be the installation id"));
    }

    @Test
    void shouldPublishCreatedUpdatedDeletedAndTombstoneWhenEnterpriseEditsItsRegister() throws Exception {
        // Installation ids are numbered max + 1, so a number freed by an earlier test's delete is taken again: only
        // this test's records (produced from now on, same clock) count.
        long start = System.currentTimeMillis();
        String location = ent().body(Fixtures.MAJOR_HAZARD).when().post(BASE).then().statusCode(201).extract()
                .header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        ent().body(Fixtures.MAJOR_HAZARD.replace("矩阵测试库", "改名库")).when().put(location).then().statusCode(200);
        ent().when().delete(location).then().statusCode(204);

        Predicate<ConsumerRecord<String, MajorHazardChanged>> ours = r -> id.equals(r.key()) && r.timestamp() >= start;
        List<ConsumerRecord<String, MajorHazardChanged>> mine = readUntil(
                rs -> rs.stream().filter(ours).count() >= 4).stream().filter(ours).toList();
        assertEquals(4, mine.size(), "CREATED, UPDATED, DELETED, tombstone");
        assertEquals(MajorHazardChanged.Change.CREATED, mine.get(0).value().change());
        assertEquals(4, mine.get(0).value().grade(), "the fixture is 四级");
        assertEquals(MajorHazardChanged.Change.UPDATED, mine.get(1).value().change());
        assertEquals("改名库", mine.get(1).value().name());
        assertEquals(MajorHazardChanged.Change.DELETED, mine.get(2).value().change());
        assertNull(mine.get(3).value(), "a tombstone follows DELETED");
        assertCompacted();
    }

    private static void assertCompacted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfra.shared().kafkaBootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.MAJOR_HAZARDS);
            assertEquals(TopicConfig.CLEANUP_POLICY_COMPACT, admin.describeConfigs(List.of(topic)).all()
                    .get(30, TimeUnit.SECONDS).get(topic).get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
        }
    }

    private static MajorHazardChanged latest(List<ConsumerRecord<String, MajorHazardChanged>> records, String key) {
        MajorHazardChanged found = null;
        for (ConsumerRecord<String, MajorHazardChanged> r : records) {
            if (key.equals(r.key()) && r.value() != null) {
                found = r.value();
            }
        }
        if (found == null) {
            throw new AssertionError(key + " was not published");
        }
        return found;
    }

    /** Every record from the beginning, in offset order per partition, until {@code done} holds (30 s at most). */
    static List<ConsumerRecord<String, MajorHazardChanged>> readUntil(
            Predicate<List<ConsumerRecord<String, MajorHazardChanged>>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "major-hazards-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, MajorHazardChanged>> all = new ArrayList<>();
        try (KafkaConsumer<String, MajorHazardChanged> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new MajorHazardChangedDeserializer())) {
            consumer.subscribe(List.of(Topics.MAJOR_HAZARDS));
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(all::add);
                return done.test(all);
            });
        }
        return all;
    }

    private static io.restassured.specification.RequestSpecification ent() {
        return given().auth().oauth2(TestInfra.shared().token("ent.chem")).contentType("application/json");
    }
}
