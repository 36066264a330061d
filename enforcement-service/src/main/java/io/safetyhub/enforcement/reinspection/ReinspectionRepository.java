package io.safetyhub.enforcement.reinspection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.safetyhub.enforcement.common.Stored;
import io.safetyhub.enforcement.config.EnforcementConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code reinspections} collection. */
@ApplicationScoped
public class ReinspectionRepository {
    private final MongoCollection<Document> reinspections;
    private final Stored stored;

    public ReinspectionRepository(
            MongoClient mongo,
            EnforcementConfig config,
            Stored stored) {
        this.reinspections = mongo.getDatabase(config.database()).getCollection("reinspections");
        this.stored = stored;
    }

    public boolean insertIfAbsent(Reinspection r) {
        try {
            reinspections.insertOne(stored.write(r));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Reinspection> byId(String id) {
        return Optional.ofNullable(reinspections.find(Filters.eq("_id", id)).first()).map(d -> stored.read(d, Reinspection.class));
    }

    /** Soonest due first. */
    public List<Reinspection> find(Bson filter) {
        List<Reinspection> out = new ArrayList<>();
        reinspections.find(filter).sort(Sorts.ascending("dueOn", "_id")).forEach(d -> out.add(stored.read(d, Reinspection.class)));
        return out;
    }

    /** Scheduled re-inspections whose day has come become DUE; returns how many. Idempotent. */
    public long markDue(LocalDate today) {
        return reinspections.updateMany(Filters.and(Filters.eq("status", Reinspection.Status.SCHEDULED.name()),
                        Filters.lte("dueOn", today.toString())),
                new Document("$set", new Document("status", Reinspection.Status.DUE.name()))).getModifiedCount();
    }

    /** Records the outcome of a re-inspection not yet done; false when it was done meanwhile. */
    public boolean done(String id, List<Reinspection.Outcome> outcomes, String by, Instant at) {
        return reinspections.updateOne(Filters.and(Filters.eq("_id", id), Filters.ne("status", Reinspection.Status.DONE.name())),
                new Document("$set", new Document("status", Reinspection.Status.DONE.name())
                        .append("outcomes", outcomes.stream().map(stored::fields).toList())
                        .append("recordedBy", by).append("recordedAt", at.toString()))).getModifiedCount() == 1;
    }
}
