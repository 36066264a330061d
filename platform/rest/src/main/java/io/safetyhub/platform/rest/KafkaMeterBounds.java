package io.safetyhub.platform.rest;

import io.micrometer.core.instrument.config.MeterFilter;
import io.safetyhub.platform.KafkaClientMeters;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registers {@link KafkaClientMeters} with Quarkus' meter registry: every service's Kafka clients report lag,
 * throughput, failed sends and rebalances, not every client metric. {@code safetyhub.metrics.kafka-clients=all}
 * (environment {@code SAFETYHUB_METRICS_KAFKA_CLIENTS=all}) brings them all back while a Kafka problem is diagnosed.
 */
public class KafkaMeterBounds {

    @Produces
    @Singleton
    MeterFilter kafkaClientMeters(@ConfigProperty(name = "safetyhub.metrics.kafka-clients", defaultValue = "bounded")
                                  String kafkaClients) {
        return KafkaClientMeters.forSetting(kafkaClients);
    }
}
