package io.safetyhub.warning.rule;

import io.safetyhub.events.AlarmLevel;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The built-in rules whose thresholds come from national standards (domain.md, "Defaults"). */
@ApplicationScoped
public class StandardDefaults {
    public static final String GAS_LEL = "default-gas-lel";
    public static final String GAS_PPM = "default-gas-ppm";
    public static final String LOAD_RATIO = "default-crane-load-ratio";
    public static final String MOMENT_RATIO = "default-crane-moment-ratio";
    public static final String WIND_SPEED = "default-crane-wind-speed";
    public static final String OFFLINE = "default-offline";
    public static final String FAULT = "default-fault";
    public static final String COMMITMENT = "default-commitment-missing";
    public static final String DUTY = "default-duty-overdue";

    /** GB/T 50493-2019 §5.5 lets the first-level gas alarm be set at most this high. */
    public static final double GAS_LEL_FIRST_LEVEL_MAX = 25;

    private final List<Rule> rules;
    /**
     * {@link #rulesFor} per metric and device kind. Bounded: the pairs come from readings, and a device inventing
     * metric names must not grow it without end (past the bound the rules are worked out each time).
     */
    private final Map<String, Map<String, List<Rule>>> byMetricAndKind = new ConcurrentHashMap<>();
    private final AtomicInteger pairsCached = new AtomicInteger();
    private static final int MAX_PAIRS_CACHED = 4096;
    private final Map<String, Double> oelPpm;
    private final Duration offlineAfter;

    public StandardDefaults(WarningConfig config) {
        WarningConfig.Defaults d = config.defaults();
        this.oelPpm = parseOel(d.oelPpm());
        this.offlineAfter = d.publishingInterval().multipliedBy(3);
        String crane = "GB 5144-2006 6.1.2, JGJ 332-2014";
        this.rules = List.of(
                rule(GAS_LEL, "gas_lel", null, Rule.Scale.RAW, 2, true, "GB/T 50493-2019 §5.5",
                        new Rule.Step(AlarmLevel.YELLOW, d.gasLelFirstLevel()),
                        new Rule.Step(AlarmLevel.ORANGE, d.gasLelSecondLevel())),
                rule(GAS_PPM, "gas_ppm", null, Rule.Scale.PERCENT_OEL, 10, false, "GB/T 50493-2019 (toxic, % OEL)",
                        new Rule.Step(AlarmLevel.YELLOW, 100), new Rule.Step(AlarmLevel.ORANGE, 200)),
                rule(LOAD_RATIO, "load_ratio", null, Rule.Scale.RAW, 5, false, crane,
                        new Rule.Step(AlarmLevel.YELLOW, 90), new Rule.Step(AlarmLevel.ORANGE, 100),
                        new Rule.Step(AlarmLevel.RED, 110)),
                rule(MOMENT_RATIO, "moment_ratio", null, Rule.Scale.RAW, 5, false, crane,
                        new Rule.Step(AlarmLevel.YELLOW, 90), new Rule.Step(AlarmLevel.ORANGE, 100),
                        new Rule.Step(AlarmLevel.RED, 110)),
                rule(WIND_SPEED, "wind_speed", null, Rule.Scale.RAW, 1, false, "JGJ 276-2012 3.0.12",
                        new Rule.Step(AlarmLevel.ORANGE, 10.8), new Rule.Step(AlarmLevel.RED, 13.9)));
    }

    private static Rule rule(String id, String metric, String kind, Rule.Scale scale, double deadBand, boolean red,
                             String source, Rule.Step... steps) {
        return new Rule(id, metric, kind, null, null, Rule.Comparison.HIGH, List.of(steps), Duration.ZERO, deadBand,
                scale, red, source);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The default rules of a metric and device kind, worked out once per pair: asked for every reading. */
    public List<Rule> rulesFor(String metric, String deviceKind) {
        Map<String, List<Rule>> byKind = byMetricAndKind.get(metric);
        if (byKind == null) {
            byKind = pairsCached.get() < MAX_PAIRS_CACHED
                    ? byMetricAndKind.computeIfAbsent(metric, m -> new ConcurrentHashMap<>()) : new HashMap<>();
        }
        String kind = String.valueOf(deviceKind); // a map key cannot be null; no kind is named "null"
        List<Rule> found = byKind.get(kind);
        if (found == null) {
            found = rules.stream().filter(r -> r.appliesTo(metric, deviceKind)).toList();
            if (pairsCached.get() < MAX_PAIRS_CACHED && pairsCached.incrementAndGet() <= MAX_PAIRS_CACHED) {
                byKind.put(kind, found);
            }
        }
        return found;
    }

    public Optional<Rule> byId(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Silence after which a device counts as offline: three publishing intervals (总局令40号). */
    public Duration offlineAfter() {
        return offlineAfter;
    }

    /** The value the rule compares: raw, or ppm as % of the gas's exposure limit (empty if the gas is unknown). */
    public OptionalDouble measure(Rule rule, double value, String gas) {
        if (rule.scale() == Rule.Scale.RAW) {
            return OptionalDouble.of(value);
        }
        Double oel = gas == null ? null : oelPpm.get(gas.toUpperCase());
        return oel == null ? OptionalDouble.empty() : OptionalDouble.of(value / oel * 100);
    }

    /** Highest first-level threshold an override of this rule may set: the standard's bound. */
    public double firstLevelBound(Rule base) {
        return GAS_LEL.equals(base.id()) ? GAS_LEL_FIRST_LEVEL_MAX : base.firstStep().threshold();
    }

    private static Map<String, Double> parseOel(String spec) {
        Map<String, Double> map = new HashMap<>();
        for (String pair : spec.split(",")) {
            String[] kv = pair.trim().split("=");
            if (kv.length == 2) {
                map.put(kv[0].trim().toUpperCase(), Double.parseDouble(kv[1].trim()));
            }
        }
        return Map.copyOf(map);
    }
}
