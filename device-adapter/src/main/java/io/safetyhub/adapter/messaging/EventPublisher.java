package io.safetyhub.adapter.messaging;

import io.safetyhub.adapter.config.AdapterConfig;
import io.safetyhub.adapter.config.MqttConfig;
import io.safetyhub.events.DeadLetter;
import io.safetyhub.events.DeviceEvent;
import io.safetyhub.events.DeviceStatus;
import io.safetyhub.events.Reading;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.Json;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes the adapter's telemetry events (readings, dead letters, device statuses, device events) to Kafka, key = device id,
 * through the {@link SpoolingSender}: a plain Kafka producer (not a SmallRye emitter) so that records are sent
 * asynchronously and batched, and so that what Kafka cannot take yet can be spooled to disk as bytes. A returned
 * future completes once Kafka has acknowledged the record ({@code acks=all}) or it is fsynced in the spool; that
 * completion is what releases the device's PUBACK.
 */
// Singleton, not application-scoped: called for every message, and a client proxy looked its instance up on each
// call (2.4 % of device-adapter's CPU at 10,000 readings/s, bench/results/README.md).
@Singleton
public class EventPublisher {
    private final SpoolingSender sender;

    public EventPublisher(AdapterConfig config) {
        AdapterConfig.Publish publish = config.publish();
        this.sender = new SpoolingSender(new KafkaProducer<>(producerProperties(publish, "safetyhub-" + config.source()),
                new StringSerializer(), new ByteArraySerializer()),
                new SpoolingSender.Settings(publish.memoryRecords(), spoolDir(publish, config.mqtt()),
                        publish.segmentBytes(), publish.fsync(), publish.stallAfter()));
    }

    /**
     * The spool of this adapter instance: {@code <spool-dir>/adapter-<hash of Kafka bootstrap and MQTT listener ports>}.
     * Spooled records belong to one Kafka cluster, and two adapters on one host (a laptop stack and a test run) must
     * never replay each other's; the lock file refuses a second process on one directory besides.
     */
    static Path spoolDir(AdapterConfig.Publish publish, MqttConfig mqtt) {
        String streams = publish.bootstrapServers() + "|" + mqtt.plain().host() + ":" + mqtt.plain().port() + "|"
                + mqtt.tls().host() + ":" + mqtt.tls().port();
        return Path.of(publish.spoolDir()).resolve("adapter-" + Integer.toHexString(streams.hashCode()));
    }

    public CompletableFuture<Void> publish(Reading reading) {
        return sender.submit(new OutboundRecord(Topics.READINGS, reading.deviceId(), Json.write(reading)));
    }

    /** Keyed by device id when the topic named one, else by the topic, so one source's letters stay in order. */
    public CompletableFuture<Void> publish(DeadLetter deadLetter) {
        String key = deadLetter.deviceId() != null ? deadLetter.deviceId() : deadLetter.origin();
        return sender.submit(new OutboundRecord(Topics.DEADLETTER, key, Json.write(deadLetter)));
    }

    public CompletableFuture<Void> publish(DeviceEvent event) {
        return sender.submit(new OutboundRecord(Topics.DEVICE_EVENTS, event.deviceId(), Json.write(event)));
    }

    public CompletableFuture<Void> publish(DeviceStatus status) {
        return sender.submit(new OutboundRecord(Topics.DEVICE_STATUS, status.deviceId(), Json.write(status)));
    }

    /** Records not yet acknowledged by Kafka, in memory or on disk. */
    public long backlog() {
        return sender.backlog();
    }

    /** Records of the backlog that are only on disk. */
    public long spooled() {
        return sender.spooled();
    }

    /** Records of the backlog held in memory (inside the producer or waiting for it). */
    public long inMemory() {
        return sender.inMemory();
    }

    /** True while records wait and Kafka has acknowledged none of them for {@code adapter.publish.stall-after}. */
    public boolean kafkaFailing() {
        return sender.stalled();
    }

    @PreDestroy
    void close() {
        sender.close();
    }

    static Properties producerProperties(AdapterConfig.Publish publish, String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, publish.bootstrapServers());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-events");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // Idempotence keeps the order per partition with up to 5 requests in flight, retries included.
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.RETRIES_CONFIG, Integer.toString(Integer.MAX_VALUE));
        // Never give up on a record while the adapter runs: an outage is waited out (memory, then the spool).
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(Integer.MAX_VALUE));
        p.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(publish.linger().toMillis()));
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(publish.batchBytes()));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, publish.compression());
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(publish.maxBlock().toMillis()));
        return p;
    }
}
