package io.safetyhub.warning.rule;

import io.safetyhub.events.AlarmLevel;
import io.safetyhub.warning.support.Engines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each built-in threshold at its boundary: reached at or above it, not below (domain.md, "Defaults"). */
class StandardDefaultsTest {
    private final StandardDefaults defaults = new StandardDefaults(Engines.config(Map.of()));

    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4} ({5})")
    @CsvSource({
            "gas-alarm,    gas_lel,      , 19.9,  NONE,   GB/T 50493-2019 §5.5 first-level alarm",
            "gas-alarm,    gas_lel,      , 20.0,  YELLOW, GB/T 50493-2019 §5.5 first-level alarm",
            "gas-detector, gas_lel,      , 49.9,  YELLOW, GB/T 50493-2019 §5.5 first-level alarm",
            "gas-detector, gas_lel,      , 50.0,  ORANGE, GB/T 50493-2019 §5.5 second-level alarm",
            "gas-alarm,    gas_lel,      , 100.0, ORANGE, GB/T 50493-2019 §5.5 second-level alarm",
            "gas-detector, gas_ppm,   H2S, 6.99,  NONE,   GB/T 50493-2019 toxic 100 % OEL (H2S 7 ppm, GBZ 2.1)",
            "gas-detector, gas_ppm,   H2S, 7.0,   YELLOW, GB/T 50493-2019 toxic 100 % OEL (H2S 7 ppm, GBZ 2.1)",
            "gas-detector, gas_ppm,   H2S, 13.99, YELLOW, GB/T 50493-2019 toxic 200 % OEL",
            "gas-detector, gas_ppm,   H2S, 14.0,  ORANGE, GB/T 50493-2019 toxic 200 % OEL",
            "gas-detector, gas_ppm,   CO,  17.0,  YELLOW, GB/T 50493-2019 toxic 100 % OEL (CO 17 ppm, GBZ 2.1)",
            "gas-detector, gas_ppm, XENON, 999,   NONE,   no OEL configured for the gas: no threshold alarm",
            "tower-crane,  load_ratio,   , 89.9,  NONE,   GB 5144-2006 6.1.2 pre-warning at 90 %",
            "tower-crane,  load_ratio,   , 90.0,  YELLOW, GB 5144-2006 6.1.2 pre-warning at 90 %",
            "tower-crane,  load_ratio,   , 99.9,  YELLOW, GB 5144-2006 6.1.2 limiter at 100 %",
            "tower-crane,  load_ratio,   , 100.0, ORANGE, GB 5144-2006 6.1.2 limiter at 100 %",
            "tower-crane,  load_ratio,   , 109.9, ORANGE, JGJ 332-2014 overload at 110 %",
            "tower-crane,  load_ratio,   , 110.0, RED,    JGJ 332-2014 overload at 110 %",
            "tower-crane,  moment_ratio, , 89.9,  NONE,   GB 5144-2006 6.1.2 pre-warning at 90 %",
            "tower-crane,  moment_ratio, , 90.0,  YELLOW, GB 5144-2006 6.1.2 pre-warning at 90 %",
            "tower-crane,  moment_ratio, , 100.0, ORANGE, GB 5144-2006 6.1.2 limiter at 100 %",
            "tower-crane,  moment_ratio, , 110.0, RED,    JGJ 332-2014 overload at 110 %",
            "tower-crane,  wind_speed,   , 10.7,  NONE,   JGJ 276-2012 3.0.12 Beaufort 6 stop lifting",
            "tower-crane,  wind_speed,   , 10.8,  ORANGE, JGJ 276-2012 3.0.12 Beaufort 6 stop lifting",
            "tower-crane,  wind_speed,   , 13.8,  ORANGE, JGJ 276-2012 3.0.12 Beaufort 7",
            "tower-crane,  wind_speed,   , 13.9,  RED,    JGJ 276-2012 3.0.12 Beaufort 7",
            "tank,         level,        , 99.0,  NONE,   no national default for tank levels",
    })
    void shouldReachTheStandardLevelWhenValueIsAtOrAboveItsThreshold(String kind, String metric, String gas,
                                                                     double value, String expected, String source) {
        String reached = defaults.rulesFor(metric, kind).stream()
                .map(rule -> {
                    OptionalDouble v = defaults.measure(rule, value, gas);
                    return v.isEmpty() ? "NONE" : rule.evaluate(v.getAsDouble()).map(s -> s.level().name()).orElse("NONE");
                })
                .findFirst().orElse("NONE");
        assertEquals(expected, reached, source);
    }

    @Test
    void shouldTreatADeviceAsOfflineWhenSilentForThreePublishingIntervals() {
        // 总局令40号 (continuous collection): silent more than 3 x the 30 s default interval.
        assertEquals(Duration.ofSeconds(90), defaults.offlineAfter());
    }

    @Test
    void shouldAnswerTheSameRulesWhenDevicesInventMoreMetricsThanAreRemembered() {
        // The rules per metric and kind are remembered (asked for every reading), up to a bound: past it a device
        // sending made-up metric names still gets an answer, and the known pairs keep theirs.
        List<Rule> gas = defaults.rulesFor("gas_lel", "gas-alarm");
        for (int i = 0; i < 5_000; i++) {
            assertTrue(defaults.rulesFor("made_up_" + i, "gas-alarm").isEmpty());
        }
        assertEquals(gas, defaults.rulesFor("gas_lel", "gas-alarm"));
        assertEquals(List.of(StandardDefaults.GAS_LEL), defaults.rulesFor("gas_lel", "gas-detector").stream()
                .map(Rule::id).toList(), "GB/T 50493-2019 §5.5 first-level alarm, asked past the bound");
        assertEquals(List.of(StandardDefaults.GAS_LEL), defaults.rulesFor("gas_lel", null).stream().map(Rule::id)
                .toList(), "the gas rule names no device kind, so a reading without one gets it too");
        assertTrue(defaults.rulesFor("level", "tank").isEmpty(), "no national default for tank levels");
    }

    @Test
    void shouldBoundTheGasFirstLevelAt25PercentLelWhenOverridden() {
        // GB/T 50493-2019 §5.5: the first-level alarm may be set at most at 25 %LEL.
        assertEquals(25.0, defaults.firstLevelBound(defaults.byId(StandardDefaults.GAS_LEL).orElseThrow()));
    }

    @ParameterizedTest
    @CsvSource({"ORANGE, YELLOW, true", "YELLOW, ORANGE, false", "RED, BLUE, true", "BLUE, BLUE, false"})
    void shouldOrderLevelsBySeverityWhenCompared(AlarmLevel a, AlarmLevel b, boolean moreSevere) {
        assertEquals(moreSevere, a.isMoreSevereThan(b));
    }
}
