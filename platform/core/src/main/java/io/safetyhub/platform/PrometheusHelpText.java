package io.safetyhub.platform;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Keeps {@code /q/metrics} parseable and lint-clean for Prometheus' own tools. The 0.0.4 text format allows only
 * {@code \\} and newline escapes in HELP, yet the exporter writes {@code \"} for a double quote (JVM binders use
 * quotes, e.g. system.cpu.usage), which {@code promtool check metrics} rejects; and a meter without a description
 * gets no HELP line at all. Quotes become apostrophes, and a meter without a description gets its name as one.
 * Each service and the gateway register it as a CDI {@code MeterFilter} bean.
 */
public class PrometheusHelpText implements MeterFilter {

    @Override
    public Meter.Id map(Meter.Id id) {
        return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), describe(id), id.getType());
    }

    static String describe(Meter.Id id) {
        String description = id.getDescription();
        if (description == null || description.isBlank()) {
            return id.getName().replace('.', ' ');
        }
        return description.replace('"', '\'').replace('\n', ' ');
    }
}
