package io.safetyhub.warning.rule;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules in force: the built-in defaults, each replaceable by an enterprise override and that by a
 * device override. Overrides are few, so they are held in memory (loaded at start) and the engine never
 * reads the {@link RuleRepository} per reading. Rules created for metrics without a national default (tank level,
 * crane tilt …) are kept with the overrides, flagged {@code custom}, and evaluated alongside the defaults.
 */
@ApplicationScoped
public class RuleBook {
    private final StandardDefaults defaults;
    private final RuleRepository repository;
    private final Map<String, Rule> byKey = new ConcurrentHashMap<>();
    /** Created rules by metric, rebuilt on each change so a reading finds its candidates without a scan. */
    private volatile Map<String, List<Rule>> customByMetric = Map.of();

    public RuleBook(StandardDefaults defaults, RuleRepository repository) {
        this.defaults = defaults;
        this.repository = repository;
        byKey.putAll(repository.findAll());
        reindex();
    }

    public StandardDefaults defaults() {
        return defaults;
    }

    /** The effective rules for a reading: per default rule, the device override, else the enterprise one. */
    public List<Rule> rulesFor(String metric, String deviceKind, String enterpriseId, String deviceId) {
        List<Rule> out = new ArrayList<>();
        for (Rule base : defaults.rulesFor(metric, deviceKind)) {
            Rule device = byKey.get(key(base.id(), enterpriseId, deviceId));
            Rule enterprise = byKey.get(key(base.id(), enterpriseId, null));
            out.add(device != null ? device : enterprise != null ? enterprise : base);
        }
        // Created rules: per id, the one for this device wins over the enterprise-wide one.
        Map<String, Rule> custom = new LinkedHashMap<>();
        for (Rule r : customByMetric.getOrDefault(metric, List.of())) {
            boolean applies = r.appliesTo(metric, deviceKind) && r.enterpriseId().equals(enterpriseId)
                    && (r.deviceId() == null || r.deviceId().equals(deviceId));
            if (applies && (r.deviceId() != null || !custom.containsKey(r.id()))) {
                custom.put(r.id(), r);
            }
        }
        out.addAll(custom.values());
        return out;
    }

    public List<Rule> overrides() {
        return List.copyOf(byKey.values());
    }

    public Optional<Rule> override(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Stores an override; the document is replaced whole so a repeat is harmless. */
    public Rule put(Rule rule) {
        String key = key(rule.id(), rule.enterpriseId(), rule.deviceId());
        repository.save(key, rule);
        byKey.put(key, rule);
        reindex();
        return rule;
    }

    public void remove(String key) {
        repository.delete(key);
        byKey.remove(key);
        reindex();
    }

    public void removeAll() {
        repository.deleteAll();
        byKey.clear();
        reindex();
    }

    private synchronized void reindex() {
        Map<String, List<Rule>> index = new HashMap<>();
        byKey.values().stream().filter(Rule::custom)
                .forEach(r -> index.computeIfAbsent(r.metric(), m -> new ArrayList<>()).add(r));
        index.replaceAll((m, rules) -> List.copyOf(rules));
        customByMetric = Map.copyOf(index);
    }

    public static String key(String ruleId, String enterpriseId, String deviceId) {
        return ruleId + "|" + enterpriseId + "|" + (deviceId == null ? "*" : deviceId);
    }
}
