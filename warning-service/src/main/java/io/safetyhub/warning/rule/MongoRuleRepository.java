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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Overrides and created rules in MongoDB ({@code rule_overrides}, {@code _id} = the rule key). An override is stored
 * as its scope and thresholds only and rebuilt on the built-in rule it overrides.
 */
@ApplicationScoped
public class MongoRuleRepository implements RuleRepository {
    private final StandardDefaults defaults;
    private final MongoCollection<Document> overrides;

    public MongoRuleRepository(StandardDefaults defaults, MongoClient mongo, WarningConfig config) {
        this.defaults = defaults;
        this.overrides = mongo.getDatabase(config.database()).getCollection("rule_overrides");
    }

    @Override
    public Map<String, Rule> findAll() {
        Map<String, Rule> out = new HashMap<>();
        for (Document d : overrides.find()) {
            fromDocument(d).ifPresent(r -> out.put(d.getString("_id"), r));
        }
        return out;
    }

    @Override
    public void save(String key, Rule rule) {
        overrides.replaceOne(Filters.eq("_id", key), toDocument(key, rule), new ReplaceOptions().upsert(true));
    }

    @Override
    public void delete(String key) {
        overrides.deleteOne(Filters.eq("_id", key));
    }

    @Override
    public void deleteAll() {
        overrides.deleteMany(new Document());
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

    private Optional<Rule> fromDocument(Document d) {
        List<Rule.Step> steps = d.getList("steps", Document.class).stream()
                .map(s -> new Rule.Step(AlarmLevel.valueOf(s.getString("level")), s.getDouble("threshold"))).toList();
        Duration minDuration = Duration.ofSeconds(d.get("minDurationSeconds", Number.class).longValue());
        if (d.getBoolean("custom", false)) {
            return Optional.of(Rule.custom(d.getString("metric"), Rule.Comparison.valueOf(d.getString("comparison")),
                    d.getString("deviceKind"), d.getString("enterpriseId"), d.getString("deviceId"), steps,
                    minDuration, d.getDouble("deadBand")));
        }
        return defaults.byId(d.getString("ruleId")).map(base -> base.overriddenBy(d.getString("enterpriseId"),
                d.getString("deviceId"), steps, minDuration, d.getDouble("deadBand")));
    }
}
