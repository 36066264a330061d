package io.safetyhub.gateway.config;

import io.micrometer.core.instrument.config.MeterFilter;
import io.safetyhub.platform.KafkaClientMeters;
import io.safetyhub.platform.PrometheusHelpText;
import io.safetyhub.platform.PrometheusNames;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registers the platform's meter filters with Quarkus' meter registry, so that the gateway's {@code /q/metrics}
 * parses and lints like every service's: {@link PrometheusHelpText} (HELP for every meter, no {@code \"} escapes)
 * and {@link PrometheusNames} (no long task timers, no abbreviated units, no gauges named like a {@code _count});
 * and, as the services do through {@code platform/rest} (which the gateway does not use), {@link KafkaClientMeters}:
 * its alarm-stream consumer reports lag, throughput and rebalances, not the few hundred series of every client metric
 * ({@code safetyhub.metrics.kafka-clients=all} brings them back).
 */
public class MetricFilters {

    @Produces
    @Singleton
    MeterFilter prometheusHelpText() {
        return new PrometheusHelpText();
    }

    @Produces
    @Singleton
    MeterFilter prometheusNames() {
        return new PrometheusNames();
    }

    @Produces
    @Singleton
    MeterFilter kafkaClientMeters(@ConfigProperty(name = "safetyhub.metrics.kafka-clients", defaultValue = "bounded")
                                  String kafkaClients) {
        return KafkaClientMeters.forSetting(kafkaClients);
    }
}
