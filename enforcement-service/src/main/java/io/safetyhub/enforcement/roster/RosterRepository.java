package io.safetyhub.enforcement.roster;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.safetyhub.enforcement.common.Stored;
import io.safetyhub.enforcement.config.EnforcementConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code roster} collection: one document per registered enterprise, {@code _id} = enterprise id. */
@ApplicationScoped
public class RosterRepository {
    private final MongoCollection<Document> roster;
    private final Stored stored;

    public RosterRepository(
            MongoClient mongo,
            EnforcementConfig config,
            Stored stored) {
        this.roster = mongo.getDatabase(config.database()).getCollection("roster");
        this.stored = stored;
    }

    public Optional<RosterEnterprise> byId(String id) {
        Document found = id == null ? null : roster.find(Filters.eq("_id", id)).first();
        return Optional.ofNullable(found).map(d -> stored.read(d, RosterEnterprise.class));
    }

    /** Entries matching {@code filter}, by id: the draw reads its candidates in this fixed order. */
    public List<RosterEnterprise> matching(Bson filter) {
        List<RosterEnterprise> out = new ArrayList<>();
        roster.find(filter).sort(Sorts.ascending("_id")).forEach(d -> out.add(stored.read(d, RosterEnterprise.class)));
        return out;
    }

    public void put(RosterEnterprise enterprise) {
        roster.replaceOne(Filters.eq("_id", enterprise.id()), stored.write(enterprise), new ReplaceOptions().upsert(true));
    }

    public void remove(String id) {
        roster.deleteOne(Filters.eq("_id", id));
    }
}
