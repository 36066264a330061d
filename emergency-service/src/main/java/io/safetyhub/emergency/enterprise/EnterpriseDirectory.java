package io.safetyhub.emergency.enterprise;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.safetyhub.emergency.common.Stored;
import io.safetyhub.emergency.config.EmergencyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** The local copy of the registry ({@code enterprises}, {@code _id} = enterprise id). */
@ApplicationScoped
public class EnterpriseDirectory {
    private final MongoCollection<Document> enterprises;

    public EnterpriseDirectory(MongoClient mongo, EmergencyConfig config) {
        this.enterprises = mongo.getDatabase(config.database()).getCollection("enterprises");
    }

    public Optional<KnownEnterprise> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Document doc = enterprises.find(Filters.eq("_id", id)).first();
        return doc == null ? Optional.empty() : Optional.of(Stored.record(doc, KnownEnterprise.class));
    }

    /** Every enterprise of the area: one small document each, read whole for the map and the tenant filter. */
    public List<KnownEnterprise> all() {
        return StreamSupport.stream(enterprises.find().spliterator(), false)
                .map(d -> Stored.record(d, KnownEnterprise.class)).toList();
    }

    public void put(KnownEnterprise enterprise) {
        enterprises.replaceOne(Filters.eq("_id", enterprise.id()), Stored.document(enterprise), new ReplaceOptions().upsert(true));
    }

    public void remove(String id) {
        enterprises.deleteOne(Filters.eq("_id", id));
    }
}
