package io.safetyhub.emergency.material;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.safetyhub.emergency.common.Stored;
import io.safetyhub.emergency.config.EmergencyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code materials} and {@code dispatches}. Stock moves are single-document atomic updates: taking stock matches only
 * while enough is there ({@code quantity >= n}), so two dispatches racing for the last units cannot both succeed and no
 * stock goes below zero.
 */
@ApplicationScoped
public class MaterialRepository {
    private final MongoCollection<Document> materials;
    private final MongoCollection<Document> dispatches;

    public MaterialRepository(MongoClient mongo, EmergencyConfig config) {
        this.materials = mongo.getDatabase(config.database()).getCollection("materials");
        this.dispatches = mongo.getDatabase(config.database()).getCollection("dispatches");
    }

    public void insert(Material m) {
        materials.insertOne(Stored.document(m));
    }

    public void replace(Material m) {
        materials.replaceOne(Filters.eq("_id", m.id()), Stored.document(m));
    }

    public Optional<Material> byId(String id) {
        return Optional.ofNullable(materials.find(Filters.eq("_id", id)).first()).map(d -> Stored.record(d, Material.class));
    }

    public List<Material> find(Bson filter) {
        List<Material> out = new ArrayList<>();
        materials.find(filter).sort(Sorts.ascending("district", "tier", "item")).forEach(d -> out.add(Stored.record(d, Material.class)));
        return out;
    }

    /** Takes {@code n} from the stock if at least {@code n} is there; false when not (nothing changed). */
    public boolean take(String id, long n) {
        return materials.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.gte("quantity", n)),
                Updates.inc("quantity", -n), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)) != null;
    }

    /** Adds {@code n} to the stock; false when it no longer exists. */
    public boolean add(String id, long n) {
        return materials.updateOne(Filters.eq("_id", id), Updates.inc("quantity", n)).getMatchedCount() == 1;
    }

    public void record(Dispatch d) {
        dispatches.insertOne(Stored.document(d));
    }

    public Optional<Dispatch> dispatch(String id) {
        return Optional.ofNullable(dispatches.find(Filters.eq("_id", id)).first()).map(d -> Stored.record(d, Dispatch.class));
    }

    /** Dispatches newest first. */
    public List<Dispatch> dispatches(Bson filter) {
        List<Dispatch> out = new ArrayList<>();
        dispatches.find(filter).sort(Sorts.descending("at")).forEach(d -> out.add(Stored.record(d, Dispatch.class)));
        return out;
    }
}
