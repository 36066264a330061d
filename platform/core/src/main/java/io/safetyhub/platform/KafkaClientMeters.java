package io.safetyhub.platform;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

import java.util.Set;

/**
 * Bounds the Kafka client meters (Micrometer's {@code KafkaClientMetrics}, which Quarkus binds to every consumer and
 * producer) to what an operator reads: how far each consumer is behind, what it consumed, what a producer sent, how
 * many sends failed or were retried, and rebalances. The binder otherwise turns every metric of every client into a
 * meter: per node, per topic, per partition (lead, lag average, fetch sizes, request latencies...), 1,248 of the 1,382
 * series of one warning-service (bench/results/footprint.md), each with its meter object, id and tags kept in the heap
 * and written on every scrape. Denied meters are never registered. The broker-side lag that the alerts use
 * ({@code kafka_consumergroup_lag}, Strimzi's Kafka exporter) does not come from here.
 * <p>
 * Register {@link #forSetting} as a CDI {@code MeterFilter} bean beside {@link PrometheusNames}.
 */
public class KafkaClientMeters implements MeterFilter {
    /** Micrometer's names (Kafka's group and metric name, dashes as dots), as kept. */
    static final Set<String> KEPT = Set.of(
            // per consumer and per assigned partition: how many records it is behind
            "kafka.consumer.fetch.manager.records.lag",
            "kafka.consumer.fetch.manager.records.lag.max",
            // per consumer and per topic: records read
            "kafka.consumer.fetch.manager.records.consumed.total",
            // a consumer that keeps rebalancing processes nothing
            "kafka.consumer.coordinator.rebalance.total",
            "kafka.consumer.coordinator.failed.rebalance.total",
            // per producer: records sent, sends that failed for good, retries
            "kafka.producer.record.send.total",
            "kafka.producer.record.error.total",
            "kafka.producer.record.retry.total");

    private static final String PREFIX = "kafka.";

    /** The setting that keeps every Kafka client meter (while a Kafka problem is diagnosed). */
    public static final String ALL = "all";

    /**
     * The filter for the setting {@code safetyhub.metrics.kafka-clients}: {@value #ALL} lets every Kafka client meter
     * through (a filter that decides nothing), anything else (default {@code bounded}) keeps {@link #KEPT}.
     */
    public static MeterFilter forSetting(String kafkaClients) {
        return ALL.equals(kafkaClients) ? new MeterFilter() { } : new KafkaClientMeters();
    }

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        String name = id.getName();
        if (!name.startsWith(PREFIX)) {
            return MeterFilterReply.NEUTRAL;
        }
        return KEPT.contains(name) ? MeterFilterReply.NEUTRAL : MeterFilterReply.DENY;
    }
}
