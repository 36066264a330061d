package io.safetyhub.adapter.enterprise;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * The district of each enterprise, copied from {@code enterprise.registry.v1}: what a district regulator's view of
 * the devices is filtered by. Small (one document per enterprise), so a district is found by a scan.
 */
@ApplicationScoped
public class EnterpriseDistricts {
    private final MongoCollection<Document> enterprises;

    public EnterpriseDistricts(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.enterprises = client.getDatabase(database).getCollection("enterprises");
    }

    public void put(String enterpriseId, String district) {
        enterprises.replaceOne(Filters.eq("_id", enterpriseId),
                new Document("_id", enterpriseId).append("district", district), new ReplaceOptions().upsert(true));
    }

    public void remove(String enterpriseId) {
        enterprises.deleteOne(Filters.eq("_id", enterpriseId));
    }

    public List<String> enterprisesIn(String district) {
        List<String> ids = new ArrayList<>();
        enterprises.find(Filters.eq("district", district)).forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    public String districtOf(String enterpriseId) {
        Document doc = enterprises.find(Filters.eq("_id", enterpriseId)).first();
        return doc == null ? null : doc.getString("district");
    }
}
