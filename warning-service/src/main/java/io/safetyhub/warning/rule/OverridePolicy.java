package io.safetyhub.warning.rule;

import io.safetyhub.events.AlarmLevel;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;

/**
 * What an override of a built-in rule may change: it may only tighten the national standard (issue 15 item 2). Every
 * level of the standard is kept; each kept level's threshold is at or below the standard's for a rising rule (at or
 * above for a falling one); the minimum duration (debounce, also before clearing) is at most a small bound. Extra
 * levels may be added: the order of thresholds by severity (checked before) keeps them inside the standard's band.
 * This holds for operators too: an override is an enterprise's setting, and nobody may weaken the standard for it.
 */
@ApplicationScoped
public class OverridePolicy {
    private final StandardDefaults defaults;
    private final Duration maxMinDuration;

    public OverridePolicy(StandardDefaults defaults, WarningConfig config) {
        this.defaults = defaults;
        this.maxMinDuration = config.rules().maxOverrideMinDuration();
    }

    /**
     * Refuses, naming the field, an override that would weaken {@code base}.
     *
     * @param input the steps as the caller sent them (their indexes name the fields)
     */
    public void check(Rule base, List<RuleOverrideRequest.StepInput> input, long minDurationSeconds) {
        for (Rule.Step standard : base.steps()) {
            int at = indexOf(input, standard.level());
            if (at < 0) {
                throw DomainException.field("steps", "level " + standard.level().roman() + " (" + standard.level()
                        + ") of " + base.source() + " must be kept");
            }
            double bound = bound(base, standard);
            double threshold = input.get(at).threshold();
            boolean weaker = base.comparison() == Rule.Comparison.HIGH ? threshold > bound : threshold < bound;
            if (weaker) {
                throw DomainException.field("steps[" + at + "].threshold", "level " + standard.level().roman()
                        + " threshold " + threshold + (base.comparison() == Rule.Comparison.HIGH ? " exceeds " : " is below ")
                        + bound + " allowed by " + base.source() + "; an override may only tighten");
            }
        }
        if (minDurationSeconds > maxMinDuration.toSeconds()) {
            throw DomainException.field("minDurationSeconds", "at most " + maxMinDuration.toSeconds()
                    + " s: a longer debounce would hold back the standard's alarm");
        }
    }

    /** The standard's limit for one of its levels: GB/T 50493-2019 lets the first gas level reach 25 %LEL. */
    double bound(Rule base, Rule.Step standard) {
        return standard.equals(base.firstStep()) ? defaults.firstLevelBound(base) : standard.threshold();
    }

    private static int indexOf(List<RuleOverrideRequest.StepInput> input, AlarmLevel level) {
        for (int i = 0; i < input.size(); i++) {
            if (input.get(i).level() == level) {
                return i;
            }
        }
        return -1;
    }
}
