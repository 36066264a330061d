package io.safetyhub.enterprise.hazard;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.HazardOverdue;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.HazardOverdueDeserializer;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the seeded register: hz-demo-02 (MAJOR, RECTIFYING, deadline 5 days ago) is announced on the real Kafka once, keyed
 * by its enterprise; hz-demo-06 (GENERAL, a day overdue) is not, nor is anything announced twice.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class MajorHazardOverdueIT {
    @Inject
    MajorHazardOverdueCheck check;
    @Inject
    HazardRepository hazards;

    @Test
    void shouldAnnounceAMajorHazardOnceWhenItPassesItsDeadlineUnclosed() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<String> first = check.run(today);
        List<String> again = check.run(today);

        String key = first.stream().filter(k -> k.startsWith("hz-demo-02|")).findFirst()
                .orElseThrow(() -> new AssertionError("hz-demo-02 not announced: " + first));
        // The seed dated the deadline 5 days before its own today: read it back rather than recompute it, since the
        // service may have been seeded on the day before this test runs (a run across midnight, China time).
        LocalDate deadline = hazards.findById("hz-demo-02").orElseThrow().deadline();
        assertTrue(deadline.isBefore(today.minusDays(4)), "seeded 5 days overdue: " + deadline);
        assertEquals("hz-demo-02|" + deadline, key);
        assertFalse(first.stream().anyMatch(k -> k.startsWith("hz-demo-06|")), "a general hazard is not announced: " + first);
        assertEquals(List.of(), again, "announced once");

        List<HazardOverdue> ours = consume(key).stream().filter(e -> key.equals(e.overdueKey())).toList();
        assertEquals(1, ours.size(), ours.toString());
        HazardOverdue e = ours.get(0);
        assertEquals(List.of("chem-banan-01", "MAJOR", "巴南区"), List.of(e.enterpriseId(), e.grade(), e.district()));
        assertEquals(deadline.plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(), e.overdueSince());
        assertTrue(e.description().contains("紧急切断阀"), e.description());
    }

    /** The topic from its start to its end, once the record with {@code key} arrived; record keys checked. */
    private static List<HazardOverdue> consume(String key) {
        List<HazardOverdue> seen = new ArrayList<>();
        try (KafkaConsumer<String, HazardOverdue> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new HazardOverdueDeserializer())) {
            consumer.subscribe(List.of(Topics.ENTERPRISE_HAZARDS_OVERDUE));
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, HazardOverdue> r : consumer.poll(Duration.ofMillis(500))) {
                    assertEquals(r.value().enterpriseId(), r.key());
                    seen.add(r.value());
                }
                return seen.stream().anyMatch(e -> key.equals(e.overdueKey())) && atEnd(consumer);
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
