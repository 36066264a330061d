package io.safetyhub.e2e.failover;

import io.restassured.http.ContentType;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.e2e.E2ePlatform;
import io.safetyhub.events.Reading;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.ReadingDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, scale-out: two device-adapter processes behind one list of endpoints, devices streaming QoS 1 to the
 * first; the first is killed with SIGKILL mid-stream and the devices reconnect to the second and resend what was not
 * acknowledged. Every acknowledged message is on Kafka, nothing is lost, and each device's readings keep their order.
 */
class AdapterFailoverIT {
    private static final int DEVICES = 3;
    private static final int MESSAGES = 300;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static String adapterA;
    private static TestInfra.AdapterReplica replicaB;

    @BeforeAll
    static void startTwoAdapters() {
        adapterA = E2ePlatform.start(List.of("device-adapter")).get("device-adapter");
        replicaB = TestInfra.shared().startAdapterReplica("b");
    }

    @AfterAll
    static void restartTheKilledAdapter() {
        TestInfra.shared().startComponent("device-adapter"); // later test classes of this JVM expect it
    }

    @Test
    void shouldStoreEveryAcknowledgedReadingInOrderWhenOneOfTwoAdaptersIsKilledMidStream() throws Exception {
        String enterprise = "failover-" + UUID.randomUUID().toString().substring(0, 8);
        List<StreamingDevice> devices = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            String id = enterprise + "-ga" + i;
            devices.add(StreamingDevice.connect(id, enterprise, register(id, enterprise),
                    List.of(TestInfra.shared().mqttUrl(), replicaB.mqttUrl())));
        }
        Instant base = Instant.parse("2026-11-22T08:00:00Z").plusSeconds(System.currentTimeMillis() / 1000 % 100_000);
        // One message per device every 10 ms, on a timer: the stream must still be running when the adapter dies.
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<Throwable> senderFailure = new AtomicReference<>();
        sender.scheduleAtFixedRate(() -> {
            int seq = sent.get();
            if (seq < MESSAGES && senderFailure.get() == null) {
                try {
                    devices.forEach(device -> device.send(base.plusMillis(seq)));
                    sent.incrementAndGet();
                } catch (RuntimeException e) {
                    senderFailure.set(e); // a thrown task would end the schedule without a word
                }
            }
        }, 0, 10, TimeUnit.MILLISECONDS);

        // Mid-stream: adapter A has acknowledged a third of the messages, and more are in flight.
        await().atMost(WAIT).until(() -> devices.stream().mapToInt(StreamingDevice::acknowledged).sum()
                >= DEVICES * MESSAGES / 3);
        assertTrue(sent.get() < MESSAGES, "the stream ended before the kill: nothing was in flight");
        TestInfra.shared().killComponent("device-adapter");
        await().atMost(WAIT).until(() -> sent.get() == MESSAGES || senderFailure.get() != null);
        sender.shutdownNow();
        assertEquals(null, senderFailure.get(), "a device could not hand a message to its client");

        await().atMost(WAIT).until(() -> devices.stream().allMatch(d -> d.acknowledged() == MESSAGES));
        devices.forEach(d -> assertEquals(replicaB.mqttUrl(), d.serverUri(), d.id() + " did not move to replica b"));
        Map<String, List<Instant>> stored = storedTimestamps(enterprise, devices);
        for (StreamingDevice device : devices) {
            List<Instant> firstSeen = new ArrayList<>(new LinkedHashSet<>(stored.get(device.id())));
            assertEquals(device.acknowledgedTimestamps(), Set.copyOf(firstSeen),
                    device.id() + ": every acknowledged reading stored, nothing else");
            List<Instant> sorted = firstSeen.stream().sorted().toList();
            assertEquals(sorted, firstSeen, device.id() + ": readings out of order on Kafka");
            assertEquals(MESSAGES, firstSeen.size());
        }
        devices.forEach(StreamingDevice::close);
    }

    private static String register(String id, String enterprise) {
        String ops = TestInfra.shared().token("ops");
        given().baseUri(adapterA).auth().oauth2(ops).contentType(ContentType.JSON)
                .body(Map.of("id", id, "enterpriseId", enterprise, "kind", "gas-alarm", "protocol", "MQTT"))
                .when().post("/api/devices").then().statusCode(201);
        return given().baseUri(adapterA).auth().oauth2(ops)
                .when().post("/api/devices/" + id + "/credentials/password").then().statusCode(201)
                .extract().path("password");
    }

    /** The readings on Kafka of the given devices, by device in log order, once each device has all MESSAGES. */
    private static Map<String, List<Instant>> storedTimestamps(String enterprise, List<StreamingDevice> devices) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, List<Instant>> stored = new HashMap<>();
        devices.forEach(d -> stored.put(d.id(), new ArrayList<>()));
        try (KafkaConsumer<String, Reading> consumer =
                     new KafkaConsumer<>(properties, new StringDeserializer(), new ReadingDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.READINGS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, Reading> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && enterprise.equals(record.value().enterpriseId())) {
                        stored.get(record.key()).add(record.value().sourceTimestamp());
                    }
                }
                return stored.values().stream().allMatch(ts -> Set.copyOf(ts).size() >= MESSAGES);
            });
        }
        return stored;
    }
}
