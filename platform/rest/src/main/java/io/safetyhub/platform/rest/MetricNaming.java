package io.safetyhub.platform.rest;

import io.micrometer.core.instrument.config.MeterFilter;
import io.safetyhub.platform.PrometheusNames;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Registers {@link PrometheusNames} with Quarkus' meter registry, beside {@link MetricHygiene}'s help texts: together
 * they keep every service's {@code /q/metrics} clean for {@code promtool check metrics}.
 */
public class MetricNaming {

    @Produces
    @Singleton
    MeterFilter prometheusNames() {
        return new PrometheusNames();
    }
}
