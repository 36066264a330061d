package io.safetyhub.adapter.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.adapter.testing.TopicReader;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import io.safetyhub.events.serde.Json;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Quarkus test only to share the test JVM's one harness (TestInfra lives in the Quarkus class loader); the senders
 * here are built by hand, apart from the application's. The spool across a restart of the adapter: records spooled while Kafka was unreachable are acknowledged upstream
 * once fsynced, survive the process, and a new sender on the same directory delivers them to the real Kafka in order.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class SpoolReplayIT {
    private static final String TOPIC = "telemetry.readings.v1";

    @TempDir
    Path spoolDir;

    @Test
    void shouldDeliverSpooledRecordsInOrderWhenANewSenderStartsOnTheSpool() throws Exception {
        String key = "SPOOL-" + UUID.randomUUID();
        List<CompletableFuture<Void>> stored = new ArrayList<>();
        try (SpoolingSender first = sender("127.0.0.1:1")) {
            for (int i = 0; i < 30; i++) {
                stored.add(first.submit(new OutboundRecord(TOPIC, key, value(key, i))));
            }
            for (CompletableFuture<Void> f : stored.subList(5, 30)) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertEquals(25, first.spooled(), "past the memory bound of 5, records went to disk");
            assertTrue(stored.subList(0, 5).stream().noneMatch(CompletableFuture::isDone),
                    "records held in memory are not stored before Kafka has them");
        }
        try (SpoolingSender second = sender(TestInfra.shared().kafkaBootstrapServers());
             TopicReader<byte[]> reader = new TopicReader<>(TOPIC, new ByteArrayDeserializer())) {
            List<Double> values = reader.await(r -> key.equals(r.key()), 25, Duration.ofSeconds(60)).stream()
                    .map(r -> Json.read(r.value(), Reading.class).value()).toList();
            assertEquals(IntStream.range(5, 30).mapToObj(i -> (double) i).toList(), values);
            // The spool is empty once Kafka has everything.
            await().atMost(Duration.ofSeconds(30)).until(() -> second.backlog() == 0);
        }
    }

    private SpoolingSender sender(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "500");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(Integer.MAX_VALUE));
        return new SpoolingSender(new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()),
                new SpoolingSender.Settings(5, spoolDir, 1 << 20, true, Duration.ofHours(1)));
    }

    /** A valid Reading (other tests read the same topic), its value the record's number. */
    private static byte[] value(String deviceId, int i) {
        Instant at = Instant.parse("2026-11-22T08:00:00Z").plusMillis(i);
        return Json.write(new Reading(UUID.randomUUID(), at, "spool-test", deviceId, "chem-banan-01", "gas-alarm", null,
                "gas_lel", i, "%LEL", null, at, at, Quality.GOOD));
    }
}
