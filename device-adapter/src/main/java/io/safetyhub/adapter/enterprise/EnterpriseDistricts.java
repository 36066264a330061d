package io.safetyhub.adapter.enterprise;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.safetyhub.platform.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * The district and town of each enterprise, copied from {@code enterprise.registry.v1}: what a regulator's view of
 * the devices is filtered by, through the platform's one tenant rule ({@link Caller#sees}). Small (one document per
 * enterprise), so a regulator's enterprises are found by a scan.
 */
@ApplicationScoped
public class EnterpriseDistricts {
    private final MongoCollection<Document> enterprises;

    public EnterpriseDistricts(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.enterprises = client.getDatabase(database).getCollection("enterprises");
    }

    public void put(String enterpriseId, String district, String town) {
        enterprises.replaceOne(Filters.eq("_id", enterpriseId),
                new Document("_id", enterpriseId).append("district", district).append("town", town),
                new ReplaceOptions().upsert(true));
    }

    public void remove(String enterpriseId) {
        enterprises.deleteOne(Filters.eq("_id", enterpriseId));
    }

    /**
     * The enterprises whose devices the caller may see. An enterprise user's own id needs no registry entry; a
     * regulator sees the enterprises of its district (and town) that the registry has told us about.
     */
    public List<String> visibleTo(Caller caller) {
        if (caller.confinedEnterprise() != null) {
            return List.of(caller.confinedEnterprise());
        }
        List<String> ids = new ArrayList<>();
        enterprises.find().forEach(d -> {
            if (caller.sees(d.getString("_id"), d.getString("district"), d.getString("town"), null)) {
                ids.add(d.getString("_id"));
            }
        });
        return ids;
    }

    /** True when the caller may see the devices of this enterprise. */
    public boolean sees(Caller caller, String enterpriseId) {
        if (caller.seesAll() || caller.confinedEnterprise() != null) {
            return caller.sees(enterpriseId, null);
        }
        Document doc = enterprises.find(Filters.eq("_id", enterpriseId)).first();
        return doc != null && caller.sees(enterpriseId, doc.getString("district"), doc.getString("town"), null);
    }
}
