package io.safetyhub.warning.rule;

import io.safetyhub.events.AlarmLevel;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.support.Engines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Issue 15 item 2: an override of a national-standard rule may only tighten it. */
class OverridePolicyTest {
    private static final WarningConfig CONFIG = Engines.config(Map.of());
    private static final StandardDefaults DEFAULTS = new StandardDefaults(CONFIG);
    private static final OverridePolicy POLICY = new OverridePolicy(DEFAULTS, CONFIG);

    @ParameterizedTest(name = "{0}: {1} min {2} s -> {3}")
    @CsvSource(delimiter = ';', value = {
            // rule; steps level:threshold; minDurationSeconds; refused field ("" = accepted)
            "default-gas-lel;            YELLOW:25;                         0;    steps",
            "default-gas-lel;            YELLOW:20 ORANGE:1e300;            0;    steps[1].threshold",
            "default-gas-lel;            YELLOW:25.1 ORANGE:50;             0;    steps[0].threshold",
            "default-gas-lel;            YELLOW:20 ORANGE:50.5;             0;    steps[1].threshold",
            "default-gas-lel;            ORANGE:60 YELLOW:20;               0;    steps[0].threshold",
            "default-gas-lel;            YELLOW:25 ORANGE:50;               0;    ''",
            "default-gas-lel;            YELLOW:10 ORANGE:40 RED:60;        60;   ''",
            "default-gas-lel;            YELLOW:10 ORANGE:40;               61;   minDurationSeconds",
            "default-gas-lel;            YELLOW:10 ORANGE:40;               3600; minDurationSeconds",
            "default-crane-wind-speed;   ORANGE:10.8 RED:13.9;              0;    ''",
            "default-crane-wind-speed;   YELLOW:8 ORANGE:10 RED:12;         0;    ''",
            "default-crane-wind-speed;   ORANGE:10.8 RED:14;                0;    steps[1].threshold",
            "default-crane-wind-speed;   RED:13.9;                          0;    steps",
            "default-crane-load-ratio;   YELLOW:85 ORANGE:95 RED:105;       0;    ''",
            "default-crane-load-ratio;   YELLOW:91 ORANGE:100 RED:110;      0;    steps[0].threshold",
            "default-gas-ppm;            YELLOW:100 ORANGE:200;             0;    ''",
            "default-gas-ppm;            YELLOW:100 ORANGE:250;             0;    steps[1].threshold",
    })
    void shouldAcceptOnlyTighteningWhenAnOverrideChangesAStandardRule(String ruleId, String steps, long minDuration,
                                                                       String refusedField) {
        Rule base = DEFAULTS.byId(ruleId).orElseThrow();
        List<RuleOverrideRequest.StepInput> input = parse(steps);
        if (refusedField.isEmpty()) {
            assertDoesNotThrow(() -> POLICY.check(base, input, minDuration));
        } else {
            DomainException refused = assertThrows(DomainException.class, () -> POLICY.check(base, input, minDuration));
            assertEquals(refusedField, refused.errors().get(0).field());
        }
    }

    @Test
    void shouldBoundTheFirstGasLevelBy25PercentLelWhenTheConfiguredDefaultIsLower() {
        Rule gas = DEFAULTS.byId(StandardDefaults.GAS_LEL).orElseThrow();
        assertEquals(25.0, POLICY.bound(gas, gas.firstStep()), "GB/T 50493-2019 §5.5");
        assertEquals(50.0, POLICY.bound(gas, gas.steps().get(1)));
    }

    private static List<RuleOverrideRequest.StepInput> parse(String steps) {
        List<RuleOverrideRequest.StepInput> out = new ArrayList<>();
        for (String s : steps.trim().split(" +")) {
            String[] kv = s.split(":");
            out.add(new RuleOverrideRequest.StepInput(AlarmLevel.valueOf(kv[0]), Double.parseDouble(kv[1])));
        }
        return out;
    }
}
