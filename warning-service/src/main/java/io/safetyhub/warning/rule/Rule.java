package io.safetyhub.warning.rule;

import io.safetyhub.events.AlarmLevel;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An alarm rule on one metric: graded steps, each a level reached when the value is at or above
 * (or, for LOW rules, at or below) its threshold. One open alarm exists per device and rule; its
 * level follows the most severe step reached. An override keeps the id of the rule it overrides, so
 * the device's open alarm stays the same alarm when a threshold is adjusted.
 *
 * @param deviceKind        device kind the rule applies to, or null for any kind
 * @param enterpriseId      set on an enterprise or device override
 * @param deviceId          set on a device override
 * @param minDuration       how long a condition must hold before the alarm is raised, and before it clears
 * @param deadBand          clearing needs the value below the lowest threshold minus this (hysteresis)
 * @param scale             how a reading's value becomes the rule's value
 * @param redOnTwoDetectors level I when two or more detectors of one hazard source are at level II
 * @param source            the standard or document the thresholds come from
 */
public record Rule(String id, String metric, String deviceKind, String enterpriseId, String deviceId,
                   Comparison comparison, List<Step> steps, Duration minDuration, double deadBand, Scale scale,
                   boolean redOnTwoDetectors, String source) {

    public enum Comparison { HIGH, LOW }

    /** Ids of rules created for metrics without a national default start with this. */
    public static final String CUSTOM_PREFIX = "custom:";
    public static final String CUSTOM_SOURCE = "plant design / manufacturer (set by the enterprise or an operator)";

    /** RAW uses the reading's value; PERCENT_OEL turns ppm into % of the gas's exposure limit. */
    public enum Scale { RAW, PERCENT_OEL }

    public record Step(AlarmLevel level, double threshold) {
    }

    public Rule {
        steps = List.copyOf(steps);
        minDuration = minDuration == null ? Duration.ZERO : minDuration;
    }

    public boolean appliesTo(String readingMetric, String readingKind) {
        return metric.equals(readingMetric) && (deviceKind == null || deviceKind.equals(readingKind));
    }

    /** The most severe step the value reaches, if any. */
    public Optional<Step> evaluate(double value) {
        // A loop, not a stream: this runs for every reading and rule, and the stream's objects were 2.6 % of what
        // warning-service allocated at 5,000 readings/s (bench/results/README.md, "What the alarm path allocates
        // and keeps").
        Step most = null;
        for (Step s : steps) {
            boolean reached = comparison == Comparison.HIGH ? value >= s.threshold() : value <= s.threshold();
            if (reached && (most == null || s.level().rank() < most.level().rank())) {
                most = s;
            }
        }
        return Optional.ofNullable(most);
    }

    /** The least severe step: the one whose threshold, with the dead-band, decides clearing. */
    public Step firstStep() {
        return steps.stream().max(Comparator.comparingInt(s -> s.level().rank())).orElseThrow();
    }

    /** True when the value has left the alarm band by more than the dead-band. */
    public boolean clears(double value) {
        double first = firstStep().threshold();
        return comparison == Comparison.HIGH ? value < first - deadBand : value > first + deadBand;
    }

    /** This rule with another scope and thresholds, for an override. */
    public Rule overriddenBy(String overEnterprise, String overDevice, List<Step> newSteps, Duration newMinDuration,
                             double newDeadBand) {
        return new Rule(id, metric, deviceKind, overEnterprise, overDevice, comparison, newSteps, newMinDuration,
                newDeadBand, scale, redOnTwoDetectors, source + " (overridden)");
    }

    /**
     * A rule for a metric without a national default. Its id is derived from metric, comparison and kind,
     * so creating it again replaces it (and a device's open alarm stays the same alarm).
     */
    public static Rule custom(String metric, Comparison comparison, String deviceKind, String enterpriseId,
                              String deviceId, List<Step> steps, Duration minDuration, double deadBand) {
        String id = CUSTOM_PREFIX + metric + ":" + comparison + (deviceKind == null ? "" : ":" + deviceKind);
        return new Rule(id, metric, deviceKind, enterpriseId, deviceId, comparison, steps, minDuration, deadBand,
                Scale.RAW, false, CUSTOM_SOURCE);
    }

    public boolean custom() {
        return id.startsWith(CUSTOM_PREFIX);
    }
}
