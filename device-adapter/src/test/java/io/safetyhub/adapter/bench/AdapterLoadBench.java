package io.safetyhub.adapter.bench;

import com.sun.management.OperatingSystemMXBean;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.adapter.device.DeviceService;
import io.safetyhub.adapter.mqtt.MqttAdapter;
import io.safetyhub.adapter.telemetry.DeviceKind;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Throughput of one adapter: the simulator's load generator -> MQTT broker -> adapter -> Kafka, counted by a
 * consumer. Not part of the ordinary test run (the name does not end in Test); run it with
 * {@code ./mvnw -pl device-adapter test -Dtest=AdapterLoadBench -Dbench.devices=200 -Dbench.rate=25 -Dbench.seconds=20}.
 * Writes {@code bench/results/device-adapter-load.md} at the repository root.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class AdapterLoadBench {

    @Inject
    DeviceService devices;

    @Inject
    MqttAdapter adapter;

    @Test
    void shouldDeliverEveryReadingWhenLoaded() throws Exception {
        int count = Integer.getInteger("bench.devices", 200);
        double rate = Double.parseDouble(System.getProperty("bench.rate", "25"));
        int seconds = Integer.getInteger("bench.seconds", 20);
        await().atMost(Duration.ofSeconds(30)).until(adapter::receiving);
        for (int i = 0; i < count; i++) {
            devices.registerIfAbsent(Registration.mqtt(LoadGenerator.deviceId(i), "chem-banan-01", DeviceKind.GAS_ALARM));
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of("telemetry.readings.v1"));
            consumer.poll(Duration.ofSeconds(2));
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            LoadGenerator.Result sent = new LoadGenerator(TestInfra.shared().mqttUrl(), "chem-banan-01", count, rate, 8,
                    Clock.systemUTC()).run(new RunControl(Optional.of(Duration.ofSeconds(seconds))), Duration.ofSeconds(10));
            long received = 0;
            long lastArrival = System.nanoTime();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (received < sent.acked() && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.key().startsWith("LOAD-")) {
                        received++;
                        lastArrival = System.nanoTime();
                    }
                }
            }
            double elapsed = (lastArrival - start) / 1e9;
            double cores = (os.getProcessCpuTime() - cpuBefore) / 1e9 / elapsed;
            String report = String.format(Locale.ROOT, """
                    # device-adapter load (%s)

                    One adapter (in the test JVM, with the load generator and the counting consumer), real MQTT broker
                    (%s) and Kafka of devstack's TestInfra; %d CPUs.

                    | measure | value |
                    |---|---|
                    | devices x rate | %d x %.1f msg/s (one reading each) = %.0f offered/s for %d s |
                    | MQTT messages PUBACKed | %d (refused %d) |
                    | readings on Kafka | %d |
                    | throughput (readings on Kafka / time to the last) | %.0f readings/s |
                    | CPU of the test JVM (adapter + generator + consumer) | %.2f cores |
                    | RSS of the test JVM at the end | %d MB |
                    """, Instant.now(), TestInfra.shared().mqttUrl(), os.getAvailableProcessors(), count, rate,
                    count * rate, seconds, sent.acked(), sent.failed(), received, received / elapsed, cores, rssMb());
            Path file = root().resolve("bench/results/device-adapter-load.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
            System.out.println(report);
            assertEquals(sent.acked(), received, "every acknowledged message became a reading on Kafka");
        }
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
