package io.safetyhub.warning.rule;

import java.util.List;

/** A rule as callers see it; {@code key} addresses an override for deletion, null for a built-in default. */
public record RuleView(String key, String ruleId, String metric, String deviceKind, String enterpriseId,
                       String deviceId, String comparison, List<Rule.Step> steps, long minDurationSeconds,
                       double deadBand, String source) {

    static RuleView of(Rule r) {
        String key = r.enterpriseId() == null ? null : RuleBook.key(r.id(), r.enterpriseId(), r.deviceId());
        return new RuleView(key, r.id(), r.metric(), r.deviceKind(), r.enterpriseId(), r.deviceId(),
                r.comparison().name(), r.steps(), r.minDuration().toSeconds(), r.deadBand(), r.source());
    }
}
