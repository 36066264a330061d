package io.safetyhub.warning.bench;

import com.mongodb.client.MongoClient;
import io.restassured.RestAssured;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.EventSerializer;
import io.safetyhub.warning.support.TestMongo;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How many readings per second one warning-service process (the built jar, history on) sustains, and its
 * memory. Not part of the test run (the name matches neither *Test nor *IT): run it with
 * {@code ./mvnw -pl warning-service test -Dtest=ThroughputBench}; it writes bench/results/ and asserts nothing.
 */
class ThroughputBench {
    private static final int DEVICES = 1_000;
    private static final int PER_DEVICE = 200;

    @Test
    void measureReadingsPerSecondAndRss() throws Exception {
        Map<String, String> apps = TestInfra.shared().startPlatform(List.of("warning-service"));
        String base = apps.get("warning-service");
        long pid = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("warning-service/target/quarkus-app"))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
        int total = DEVICES * PER_DEVICE;
        Instant t0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(java.time.Duration.ofHours(1));
        long start = System.nanoTime();
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144), new StringSerializer(), new EventSerializer())) {
            for (int s = 0; s < PER_DEVICE; s++) {
                for (int d = 0; d < DEVICES; d++) {
                    String device = "GA-B" + d;
                    double value = d % 100 == 0 ? 30 + s % 40 : (s + d) % 7; // 1 % of the devices alarm
                    Instant ts = t0.plusSeconds(s);
                    producer.send(new ProducerRecord<>(Topics.READINGS, device, new Reading(UUID.randomUUID(), ts,
                            "bench", device, "chem-banan-01", "gas-alarm", null, "gas_lel", value, "%LEL", null, ts,
                            ts, Quality.GOOD)));
                }
            }
        }
        double sent = (System.nanoTime() - start) / 1e9;
        long consumed = 0;
        while (consumed < total) {
            Thread.sleep(250);
            consumed = readingsTotal(base);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        MongoClient mongo = TestMongo.client();
        // The history is written by a one-second flush after the engine: wait until every sample is stored too.
        long stored = 0;
        while (stored < total && System.nanoTime() - start < 600_000_000_000L) {
            Thread.sleep(250);
            stored = storedSamples(mongo);
        }
        double storedSeconds = (System.nanoTime() - start) / 1e9;
        long buckets = mongo.getDatabase("safetyhub_warning").getCollection("reading_buckets").countDocuments();
        long alarms = mongo.getDatabase("safetyhub_warning").getCollection("alarms").countDocuments(new Document());
        String status = pid > 0 ? Files.readString(Path.of("/proc/" + pid + "/status")) : "";
        String report = String.format("""
                # warning-service throughput (ThroughputBench)

                measured %s on this machine (2 cores; the platform's -Xmx256m for the service)

                | figure | value |
                |---|---|
                | readings | %d (%d devices x %d) |
                | producer done after | %.1f s |
                | all consumed (rules applied, alarms out) after | %.1f s |
                | all stored in history after | %.1f s (%d samples) |
                | sustained rate, history on (to stored) | **%.0f readings/s** |
                | history buckets written | %d |
                | alarms stored | %d |
                | RSS at end (VmRSS) | %s |
                | peak RSS (VmHWM) | %s |
                """, Instant.now(), total, DEVICES, PER_DEVICE, sent, seconds, storedSeconds, stored, total / storedSeconds,
                buckets, alarms,
                field(status, "VmRSS"), field(status, "VmHWM"));
        Path out = Path.of(System.getProperty("user.dir")).getParent().resolve("bench/results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("warning-service-throughput.md"), report);
        System.out.println(report);
    }

    private static long readingsTotal(String base) {
        String metrics = RestAssured.given().baseUri(base).get("/q/metrics").asString();
        return metrics.lines().filter(l -> l.startsWith("safetyhub_warning_readings_total"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static long storedSamples(MongoClient mongo) {
        long n = 0;
        for (Document d : mongo.getDatabase("safetyhub_warning").getCollection("reading_buckets").find()
                .projection(new Document("count", 1))) {
            n += d.get("count", Number.class).longValue();
        }
        return n;
    }

    private static String field(String status, String name) {
        return status.lines().filter(l -> l.startsWith(name)).map(l -> l.substring(name.length() + 1).trim())
                .findFirst().orElse("n/a");
    }
}
