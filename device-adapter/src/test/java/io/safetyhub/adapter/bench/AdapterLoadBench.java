package io.safetyhub.adapter.bench;

import com.sun.management.OperatingSystemMXBean;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.adapter.device.DeviceKind;
import io.safetyhub.adapter.device.DeviceService;
import io.safetyhub.adapter.mqtt.MqttListeners;
import io.safetyhub.adapter.testing.Registration;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.simulator.load.LoadGenerator;
import io.safetyhub.simulator.scenario.RunControl;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Throughput of one adapter: the simulator's load generator -> MQTT broker -> adapter -> Kafka, counted by a
 * consumer, at each offered rate of {@code bench.rates} (readings/s over {@code bench.devices} devices, one reading per
 * message). Not part of the ordinary test run (the name does not end in Test); run it with
 * {@code ./mvnw -pl device-adapter test -Dtest=AdapterLoadBench -Dbench.rates=1000,2000,5000 -Dbench.seconds=20
 * -Dadapter.publish.memory-records=20000}. Writes {@code bench/results/device-adapter-load.md} at the repository root.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class AdapterLoadBench {
    /** Threads of the adapter's hot path: Paho's, the sender's and its Kafka producer's. */
    private static final List<String> ADAPTER_THREADS = List.of("MQTT Call: safetyhub-device-adapter",
            "MQTT Rec: safetyhub-device-adapter", "MQTT Snd: safetyhub-device-adapter", "spooling-sender", "spool-fsync",
            "kafka-producer-network-thread | safetyhub-device-adapter-events");

    @Inject
    DeviceService devices;

    @Inject
    MqttListeners adapter;

    @Test
    void shouldDeliverEveryReadingWhenLoaded() throws Exception {
        int count = Integer.getInteger("bench.devices", 500);
        int connections = Integer.getInteger("bench.connections", 16);
        int seconds = Integer.getInteger("bench.seconds", 20);
        List<Double> rates = Arrays.stream(System.getProperty("bench.rates", "1000,2000,5000").split(","))
                .map(String::trim).map(Double::parseDouble).toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> adapter.plainPort() > 0);
        for (int i = 0; i < count; i++) {
            devices.registerIfAbsent(Registration.mqtt(LoadGenerator.deviceId(i), "chem-banan-01", DeviceKind.GAS_ALARM));
        }
        StringBuilder rows = new StringBuilder();
        boolean allArrived = true;
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of("telemetry.readings.v1"));
            consumer.poll(Duration.ofSeconds(2));
            for (double offered : rates) {
                Step step = run("tcp://127.0.0.1:" + adapter.plainPort(), consumer, count, offered / count, connections,
                        seconds);
                allArrived &= step.received() >= step.acked();
                rows.append(String.format(Locale.ROOT, "| %.0f | %.0f | %d | %d | %.0f | %.1f | %.2f | %.2f | %d |%n",
                        offered, step.acked() / step.sendSeconds(), step.acked(), step.received(),
                        step.received() / step.elapsedSeconds(), step.lagSeconds(), step.jvmCores(),
                        step.adapterCores(), rssMb()));
            }
        }
        String report = String.format(Locale.ROOT, """
                # device-adapter load (%s)

                One adapter (in the test JVM, with the load generator and the counting consumer), real MQTT broker
                (HiveMQ CE, own JVM) and Kafka (KRaft, own JVM) of devstack's TestInfra, on %d CPUs shared with both
                brokers (and with other builds running on the machine). %d devices over %d MQTT connections, one
                reading per message, %d s per step; `adapter.publish.memory-records=%s`.

                | offered readings/s | sent (PUBACKed by the broker)/s | messages sent | readings on Kafka | throughput readings/s (on Kafka / time to the last) | lag of the last reading after the generator stopped (s) | CPU of the test JVM (cores) | CPU of the adapter's hot-path threads (cores) | RSS of the test JVM (MB) |
                |---|---|---|---|---|---|---|---|---|
                %s""", Instant.now(), Runtime.getRuntime().availableProcessors(), count, connections, seconds,
                System.getProperty("adapter.publish.memory-records", "50 (test profile)"), rows);
        Path file = root().resolve("bench/results/device-adapter-load.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.out.println(report);
        assertTrue(allArrived, "every acknowledged message became a reading on Kafka");
    }

    private static Step run(String url, KafkaConsumer<String, byte[]> consumer, int count, double perDevice,
                            int connections, int seconds) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long adapterBefore = adapterCpuNanos();
        long start = System.nanoTime();
        LoadGenerator.Result sent = new LoadGenerator(url, "chem-banan-01", count, perDevice,
                connections, Clock.systemUTC()).run(new RunControl(Optional.of(Duration.ofSeconds(seconds))),
                Duration.ofSeconds(10));
        long sendEnd = System.nanoTime();
        long received = 0;
        long lastArrival = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (received < sent.acked() && System.nanoTime() < deadline) {
            for (var record : consumer.poll(Duration.ofMillis(200))) {
                if (record.key() != null && record.key().startsWith("LOAD-")) {
                    received++;
                    lastArrival = System.nanoTime();
                }
            }
        }
        double elapsed = (lastArrival - start) / 1e9;
        return new Step(sent.acked(), received, (sendEnd - start) / 1e9, elapsed, Math.max(0, (lastArrival - sendEnd) / 1e9),
                (os.getProcessCpuTime() - cpuBefore) / 1e9 / elapsed, (adapterCpuNanos() - adapterBefore) / 1e9 / elapsed);
    }

    private record Step(long acked, long received, double sendSeconds, double elapsedSeconds, double lagSeconds,
                        double jvmCores, double adapterCores) {
    }

    private static long adapterCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && ADAPTER_THREADS.contains(info.getThreadName())) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static long rssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }
}
