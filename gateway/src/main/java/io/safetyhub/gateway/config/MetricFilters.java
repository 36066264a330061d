package io.safetyhub.gateway.config;

import io.micrometer.core.instrument.config.MeterFilter;
import io.safetyhub.platform.PrometheusHelpText;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Registers the platform's {@link PrometheusHelpText} with Quarkus' meter registry, so that the gateway's
 * {@code /q/metrics} parses and lints like every service's (HELP for every meter, no {@code \"} escapes).
 */
public class MetricFilters {

    @Produces
    @Singleton
    MeterFilter prometheusHelpText() {
        return new PrometheusHelpText();
    }
}
