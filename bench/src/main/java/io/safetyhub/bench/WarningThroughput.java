package io.safetyhub.bench;

import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import io.safetyhub.events.serde.EventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code bench/run warning}: how many readings per second the running warning-service alone sustains, rules applied
 * and history stored, with the adapter out of the way. The readings go straight onto {@code telemetry.readings.v1}
 * as fast as Kafka takes them (acks=all); the figure is the time until warning-service has committed every one (it
 * commits only after storing) and the history holds every sample. 1 % of the devices cross the gas threshold, so
 * alarms are raised on the way. Exit 3 when the history does not hold exactly what was sent.
 */
final class WarningThroughput {
    private static final String METRIC = "gas_lel";

    private WarningThroughput() {
    }

    static int run(Target target, Options o) throws Exception {
        int devices = o.integer("devices", 1000);
        int perDevice = o.integer("per-device", 200);
        int drainMax = o.integer("drain-max", 600);
        String name = o.get("name", "warning-service-throughput");
        o.rejectUnknown();
        long total = (long) devices * perDevice;
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
        List<String> ids = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            ids.add("BENCH-W" + run + "-" + d);
        }
        // Samples one second apart in the previous hour: inside the history's retention and behind every watermark.
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        Long pid = target.componentPids().get("warning-service");
        var before = ProcSampler.sample(pid == null ? Map.of() : Map.of("warning-service", pid));
        try (PipelineCounters counters = new PipelineCounters(target.kafka(), target.mongo(), target.warningUrl(),
                "safetyhub_warning")) {
            long committedBefore = counters.committed(PipelineCounters.GROUP, PipelineCounters.READINGS);
            long start = System.nanoTime();
            send(target.kafka(), ids, perDevice, t0);
            double sentSeconds = seconds(start);
            long committed = committedBefore;
            long deadline = start + Duration.ofSeconds(drainMax).toNanos();
            while (committed - committedBefore < total && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
                committed = counters.committed(PipelineCounters.GROUP, PipelineCounters.READINGS);
            }
            double committedSeconds = seconds(start);
            Instant last = t0.plusSeconds(perDevice);
            long stored = counters.historyCount(ids, METRIC, t0, last);
            var usage = ProcSampler.usage(before, ProcSampler.sample(pid == null ? Map.of() : Map.of("warning-service", pid)),
                    committedSeconds);
            Map<String, Object> result = new LinkedHashMap<>(Report.machine(target.root()));
            result.put("readings", total);
            result.put("devices", devices);
            result.put("producerSeconds", sentSeconds);
            result.put("committedSeconds", committedSeconds);
            result.put("committed", committed - committedBefore);
            result.put("stored", stored);
            result.put("readingsPerSecond", total / committedSeconds);
            result.put("warningService", usage);
            Path dir = target.root().resolve("bench/results");
            Report.writeJson(dir.resolve(name + ".json"), result);
            String cpu = usage.isEmpty() ? "not sampled (no pid file)" : String.format("%.2f cores, %d µs per reading, RSS %d MB (peak %d MB)",
                    usage.get(0).cores(), Math.round(usage.get(0).microsPer(total)), usage.get(0).rssMb(), usage.get(0).peakRssMb());
            String text = String.format("""
                    # warning-service alone: readings per second (`bench/run warning`)

                    %s

                    %,d readings (%d devices × %d), sent straight to `%s` with acks=all in %.1f s.

                    | figure | value |
                    |---|---|
                    | committed by warning-service (stored, rules applied) after | %.1f s |
                    | **sustained rate** | **%,.0f readings/s** |
                    | committed / sent | %,d / %,d |
                    | history samples stored / sent | %,d / %,d |
                    | warning-service | %s |
                    """, Report.describe(result), total, devices, perDevice, PipelineCounters.READINGS, sentSeconds,
                    committedSeconds, total / committedSeconds, committed - committedBefore, total, stored, total, cpu);
            Report.writeMarkdown(dir.resolve(name + ".md"), text);
            System.out.print(text);
            return stored == total && committed - committedBefore >= total ? 0 : 3;
        }
    }

    private static void send(String kafka, List<String> ids, int perDevice, Instant t0) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), new EventSerializer())) {
            for (int s = 0; s < perDevice; s++) {
                Instant ts = t0.plusSeconds(s);
                for (int d = 0; d < ids.size(); d++) {
                    double value = d % 100 == 0 ? 30 + s % 40 : (s + d) % 7;
                    String device = ids.get(d);
                    producer.send(new ProducerRecord<>(PipelineCounters.READINGS, device, new Reading(UUID.randomUUID(),
                            ts, "bench", device, "chem-banan-01", "gas-alarm", null, METRIC, value, "%LEL", null, ts, ts,
                            Quality.GOOD)));
                }
            }
            producer.flush();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
