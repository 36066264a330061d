package io.safetyhub.gateway.config;

import io.micrometer.core.instrument.config.MeterFilter;
import io.safetyhub.platform.PrometheusHelpText;
import io.safetyhub.platform.PrometheusNames;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Registers the platform's meter filters with Quarkus' meter registry, so that the gateway's {@code /q/metrics}
 * parses and lints like every service's: {@link PrometheusHelpText} (HELP for every meter, no {@code \"} escapes)
 * and {@link PrometheusNames} (no long task timers, no abbreviated units, no gauges named like a {@code _count}).
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
}
