package io.safetyhub.warning.rule;

import java.util.Map;

/**
 * Where {@link RuleBook} keeps overrides and created rules, by key ({@link RuleBook#key}): MongoDB in the service,
 * memory in the engine's tests.
 */
public interface RuleRepository {

    /** Every stored rule by key; an override of a rule no longer built in is left out (kept for the record). */
    Map<String, Rule> findAll();

    /** Stores the rule under its key, replacing what was there, so that a repeat is harmless. */
    void save(String key, Rule rule);

    void delete(String key);

    void deleteAll();
}
