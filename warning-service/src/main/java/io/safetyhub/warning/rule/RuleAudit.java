package io.safetyhub.warning.rule;

import java.time.Instant;

/**
 * One change of an override or a created rule, as the district regulator reads it: who, when, and the rule before
 * and after (null before a first setting, null after a removal).
 *
 * @param role the strongest role of {@code by} (an operator acting for an enterprise is told apart from it)
 */
public record RuleAudit(String id, Instant at, String by, String role, Action action, String key,
                        String enterpriseId, String deviceId, RuleView before, RuleView after) {

    public enum Action { SET, CREATE, DELETE }
}
