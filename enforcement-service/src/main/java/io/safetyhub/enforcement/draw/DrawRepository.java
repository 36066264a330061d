package io.safetyhub.enforcement.draw;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.safetyhub.enforcement.common.Stored;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code draws} collection. */
@ApplicationScoped
public class DrawRepository {
    private final MongoCollection<Document> draws;
    private final Stored stored;

    public DrawRepository(
            MongoClient mongo,
            EnforcementConfig config,
            Stored stored) {
        this.draws = mongo.getDatabase(config.database()).getCollection("draws");
        this.stored = stored;
    }

    public Optional<Draw> byId(String id) {
        return Optional.ofNullable(draws.find(Filters.eq("_id", id)).first()).map(d -> stored.read(d, Draw.class));
    }

    /** Latest first. */
    public List<Draw> find(Bson filter, PageRequest page) {
        List<Draw> out = new ArrayList<>();
        draws.find(filter).sort(Sorts.descending("drawnAt", "_id")).skip(page.skip()).limit(page.size())
                .forEach(d -> out.add(stored.read(d, Draw.class)));
        return out;
    }

    public long count(Bson filter) {
        return draws.countDocuments(filter);
    }

    /** Effective draws of a district, latest first: the source of each enterprise's previous team. */
    public List<Draw> effectiveIn(String district) {
        List<Draw> out = new ArrayList<>();
        draws.find(Filters.and(Filters.eq("district", district), Filters.eq("status", Draw.DrawStatus.EFFECTIVE.name())))
                .sort(Sorts.descending("drawnAt", "_id")).forEach(d -> out.add(stored.read(d, Draw.class)));
        return out;
    }

    public void insert(Draw draw) {
        draws.insertOne(stored.write(draw));
    }

    public void delete(String id) {
        draws.deleteOne(Filters.eq("_id", id));
    }

    /** Marks an effective draw superseded; false when it no longer is effective. */
    public boolean supersede(String id, String by, String reason) {
        return draws.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", Draw.DrawStatus.EFFECTIVE.name())),
                new Document("$set", new Document("status", Draw.DrawStatus.SUPERSEDED.name())
                        .append("supersededBy", by).append("redrawReason", reason))).getModifiedCount() == 1;
    }
}
