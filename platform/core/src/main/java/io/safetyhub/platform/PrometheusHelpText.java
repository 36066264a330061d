package io.safetyhub.platform;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code /q/metrics} parseable and lint-clean for Prometheus' own tools. The 0.0.4 text format allows only
 * {@code \\} and newline escapes in HELP, yet the exporter writes {@code \"} for a double quote (JVM binders use
 * quotes, e.g. system.cpu.usage), which {@code promtool check metrics} rejects; and a meter without a description
 * gets no HELP line at all. Quotes become apostrophes, and a meter without a description gets its name as one. Label
 * names in camelCase (Vert.x' mail client tags {@code clientName}) are flagged by promtool: they become snake_case.
 * Each service and the gateway register it as a CDI {@code MeterFilter} bean.
 */
public class PrometheusHelpText implements MeterFilter {

    @Override
    public Meter.Id map(Meter.Id id) {
        List<Tag> tags = new ArrayList<>();
        id.getTagsAsIterable().forEach(t -> tags.add(Tag.of(snakeCase(t.getKey()), t.getValue())));
        return new Meter.Id(id.getName(), Tags.of(tags), id.getBaseUnit(), describe(id), id.getType());
    }

    /** {@code clientName} -> {@code client_name}; a key without capitals is returned as it is. */
    static String snakeCase(String key) {
        if (key.chars().noneMatch(Character::isUpperCase)) {
            return key;
        }
        StringBuilder out = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String describe(Meter.Id id) {
        String description = id.getDescription();
        if (description == null || description.isBlank()) {
            return id.getName().replace('.', ' ');
        }
        return description.replace('"', '\'').replace('\n', ' ');
    }
}
