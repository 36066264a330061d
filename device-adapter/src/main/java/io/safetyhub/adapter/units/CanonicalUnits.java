package io.safetyhub.adapter.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical unit of each metric (domain.md, "Devices and telemetry") and the other units that convert to it by
 * a fixed linear rule. Units are matched exactly, case included: {@code mPa} is not {@code MPa}.
 */
public final class CanonicalUnits {

    /** A value in its canonical unit. */
    public record Converted(double value, String unit) {
    }

    /** {@code canonical = value * multiply / divide + offset}; dividing by exact constants keeps 36 km/h at 10 m/s. */
    private record Rule(double multiply, double divide, double offset) {
        static final Rule SAME = new Rule(1, 1, 0);

        double apply(double value) {
            return value * multiply / divide + offset;
        }
    }

    /**
     * Converted values are rounded to 12 significant digits: binary floating point would otherwise turn 38.88 km/h
     * into 10.799999999999999 m/s, just under the Beaufort 6 threshold of 10.8 that a rule compares "at or above".
     */
    private static final MathContext PRECISION = new MathContext(12);

    private static final Map<String, Units> METRICS = metrics();

    private static Map<String, Units> metrics() {
        Units percent = Units.of("%");
        Units degrees = Units.of("°").and("deg", Rule.SAME).and("rad", new Rule(180, Math.PI, 0));
        Units metres = Units.of("m").and("cm", new Rule(1, 100, 0)).and("mm", new Rule(1, 1000, 0))
                .and("ft", new Rule(0.3048, 1, 0));
        Map<String, Units> metrics = new LinkedHashMap<>();
        metrics.put("gas_lel", Units.of("%LEL"));
        metrics.put("gas_ppm", Units.of("ppm").and("ppb", new Rule(1, 1000, 0)));
        metrics.put("load", Units.of("t").and("kg", new Rule(1, 1000, 0)).and("kN", new Rule(1, 9.80665, 0)));
        metrics.put("load_ratio", percent);
        metrics.put("moment_ratio", percent);
        metrics.put("wind_speed", Units.of("m/s").and("km/h", new Rule(1, 3.6, 0)).and("kn", new Rule(1852, 3600, 0)));
        metrics.put("tilt", degrees);
        metrics.put("slew", degrees);
        metrics.put("height", metres);
        metrics.put("radius", metres);
        metrics.put("level", metres);
        metrics.put("temperature", Units.of("°C").and("℃", Rule.SAME).and("degC", Rule.SAME)
                .and("K", new Rule(1, 1, -273.15)).and("°F", new Rule(5, 9, -160.0 / 9)));
        metrics.put("pressure", Units.of("MPa").and("kPa", new Rule(1, 1000, 0)).and("Pa", new Rule(1, 1_000_000, 0))
                .and("bar", new Rule(1, 10, 0)));
        metrics.put("battery", percent);
        metrics.put("flow", Units.of("m³/h").and("m3/h", Rule.SAME).and("L/s", new Rule(3.6, 1, 0))
                .and("L/min", new Rule(6, 100, 0)));
        return Map.copyOf(metrics);
    }

    /** The canonical unit of one metric and the aliases that convert to it. */
    private record Units(String canonical, Map<String, Rule> rules) {
        static Units of(String canonical) {
            return new Units(canonical, Map.of(canonical, Rule.SAME));
        }

        Units and(String alias, Rule rule) {
            Map<String, Rule> more = new LinkedHashMap<>(rules);
            more.put(alias, rule);
            return new Units(canonical, Map.copyOf(more));
        }
    }

    private CanonicalUnits() {
    }

    /** The canonical unit of a metric, or empty for a metric the platform does not know. */
    public static Optional<String> canonicalUnitOf(String metric) {
        return Optional.ofNullable(METRICS.get(metric)).map(Units::canonical);
    }

    /** The value in the metric's canonical unit, or empty when the metric is unknown or the unit does not convert. */
    public static Optional<Converted> convert(String metric, String unit, double value) {
        Units units = METRICS.get(metric);
        Rule rule = units == null ? null : units.rules().get(unit);
        if (rule == null) {
            return Optional.empty();
        }
        double converted = rule == Rule.SAME ? value : round(rule.apply(value));
        return Optional.of(new Converted(converted, units.canonical()));
    }

    private static double round(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).round(PRECISION).doubleValue() : value;
    }
}
