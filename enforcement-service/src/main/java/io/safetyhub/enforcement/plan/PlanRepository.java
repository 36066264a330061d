package io.safetyhub.enforcement.plan;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.safetyhub.enforcement.common.Stored;
import io.safetyhub.enforcement.config.EnforcementConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code plans} collection. */
@ApplicationScoped
public class PlanRepository {
    private final MongoCollection<Document> plans;
    private final Stored stored;

    public PlanRepository(
            MongoClient mongo,
            EnforcementConfig config,
            Stored stored) {
        this.plans = mongo.getDatabase(config.database()).getCollection("plans");
        this.stored = stored;
    }

    public Optional<Plan> byId(String id) {
        return Optional.ofNullable(plans.find(Filters.eq("_id", id)).first()).map(d -> stored.read(d, Plan.class));
    }

    public List<Plan> find(Bson filter) {
        List<Plan> out = new ArrayList<>();
        plans.find(filter).sort(Sorts.descending("periodStart", "_id")).forEach(d -> out.add(stored.read(d, Plan.class)));
        return out;
    }

    /**
     * Points the plan at {@code next} if its effective draw is still {@code expected} (null for the first draw): one
     * atomic update, so two regulators drawing or redrawing the same plan at once cannot both succeed.
     */
    public boolean claimDraw(String planId, String expected, String next) {
        return plans.updateOne(Filters.and(Filters.eq("_id", planId), Filters.eq("drawId", expected)),
                new Document("$set", new Document("drawId", next))).getModifiedCount() == 1;
    }

    public void insert(Plan plan) {
        plans.insertOne(stored.write(plan));
    }
}
