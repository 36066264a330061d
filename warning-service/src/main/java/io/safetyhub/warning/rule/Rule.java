package io.safetyhub.warning.rule;

import io.safetyhub.events.AlarmLevel;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An alarm rule on one metric: graded steps, each a level reached when the value is at or above
 * (or, for LOW rules, at or below) its threshold. One open alarm exists per device and rule; its
 * level follows the most severe step reached.
 *
 * @param deviceKind device kind the rule applies to, or null for any kind
 * @param source     the standard or document the thresholds come from
 */
public record Rule(String id, String metric, String deviceKind, Comparison comparison, List<Step> steps,
                   String source) {

    public enum Comparison { HIGH, LOW }

    public record Step(AlarmLevel level, double threshold) {
    }

    public Rule {
        steps = List.copyOf(steps);
    }

    public boolean appliesTo(String readingMetric, String readingKind) {
        return metric.equals(readingMetric) && (deviceKind == null || deviceKind.equals(readingKind));
    }

    /** The most severe step the value reaches, if any. */
    public Optional<Step> evaluate(double value) {
        return steps.stream()
                .filter(s -> comparison == Comparison.HIGH ? value >= s.threshold() : value <= s.threshold())
                .min(Comparator.comparingInt(s -> s.level().rank()));
    }
}
