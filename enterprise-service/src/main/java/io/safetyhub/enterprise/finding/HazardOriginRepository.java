package io.safetyhub.enterprise.finding;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.time.LocalDate;
import java.util.Optional;

/** The {@code hazard_origins} collection; written with an upsert, so a replayed finding rewrites the same entry. */
@ApplicationScoped
public class HazardOriginRepository {
    private final MongoCollection<Document> collection;

    public HazardOriginRepository(MongoClient mongo, EnterpriseConfig config) {
        this.collection = mongo.getDatabase(config.database()).getCollection("hazard_origins");
    }

    public void save(HazardOrigin o) {
        Document doc = new Document("_id", o.hazardId())
                .append("findingId", o.findingId())
                .append("inspectionId", o.inspectionId())
                .append("enterpriseId", o.enterpriseId())
                .append("itemCode", o.itemCode())
                .append("item", o.item())
                .append("legalBasis", o.legalBasis())
                .append("grade", o.grade())
                .append("deadline", o.deadline() == null ? null : o.deadline().toString())
                .append("inspectedOn", o.inspectedOn() == null ? null : o.inspectedOn().toString())
                .append("inspectors", o.inspectors())
                .append("link", o.link());
        collection.replaceOne(Filters.eq("_id", o.hazardId()), doc, new ReplaceOptions().upsert(true));
    }

    public Optional<HazardOrigin> findByHazardId(String hazardId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", hazardId)).first()).map(d -> new HazardOrigin(
                d.getString("_id"), d.getString("findingId"), d.getString("inspectionId"), d.getString("enterpriseId"),
                d.getString("itemCode"), d.getString("item"), d.getString("legalBasis"), d.getString("grade"),
                date(d.getString("deadline")), date(d.getString("inspectedOn")),
                d.getList("inspectors", String.class), d.getString("link")));
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
