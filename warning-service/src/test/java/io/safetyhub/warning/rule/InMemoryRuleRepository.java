package io.safetyhub.warning.rule;

import java.util.LinkedHashMap;
import java.util.Map;

/** Overrides and created rules in memory, for the engine's plain JUnit tests; a new RuleBook on it is a restart. */
public class InMemoryRuleRepository implements RuleRepository {
    private final Map<String, Rule> byKey = new LinkedHashMap<>();

    @Override
    public synchronized Map<String, Rule> findAll() {
        return new LinkedHashMap<>(byKey);
    }

    @Override
    public synchronized void save(String key, Rule rule) {
        byKey.put(key, rule);
    }

    @Override
    public synchronized void delete(String key) {
        byKey.remove(key);
    }

    @Override
    public synchronized void deleteAll() {
        byKey.clear();
    }
}
