package io.safetyhub.warning.rule;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.time.Duration;
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
 * queries MongoDB per reading. Rules created for metrics without a national default (tank level, crane
 * tilt …) live in the same collection, flagged {@code custom}, and are evaluated alongside the defaults.
 */
@ApplicationScoped
public class RuleBook {
    private final StandardDefaults defaults;
    private final MongoCollection<Document> overrides;
    private final Map<String, Rule> byKey = new ConcurrentHashMap<>();
    /** Created rules by metric, rebuilt on each change so a reading finds its candidates without a scan. */
    private volatile Map<String, List<Rule>> customByMetric = Map.of();

    public RuleBook(StandardDefaults defaults, MongoClient mongo, WarningConfig config) {
        this.defaults = defaults;
        this.overrides = mongo.getDatabase(config.database()).getCollection("rule_overrides");
        for (Document d : overrides.find()) {
            Rule r = fromDocument(d);
            if (r != null) {
                byKey.put(d.getString("_id"), r);
            }
        }
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
        overrides.replaceOne(Filters.eq("_id", key), toDocument(key, rule), new ReplaceOptions().upsert(true));
        byKey.put(key, rule);
        reindex();
        return rule;
    }

    public void remove(String key) {
        overrides.deleteOne(Filters.eq("_id", key));
        byKey.remove(key);
        reindex();
    }

    public void removeAll() {
        overrides.deleteMany(new Document());
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

    private static Document toDocument(String key, Rule r) {
        List<Document> steps = r.steps().stream()
                .map(s -> new Document("level", s.level().name()).append("threshold", s.threshold())).toList();
        return new Document("_id", key).append("ruleId", r.id()).append("enterpriseId", r.enterpriseId())
                .append("deviceId", r.deviceId()).append("steps", steps)
                .append("minDurationSeconds", r.minDuration().toSeconds()).append("deadBand", r.deadBand())
                .append("custom", r.custom()).append("metric", r.metric()).append("deviceKind", r.deviceKind())
                .append("comparison", r.comparison().name());
    }

    private Rule fromDocument(Document d) {
        List<Rule.Step> steps = d.getList("steps", Document.class).stream()
                .map(s -> new Rule.Step(AlarmLevel.valueOf(s.getString("level")), s.getDouble("threshold"))).toList();
        Duration minDuration = Duration.ofSeconds(d.get("minDurationSeconds", Number.class).longValue());
        if (d.getBoolean("custom", false)) {
            return Rule.custom(d.getString("metric"), Rule.Comparison.valueOf(d.getString("comparison")),
                    d.getString("deviceKind"), d.getString("enterpriseId"), d.getString("deviceId"), steps,
                    minDuration, d.getDouble("deadBand"));
        }
        Optional<Rule> base = defaults.byId(d.getString("ruleId"));
        if (base.isEmpty()) {
            return null; // an override of a rule no longer built in: ignored, kept for the record
        }
        return base.get().overriddenBy(d.getString("enterpriseId"), d.getString("deviceId"), steps, minDuration,
                d.getDouble("deadBand"));
    }
}
