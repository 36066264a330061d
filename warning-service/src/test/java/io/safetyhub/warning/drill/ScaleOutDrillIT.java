package io.safetyhub.warning.drill;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.AlarmEventDeserializer;
import io.safetyhub.events.serde.EventSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.safetyhub.warning.history.BucketColumns;
import java.util.stream.LongStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19's drill, in the test suite: three warning-service processes in one consumer group on a 6-partition readings
 * topic, about 3,000 readings/s for 12 s from 300 devices of which 60 cross the first gas threshold early on, one
 * replica killed with kill -9 mid-stream and started again. Every expected alarm is RAISED exactly once on the alarm
 * topic, none is escalated twice, every reading is in the history exactly once, and the time from the kill to the
 * survivors owning all partitions is measured ({@code target/scale-out-drill.txt}).
 * <p>
 * The readings' source times lie in the past, six seconds apart per device: each history bucket (a device-minute) is
 * over on the service's clock, so it is stored within a second or two and the history can be checked in MongoDB
 * without waiting for a minute to close.
 * <p>
 * A {@code @QuarkusTest} only so that it runs in the class loader of the module's other ITs and shares their
 * {@link TestInfra} (one harness per JVM); the app under test here is the three processes, on topics and a database of
 * their own.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class ScaleOutDrillIT {
    private static final Logger LOG = Logger.getLogger(ScaleOutDrillIT.class);
    private static final int PARTITIONS = 6;
    private static final int DEVICES = 300;
    // 12 s of stream: the kill (at 4 s) and the survivors' takeover (about 7 s later, session timeout 6 s) both fall
    // inside it, and every alarm is raised (2 s in) before the kill and escalated (10 s deadline) after the takeover.
    private static final int PER_DEVICE = 120;
    private static final int ALARM_EVERY = 5;
    private static final int CROSS_AT = 20;
    private static final int KILL_AT = 40;
    private static final String[] REPLICAS = {"drill-r1", "drill-r2", "drill-r3"};
    private static final int PER_TICK = 30; // every 10 ms: 3,000 readings/s
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @Test
    void shouldRaiseEveryAlarmOnceAndKeepEverySampleOnceWhenAReplicaIsKilledMidStream() throws Exception {
        TestInfra infra = TestInfra.shared();
        for (String name : REPLICAS) {
            Files.deleteIfExists(Path.of("target", name + ".log"));
        }
        KafkaConsumer<String, AlarmEvent> consumer = null;
        long started = System.nanoTime();
        String run = Long.toString(System.currentTimeMillis(), 36);
        String readings = "drill.readings." + run;
        String alarms = "drill.alarms." + run;
        String group = "drill-warning-" + run;
        String database = "drill_" + run;
        Instant base = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> settings = new HashMap<>(Map.of(
                "mp.messaging.incoming.readings.topic", readings,
                "mp.messaging.incoming.readings.group.id", group,
                "mp.messaging.incoming.readings.session.timeout.ms", "6000",
                "mp.messaging.incoming.readings.heartbeat.interval.ms", "1000",
                "mp.messaging.outgoing.alarm-events.topic", alarms,
                "warning.database", database,
                "warning.escalation.yellow", DEADLINE.toSeconds() + "s"));
        // Every send of an alarm change is logged (first sends at DEBUG): a duplicate names the path that sent it.
        settings.put("quarkus.log.category.\"io.safetyhub.warning.alarm.AlarmOutbox\".level", "DEBUG");
        // The replicas' other inputs are not part of the drill: topics of their own, with nothing on them.
        settings.put("mp.messaging.incoming.device-status.topic", "drill.quiet.device-status." + run);
        settings.put("mp.messaging.incoming.side-inputs.topics", String.join(",", Topics.ENTERPRISE_REGISTRY,
                Topics.EMERGENCY_DUTY, Topics.ENTERPRISE_DUTIES, "drill.quiet.device-events." + run,
                "drill.quiet.commitments." + run));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()));
             Replica r1 = new Replica("drill-r1", settings);
             Replica r2 = new Replica("drill-r2", settings);
             Replica r3 = new Replica("drill-r3", settings);
             // Closed first (resources close in reverse order). The replicas are disposable (topics and a database of
             // this run's own) and nothing is checked after the drill, so they are killed rather than stopped: a
             // graceful stop takes 12-15 s each (every Kafka channel leaves its group in turn), one after another.
             AutoCloseable killAll = () -> List.of(r1, r2, r3).forEach(Replica::kill);
             KafkaProducer<String, Object> producer = producer(infra);
             MongoClient mongo = MongoClients.create(infra.mongoConnectionString())) {
            admin.createTopics(List.of(new NewTopic(readings, PARTITIONS, (short) 1), new NewTopic(alarms, 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
            consumer = consumer(infra, alarms);
            List.of(r1, r2, r3).forEach(Replica::start);
            for (Replica r : List.of(r1, r2, r3)) {
                r.awaitReady(Duration.ofSeconds(120));
            }
            await("3 replicas own the 6 partitions").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> owners(admin, group).size() == 3 && owned(admin, group).size() == PARTITIONS);

            AtomicInteger sent = new AtomicInteger();
            CompletableFuture<Void> done = new CompletableFuture<>();
            ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
            long streamStart = System.nanoTime();
            pace.scheduleAtFixedRate(() -> {
                for (int i = 0; i < PER_TICK && sent.get() < DEVICES * PER_DEVICE; i++) {
                    int n = sent.getAndIncrement();
                    // A device's readings of one bucket (ten, a minute of source time) are sent back to back, so that
                    // each bucket is usually stored whole, by one insert.
                    int block = n / (DEVICES * 10);
                    int inBlock = n % (DEVICES * 10);
                    Reading r = reading(inBlock / 10, block * 10 + inBlock % 10, base);
                    producer.send(new ProducerRecord<>(readings, r.deviceId(), r));
                }
                if (sent.get() >= DEVICES * PER_DEVICE) {
                    done.complete(null);
                }
            }, 0, 10, TimeUnit.MILLISECONDS);

            await("mid-stream").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                    .until(() -> sent.get() >= DEVICES * KILL_AT);
            r2.kill();
            long killed = System.nanoTime();
            await("the survivors own every partition").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100))
                    .until(() -> owners(admin, group).size() == 2 && owned(admin, group).size() == PARTITIONS);
            long takeoverMs = (System.nanoTime() - killed) / 1_000_000;
            LOG.infof("kill -9 of a replica -> the 2 survivors own all %d partitions in %d ms", PARTITIONS, takeoverMs);
            r2.start();

            done.get(180, TimeUnit.SECONDS);
            pace.shutdownNow();
            producer.flush();
            double rate = DEVICES * PER_DEVICE / ((System.nanoTime() - streamStart) / 1e9);
            r2.awaitReady(Duration.ofSeconds(120));

            Set<String> expected = new HashSet<>();
            for (int d = 0; d < DEVICES; d += ALARM_EVERY) {
                expected.add(device(d) + "|default-gas-lel|" + time(base, CROSS_AT).toEpochMilli());
            }
            List<AlarmEvent> events = new ArrayList<>();
            KafkaConsumer<String, AlarmEvent> alarmEvents = consumer;
            await("every expected alarm raised and escalated").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100)).until(() -> {
                        alarmEvents.poll(Duration.ofMillis(200)).forEach(rec -> events.add(rec.value()));
                        return seen(events, AlarmEvent.Change.RAISED).containsAll(expected)
                                && seen(events, AlarmEvent.Change.ESCALATED).containsAll(expected);
                    });
            consumer.poll(Duration.ofMillis(500)).forEach(rec -> events.add(rec.value()));

            Map<String, Long> raised = count(events, AlarmEvent.Change.RAISED);
            assertEquals(expected, raised.keySet(), "exactly the expected alarms are raised");
            assertEquals(Map.of(), raised.entrySet().stream().filter(e -> e.getValue() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "alarms RAISED more than once");
            Map<String, List<Instant>> escalations = events.stream()
                    .filter(e -> e.change() == AlarmEvent.Change.ESCALATED)
                    .collect(Collectors.groupingBy(AlarmEvent::alarmId,
                            Collectors.mapping(AlarmEvent::decidedAt, Collectors.toList())));
            escalations.forEach((id, at) -> {
                List<Instant> sorted = at.stream().sorted().toList();
                for (int i = 1; i < sorted.size(); i++) {
                    assertTrue(Duration.between(sorted.get(i - 1), sorted.get(i)).compareTo(DEADLINE.dividedBy(2)) >= 0,
                            id + " escalated twice for one deadline: " + sorted);
                }
            });

            var buckets = mongo.getDatabase(database).getCollection("reading_buckets");
            // A bucket holds its samples as columns: t (source times), v, q; count is what its summary counted.
            Map<String, List<Long>> keys = new HashMap<>();
            Map<String, Integer> counted = new HashMap<>();
            await("every reading in the history").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        keys.clear();
                        counted.clear();
                        for (Document b : buckets.find()) {
                            String device = b.getString("_id").split("\\|")[0];
                            keys.computeIfAbsent(device, k -> new ArrayList<>())
                                    .addAll(LongStream.of(BucketColumns.timesOf(b)).boxed().toList());
                            counted.merge(device, b.get("count", 0L).intValue(), Integer::sum);
                        }
                        return keys.size() == DEVICES && keys.values().stream().allMatch(k -> k.size() >= PER_DEVICE);
                    });
            keys.forEach((device, k) -> {
                assertEquals(PER_DEVICE, k.size(), device + ": samples stored");
                assertEquals(PER_DEVICE, new HashSet<>(k).size(), device + ": distinct samples stored");
                assertEquals(PER_DEVICE, counted.get(device), device + ": samples counted in the buckets' summaries");
            });

            long wall = (System.nanoTime() - started) / 1_000_000;
            String report = String.format(java.util.Locale.ROOT, """
                    scale-out drill (warning-service, issue 19), %s
                    replicas 3, partitions %d, devices %d, readings %d at %.0f/s offered
                    kill -9 of one replica mid-stream -> survivors own all partitions in %d ms
                    (consumer session.timeout.ms 6000, heartbeat 1000 ms)
                    alarms expected %d, raised once each %d, escalations %d, none twice within a deadline
                    history: %d devices x %d samples, none missing, none doubled
                    drill wall time %d ms
                    """, Instant.now(), PARTITIONS, DEVICES, DEVICES * PER_DEVICE, rate, takeoverMs, expected.size(),
                    raised.size(), escalations.values().stream().mapToInt(List::size).sum(), keys.size(), PER_DEVICE,
                    wall);
            Files.writeString(Path.of("target", "scale-out-drill.txt"), report);
            LOG.info(report);
        } finally {
            if (consumer != null) {
                consumer.close();
            }
        }
    }

    private static Set<String> seen(List<AlarmEvent> events, AlarmEvent.Change change) {
        return events.stream().filter(e -> e.change() == change).map(AlarmEvent::alarmId).collect(Collectors.toSet());
    }

    private static Map<String, Long> count(List<AlarmEvent> events, AlarmEvent.Change change) {
        return events.stream().filter(e -> e.change() == change)
                .collect(Collectors.groupingBy(AlarmEvent::alarmId, Collectors.counting()));
    }

    /** Members of the group that hold at least one partition. */
    private static List<MemberDescription> owners(Admin admin, String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).all().get(5, TimeUnit.SECONDS).get(group).members()
                .stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).toList();
    }

    private static Set<Integer> owned(Admin admin, String group) throws Exception {
        return owners(admin, group).stream().flatMap(m -> m.assignment().topicPartitions().stream())
                .map(TopicPartition::partition).collect(Collectors.toSet());
    }

    private static String device(int d) {
        return String.format("drill-gas-%03d", d);
    }

    private static Instant time(Instant base, int index) {
        return base.minus(Duration.ofMinutes(30)).plusSeconds(6L * index);
    }

    /** Reading {@code index} of device {@code d}: 5 %LEL, and from {@link #CROSS_AT} on 30 %LEL on every fifth device. */
    private static Reading reading(int d, int index, Instant base) {
        double value = d % ALARM_EVERY == 0 && index >= CROSS_AT ? 30 : 5;
        Instant ts = time(base, index);
        return new Reading(UUID.randomUUID(), ts, "drill", device(d), "drill-enterprise", "gas-detector", null,
                "gas_lel", value, "%LEL", null, ts, ts, Quality.GOOD);
    }

    private static KafkaProducer<String, Object> producer(TestInfra infra) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new EventSerializer());
    }

    private static KafkaConsumer<String, AlarmEvent> consumer(TestInfra infra, String topic) {
        KafkaConsumer<String, AlarmEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "drill-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new AlarmEventDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
