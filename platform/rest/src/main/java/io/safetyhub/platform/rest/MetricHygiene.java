package io.safetyhub.platform.rest;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps {@code /q/metrics} parseable and lint-clean for Prometheus' own tools. The 0.0.4 text format allows only
 * {@code \\} and newline escapes in HELP, yet the exporter writes {@code \"} for a double quote (JVM binders use
 * quotes, e.g. system.cpu.usage), which {@code promtool check metrics} rejects; and a meter without a description
 * gets no HELP line at all. Quotes become apostrophes, and a meter without a description gets its name as one.
 */
public class MetricHygiene {

    @Produces
    @Singleton
    MeterFilter helpText() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return new Meter.Id(id.getName(), io.micrometer.core.instrument.Tags.of(id.getTagsAsIterable()),
                        id.getBaseUnit(), describe(id), id.getType());
            }
        };
    }

    static String describe(Meter.Id id) {
        String description = id.getDescription();
        if (description == null || description.isBlank()) {
            return id.getName().replace('.', ' ');
        }
        return description.replace('"', '\'').replace('\n', ' ');
    }
}
