package io.safetyhub.emergency.accident;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.safetyhub.emergency.common.Stored;
import io.safetyhub.emergency.config.EmergencyConfig;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code accidents}: one document per accident, replaced whole under its {@code version}. */
@ApplicationScoped
public class AccidentRepository {
    private final MongoCollection<Document> accidents;

    public AccidentRepository(MongoClient mongo, EmergencyConfig config) {
        this.accidents = mongo.getDatabase(config.database()).getCollection("accidents");
    }

    public void insert(Accident accident) {
        accidents.insertOne(Stored.document(accident));
    }

    /** Replaces the stored accident if nobody changed it since {@code expectedVersion}; 409 otherwise. */
    public void replace(Accident accident, long expectedVersion) {
        long matched = accidents.replaceOne(Filters.and(Filters.eq("_id", accident.id()), Filters.eq("version", expectedVersion)),
                Stored.document(accident)).getMatchedCount();
        if (matched == 0) {
            throw DomainException.conflict("CONCURRENT_UPDATE", "accident " + accident.id() + " was changed meanwhile; read it again");
        }
    }

    public Optional<Accident> byId(String id) {
        return Optional.ofNullable(accidents.find(Filters.eq("_id", id)).first()).map(d -> Stored.record(d, Accident.class));
    }

    /** Newest first. */
    public List<Accident> find(Bson filter) {
        List<Accident> out = new ArrayList<>();
        accidents.find(filter).sort(Sorts.descending("occurredAt")).forEach(d -> out.add(Stored.record(d, Accident.class)));
        return out;
    }

    public Optional<Accident> lastFatal(Bson scope) {
        return Optional.ofNullable(accidents.find(Filters.and(scope, Filters.gt("casualties.deaths", 0)))
                .sort(Sorts.descending("occurredOn")).first()).map(d -> Stored.record(d, Accident.class));
    }

    public void delete(String id) {
        accidents.deleteOne(Filters.eq("_id", id));
    }
}
