package io.safetyhub.warning.rule;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.enterprise.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** The rule audit in MongoDB ({@code rule_audit}), one document per change, read newest first. */
@ApplicationScoped
public class MongoRuleAuditRepository implements RuleAuditRepository {
    private final MongoCollection<Document> audit;

    public MongoRuleAuditRepository(MongoClient mongo, WarningConfig config) {
        this.audit = mongo.getDatabase(config.database()).getCollection("rule_audit");
    }

    @Override
    public void append(RuleAudit a) {
        audit.insertOne(new Document("_id", a.id()).append("at", Date.from(a.at())).append("by", a.by())
                .append("role", a.role()).append("action", a.action().name()).append("key", a.key())
                .append("enterpriseId", a.enterpriseId()).append("deviceId", a.deviceId())
                .append("before", toDocument(a.before())).append("after", toDocument(a.after())));
    }

    @Override
    public List<RuleAudit> page(TenantScope.Reach reach, PageRequest page) {
        return audit.find(filter(reach)).sort(Sorts.descending("at")).skip(page.skip()).limit(page.size())
                .map(MongoRuleAuditRepository::fromDocument).into(new ArrayList<>());
    }

    @Override
    public long count(TenantScope.Reach reach) {
        return audit.countDocuments(filter(reach));
    }

    @Override
    public void deleteAll() {
        audit.deleteMany(new Document());
    }

    private static Bson filter(TenantScope.Reach reach) {
        return reach.everyEnterprise() ? new Document() : Filters.in("enterpriseId", reach.ids());
    }

    private static Document toDocument(RuleView v) {
        if (v == null) {
            return null;
        }
        List<Document> steps = v.steps().stream()
                .map(s -> new Document("level", s.level().name()).append("threshold", s.threshold())).toList();
        return new Document("key", v.key()).append("ruleId", v.ruleId()).append("metric", v.metric())
                .append("deviceKind", v.deviceKind()).append("enterpriseId", v.enterpriseId())
                .append("deviceId", v.deviceId()).append("comparison", v.comparison()).append("steps", steps)
                .append("minDurationSeconds", v.minDurationSeconds()).append("deadBand", v.deadBand())
                .append("source", v.source());
    }

    private static RuleView view(Document d) {
        if (d == null) {
            return null;
        }
        List<Rule.Step> steps = d.getList("steps", Document.class).stream()
                .map(s -> new Rule.Step(AlarmLevel.valueOf(s.getString("level")), s.getDouble("threshold"))).toList();
        return new RuleView(d.getString("key"), d.getString("ruleId"), d.getString("metric"), d.getString("deviceKind"),
                d.getString("enterpriseId"), d.getString("deviceId"), d.getString("comparison"), steps,
                d.get("minDurationSeconds", Number.class).longValue(), d.getDouble("deadBand"), d.getString("source"));
    }

    private static RuleAudit fromDocument(Document d) {
        return new RuleAudit(d.getString("_id"), d.getDate("at").toInstant(), d.getString("by"), d.getString("role"),
                RuleAudit.Action.valueOf(d.getString("action")), d.getString("key"), d.getString("enterpriseId"),
                d.getString("deviceId"), view(d.get("before", Document.class)), view(d.get("after", Document.class)));
    }
}
