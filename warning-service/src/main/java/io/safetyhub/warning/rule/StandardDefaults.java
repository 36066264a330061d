package io.safetyhub.warning.rule;

import io.safetyhub.events.AlarmLevel;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The built-in rules whose thresholds come from national standards (domain.md, "Defaults"). */
@ApplicationScoped
public class StandardDefaults {
    public static final String GAS_LEL = "default-gas-lel";

    private final List<Rule> rules;

    public StandardDefaults(WarningConfig config) {
        WarningConfig.Defaults d = config.defaults();
        this.rules = List.of(
                new Rule(GAS_LEL, "gas_lel", null, Rule.Comparison.HIGH, List.of(
                        new Rule.Step(AlarmLevel.YELLOW, d.gasLelFirstLevel()),
                        new Rule.Step(AlarmLevel.ORANGE, d.gasLelSecondLevel())),
                        "GB/T 50493-2019 §5.5"));
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Rule> rulesFor(String metric, String deviceKind) {
        return rules.stream().filter(r -> r.appliesTo(metric, deviceKind)).toList();
    }
}
