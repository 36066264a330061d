package io.safetyhub.platform.rest;

import io.micrometer.core.instrument.config.MeterFilter;
import io.safetyhub.platform.PrometheusHelpText;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Registers {@link PrometheusHelpText} with Quarkus' meter registry. */
public class MetricHygiene {

    @Produces
    @Singleton
    MeterFilter helpText() {
        return new PrometheusHelpText();
    }
}
