package io.safetyhub.warning.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.AlarmEventDeserializer;
import io.safetyhub.warning.alarm.Alarm;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.history.HistoryStore;
import io.safetyhub.warning.rule.StandardDefaults;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.Feed;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alarm fast path on the real stack (issue 16): a reading crossing a threshold puts its RAISED event on
 * {@code alarms.events.v1} while the history bucket of that reading's minute is still in memory (the alarm's latency
 * does not include the history, which is inserted once the minute is over), and the history query already answers
 * the current minute from memory.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlarmFastPathIT {

    @Inject
    HistoryStore history;

    @Inject
    @Identifier(ReadingOffsets.STRATEGY)
    ReadingOffsets offsets;

    @Inject
    WarningConfig config;

    @BeforeAll
    static void enterprises() {
        Feed.demoEnterprises();
    }

    // The two commit tests first: the current readings of the others keep their partition's commit for a minute.
    @Test
    @Order(1)
    void shouldCommitTheReadingsOffsetOnceItsBucketIsStored() throws Exception {
        // An hour-old reading: its minute and grace are long over, so its bucket is sealed at the next tick.
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1)).plusSeconds(7);
        RecordMetadata sent = Feed.sendAt(Topics.READINGS, "GA-COMMIT",
                Engines.reading("GA-COMMIT", "gas-alarm", "gas_lel", 3, ts));
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        String bucket = HistoryStore.bucketId("GA-COMMIT", "gas_lel", ts.truncatedTo(ChronoUnit.MINUTES));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfra.shared().kafkaBootstrapServers()))) {
            await().atMost(openBucketBound()).until(() -> committed(admin, partition) > sent.offset());
        }
        assertFalse(history.byIds(List.of(bucket)).isEmpty(), "committed only with its bucket stored");
    }

    @Test
    @Order(2)
    void shouldHoldTheReadingsOffsetWhileItsBucketIsStillOpen() throws Exception {
        // First an hour-old reading of the same device (same partition): once its offset is committed, nothing older
        // on the partition holds the commit back, so only the open bucket below can.
        Instant old = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1)).plusSeconds(3);
        RecordMetadata first = Feed.sendAt(Topics.READINGS, "GA-HOLD", Engines.reading("GA-HOLD", "gas-alarm",
                "gas_lel", 2, old));
        TopicPartition partition = new TopicPartition(first.topic(), first.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfra.shared().kafkaBootstrapServers()))) {
            await().atMost(openBucketBound()).until(() -> committed(admin, partition) > first.offset());

            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            RecordMetadata current = Feed.sendAt(Topics.READINGS, "GA-HOLD", Engines.reading("GA-HOLD", "gas-alarm",
                    "gas_lel", 2, now));
            String bucket = HistoryStore.bucketId("GA-HOLD", "gas_lel", now.truncatedTo(ChronoUnit.MINUTES));
            await().atMost(Duration.ofSeconds(20)).until(() -> history.openSummaries(List.of(bucket)).size() == 1);
            // Its bucket is sealed no sooner than the minute's end plus the 10 s grace: for 3 s (three commit
            // intervals) its offset must stay uncommitted, or a kill -9 now would lose the reading's history.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> committed(admin, partition) <= current.offset());
            assertTrue(offsets.active(), "held by partition and offset, not by the polled records");
        }
    }

    /**
     * The longest a partition's commit may rightly be held: other tests of this JVM put current readings on the same
     * shared topic, and a current reading's offset is committed only once its bucket is stored, a minute plus the
     * grace and its place in the seal spread later (plus the one-second seal tick and the commit interval).
     */
    private Duration openBucketBound() {
        return Duration.ofMinutes(1).plus(config.history().sealGrace()).plus(config.history().sealSpread())
                .plusSeconds(15);
    }

    private static long committed(Admin admin, TopicPartition partition) throws Exception {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets("warning-service")
                .partitionsToOffsetAndMetadata().get().get(partition);
        return committed == null ? -1 : committed.offset();
    }

    @Test
    @Order(3)
    void shouldPublishTheRaisedEventBeforeTheHistoryIsStoredAndShowTheCurrentMinuteFromMemory() {
        // A group of its own from the earliest offset (the topic may not exist before the first alarm): the alarm
        // id below is unique to this run, so older events are skipped by it.
        try (KafkaConsumer<String, AlarmEvent> events = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "fast-path-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(),
                new AlarmEventDeserializer())) {
            events.subscribe(List.of(Topics.ALARMS));
            Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            String bucket = HistoryStore.bucketId("GA-FAST", "gas_lel", ts.truncatedTo(ChronoUnit.MINUTES));
            Feed.send(Topics.READINGS, "GA-FAST", Engines.reading("GA-FAST", "gas-alarm", "gas_lel", 60, ts));

            String alarmId = Alarm.idFor("GA-FAST", StandardDefaults.GAS_LEL, ts);
            List<AlarmEvent> raised = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, AlarmEvent> r : events.poll(Duration.ofMillis(100))) {
                    if (alarmId.equals(r.value().alarmId()) && r.value().change() == AlarmEvent.Change.RAISED) {
                        raised.add(r.value());
                    }
                }
                return !raised.isEmpty();
            });
            assertTrue(history.byIds(List.of(bucket)).isEmpty(),
                    "the RAISED event is on Kafka while the reading's history bucket is not stored yet");
            assertEquals(1, raised.size());
            assertFalse(raised.get(0).occurredAt().isBefore(raised.get(0).decidedAt()),
                    "the event is built after the decision it carries");
        }

        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        given().auth().oauth2(TestInfra.shared().token("ent.chem"))
                .queryParam("deviceId", "GA-FAST").queryParam("metric", "gas_lel")
                .queryParam("from", minute.minus(Duration.ofMinutes(2)).toString())
                .queryParam("to", minute.plus(Duration.ofMinutes(1)).toString())
                .when().get("/api/readings")
                .then().statusCode(200)
                .body("points", hasSize(1))
                .body("points[0].max", equalTo(60.0f))
                .body("points[0].count", equalTo(1));
    }
}
