package io.safetyhub.platform;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keeps {@code /q/metrics} free of what {@code promtool check metrics} rejects beyond help texts (those are
 * {@link PrometheusHelpText}'s), for the meters every service gets from its libraries:
 * <ul>
 *   <li>a long task timer ({@code http.server.connections} of Vert.x) is written by the simpleclient exporter as a
 *       {@code summary} whose samples are named {@code _active_count} and {@code _duration_sum}, which are not a
 *       summary's: Prometheus' own parser reads them as two families without TYPE or HELP. Dropped; the open
 *       requests stay visible as {@code http_server_active_requests};</li>
 *   <li>a name carrying an abbreviated unit ({@code kafka.consumer.io.time.ns.total},
 *       {@code kafka.app.info.start.time.ms}, {@code process.cpu.time} in {@code ns}) counts in a unit other than
 *       the base one, and a filter can rename but not rescale: dropped. Kafka's ratios and rates
 *       ({@code *_io_ratio}, {@code *_io_wait_ratio}) and {@code process_cpu_usage} carry the same information;</li>
 *   <li>a gauge ending in {@code count} reads as a summary's or histogram's {@code _count}: renamed
 *       ({@code system.cpu.count} to {@code system.cpu.processors}, Kafka's {@code connection.count} to
 *       {@code connections}).</li>
 * </ul>
 * Register it as a CDI {@code MeterFilter} bean beside {@link PrometheusHelpText}.
 */
public class PrometheusNames implements MeterFilter {
    /** promtool's list: a name segment equal to one of these is an abbreviated unit. */
    static final Set<String> ABBREVIATED_UNITS = Set.of("s", "ms", "us", "ns", "sec", "b", "kb", "mb", "gb", "tb", "pb",
            "m", "h", "d");
    private static final Map<String, String> RENAMED_GAUGES = Map.of("system.cpu.count", "system.cpu.processors");
    private static final String KAFKA_CONNECTION_COUNT = ".connection.count";

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        if (id.getType() == Meter.Type.LONG_TASK_TIMER || hasAbbreviatedUnit(id)) {
            return MeterFilterReply.DENY;
        }
        return MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        String renamed = RENAMED_GAUGES.get(id.getName());
        if (renamed == null && id.getName().startsWith("kafka.") && id.getName().endsWith(KAFKA_CONNECTION_COUNT)) {
            renamed = id.getName().substring(0, id.getName().length() - KAFKA_CONNECTION_COUNT.length()) + ".connections";
        }
        return renamed == null ? id : id.withName(renamed);
    }

    static boolean hasAbbreviatedUnit(Meter.Id id) {
        String baseUnit = id.getBaseUnit();
        if (baseUnit != null && ABBREVIATED_UNITS.contains(baseUnit.toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (String segment : id.getName().toLowerCase(Locale.ROOT).split("[._\\-]")) {
            if (ABBREVIATED_UNITS.contains(segment)) {
                return true;
            }
        }
        return false;
    }
}
