package io.safetyhub.warning.rule;

import io.safetyhub.events.AlarmLevel;
import io.safetyhub.warning.config.WarningConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each built-in threshold at its boundary: reached at or above it, not below (domain.md, "Defaults"). */
class StandardDefaultsTest {
    private final StandardDefaults defaults = new StandardDefaults(new WarningConfig() {
        @Override
        public String source() {
            return "test";
        }

        @Override
        public String database() {
            return "test";
        }

        @Override
        public Defaults defaults() {
            return new Defaults() {
                @Override
                public double gasLelFirstLevel() {
                    return 20;
                }

                @Override
                public double gasLelSecondLevel() {
                    return 50;
                }
            };
        }
    });

    @ParameterizedTest(name = "{0} {1} {2} -> {3} ({4})")
    @CsvSource({
            "gas-alarm,    gas_lel, 19.9,  NONE,   GB/T 50493-2019 §5.5 first-level alarm",
            "gas-alarm,    gas_lel, 20.0,  YELLOW, GB/T 50493-2019 §5.5 first-level alarm",
            "gas-detector, gas_lel, 49.9,  YELLOW, GB/T 50493-2019 §5.5 first-level alarm",
            "gas-detector, gas_lel, 50.0,  ORANGE, GB/T 50493-2019 §5.5 second-level alarm",
            "gas-alarm,    gas_lel, 100.0, ORANGE, GB/T 50493-2019 §5.5 second-level alarm",
            "tank,         level,   99.0,  NONE,   no national default for tank levels",
    })
    void shouldReachTheStandardLevelWhenValueIsAtOrAboveItsThreshold(String kind, String metric, double value,
                                                                     String expected, String source) {
        String reached = defaults.rulesFor(metric, kind).stream()
                .map(rule -> rule.evaluate(value).map(step -> step.level().name()).orElse("NONE"))
                .findFirst().orElse("NONE");
        assertEquals(expected, reached, source);
    }

    @ParameterizedTest
    @CsvSource({"ORANGE, YELLOW, true", "YELLOW, ORANGE, false", "RED, BLUE, true", "BLUE, BLUE, false"})
    void shouldOrderLevelsBySeverityWhenCompared(AlarmLevel a, AlarmLevel b, boolean moreSevere) {
        assertEquals(moreSevere, a.isMoreSevereThan(b));
    }
}
