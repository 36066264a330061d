package io.safetyhub.emergency.duty;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.safetyhub.emergency.common.Stored;
import io.safetyhub.emergency.config.EmergencyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code duty}: one document per day and area, {@code _id} = the topic key. */
@ApplicationScoped
public class DutyRepository {
    private final MongoCollection<Document> duty;

    public DutyRepository(MongoClient mongo, EmergencyConfig config) {
        this.duty = mongo.getDatabase(config.database()).getCollection("duty");
    }

    public void put(DutyRota rota) {
        duty.replaceOne(Filters.eq("_id", rota.id()), Stored.document(rota), new ReplaceOptions().upsert(true));
    }

    public Optional<DutyRota> byId(String id) {
        return Optional.ofNullable(duty.find(Filters.eq("_id", id)).first()).map(d -> Stored.record(d, DutyRota.class));
    }

    /** Marks the entry published if it still is the state that was sent ({@code updatedAt} unchanged). */
    public void markPublished(DutyRota sent) {
        if (sent.removed()) {
            duty.deleteOne(Filters.and(Filters.eq("_id", sent.id()), Filters.eq("removed", true)));
        } else {
            duty.updateOne(Filters.and(Filters.eq("_id", sent.id()), Filters.eq("updatedAt", sent.updatedAt().toString())),
                    new Document("$set", new Document("published", true)));
        }
    }

    /** Live entries, by date then district then town. */
    public List<DutyRota> find(Bson filter) {
        List<DutyRota> out = new ArrayList<>();
        duty.find(Filters.and(filter, Filters.eq("removed", false)))
                .sort(Sorts.ascending("date", "district", "town")).forEach(d -> out.add(Stored.record(d, DutyRota.class)));
        return out;
    }

    public List<DutyRota> unpublished() {
        List<DutyRota> out = new ArrayList<>();
        duty.find(Filters.eq("published", false)).forEach(d -> out.add(Stored.record(d, DutyRota.class)));
        return out;
    }
}
