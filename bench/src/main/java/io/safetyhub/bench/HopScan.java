package io.safetyhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Reads back, once a window has drained, the records the window appended to {@code telemetry.readings.v1} and
 * {@code alarms.events.v1} (from the end offsets marked before it), so the hop table costs the window nothing: no
 * consumer runs while the load does.
 */
public final class HopScan implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<byte[], byte[]> consumer;

    public HopScan(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        this.consumer = new KafkaConsumer<>(p);
    }

    /** The current end offsets of a topic's partitions: where a window's records will start. */
    public Map<TopicPartition, Long> mark(String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic, Duration.ofSeconds(20))
                .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        return new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(20)));
    }

    /** Feeds every reading appended since {@code from} to the table. */
    public void readings(Map<TopicPartition, Long> from, HopTable table) {
        scan(from, r -> {
            JsonNode v = JSON.readTree(r.value());
            if (!v.hasNonNull("receivedAt") || !v.hasNonNull("sourceTimestamp")) {
                return; // an OPC UA reading without a receive time, or not a reading
            }
            table.reading(v.path("deviceId").asText(), millis(v.path("sourceTimestamp")), millis(v.path("receivedAt")),
                    r.timestamp(), r.timestampType().name);
        });
    }

    /** Feeds every RAISED alarm event appended since {@code from} to the table. */
    public void alarms(Map<TopicPartition, Long> from, HopTable table) {
        scan(from, r -> {
            JsonNode v = JSON.readTree(r.value());
            if (!"RAISED".equals(v.path("change").asText())) {
                return;
            }
            table.raised(v.path("alarmId").asText(), v.hasNonNull("decidedAt") ? millis(v.path("decidedAt")) : -1,
                    millis(v.path("occurredAt")), r.timestamp(), r.timestampType().name);
        });
    }

    private interface RecordSink {
        void accept(ConsumerRecord<byte[], byte[]> r) throws java.io.IOException;
    }

    private void scan(Map<TopicPartition, Long> from, RecordSink sink) {
        List<TopicPartition> partitions = new ArrayList<>(from.keySet());
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(20));
        consumer.assign(partitions);
        from.forEach(consumer::seek);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                if (r.value() == null || r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                    continue;
                }
                try {
                    sink.accept(r);
                } catch (java.io.IOException | RuntimeException unreadable) {
                    // not JSON or not this contract: the pipeline's own deserializer logs such records
                }
            }
        }
    }

    static long millis(JsonNode isoInstant) {
        return Instant.parse(isoInstant.asText()).toEpochMilli();
    }

    /**
     * Switches the topics to LogAppendTime, so that a record's timestamp is the broker's append rather than the
     * producer's send. A topic setting, kept by the stack until changed back; nothing in SafetyHub reads record
     * timestamps for its logic (the gateway's replay window only compares them).
     */
    public static void useLogAppendTime(String bootstrap, List<String> topics) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            Map<ConfigResource, java.util.Collection<AlterConfigOp>> ops = new HashMap<>();
            for (String topic : topics) {
                ops.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(new AlterConfigOp(
                        new ConfigEntry("message.timestamp.type", "LogAppendTime"), AlterConfigOp.OpType.SET)));
            }
            admin.incrementalAlterConfigs(ops).all().get(20, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
