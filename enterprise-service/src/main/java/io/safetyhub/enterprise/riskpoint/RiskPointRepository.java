package io.safetyhub.enterprise.riskpoint;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.quarkus.runtime.StartupEvent;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.enterprise.RiskColour;
import io.safetyhub.enterprise.enterprise.TenantScope;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The {@code risk_points} collection; {@code _id} is the point id. */
@ApplicationScoped
public class RiskPointRepository {
    private final MongoCollection<Document> collection;
    private final RiskPointMapper mapper;

    public RiskPointRepository(MongoClient mongo, EnterpriseConfig config, RiskPointMapper mapper) {
        this.collection = mongo.getDatabase(config.database()).getCollection("risk_points");
        this.mapper = mapper;
    }

    void createIndexes(@Observes StartupEvent ignored) {
        collection.createIndex(Indexes.ascending("enterpriseId", "_id"), new IndexOptions().name("enterprise_id"));
        collection.createIndex(Indexes.ascending("district", "colour"), new IndexOptions().name("district_colour"));
    }

    public Optional<RiskPoint> findById(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(mapper::fromDocument);
    }

    public void save(RiskPoint p) {
        collection.replaceOne(Filters.eq("_id", p.id()), mapper.toDocument(p),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    public boolean delete(String id) {
        return collection.deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
    }

    public List<RiskPoint> find(TenantScope scope, RiskColour colour, PageRequest page) {
        if (scope.empty()) {
            return List.of();
        }
        List<RiskPoint> found = new ArrayList<>();
        for (Document d : collection.find(toBson(scope, colour)).sort(Sorts.ascending("_id")).skip(page.skip())
                .limit(page.size())) {
            found.add(mapper.fromDocument(d));
        }
        return found;
    }

    public long count(TenantScope scope, RiskColour colour) {
        return scope.empty() ? 0 : collection.countDocuments(toBson(scope, colour));
    }

    /** Every point of the scope, one at a time (the scheduler, an enterprise's colour, flattened lists). */
    public void forEach(TenantScope scope, Consumer<RiskPoint> action) {
        if (!scope.empty()) {
            for (Document d : collection.find(toBson(scope, null)).sort(Sorts.ascending("_id"))) {
                action.accept(mapper.fromDocument(d));
            }
        }
    }

    private static Bson toBson(TenantScope scope, RiskColour colour) {
        List<Bson> clauses = new ArrayList<>();
        if (scope.enterpriseId() != null) {
            clauses.add(Filters.eq("enterpriseId", scope.enterpriseId()));
        }
        if (scope.district() != null) {
            clauses.add(Filters.eq("district", scope.district()));
        }
        if (scope.town() != null) {
            clauses.add(Filters.eq("town", scope.town()));
        }
        if (colour != null) {
            clauses.add(Filters.eq("colour", colour.name()));
        }
        return clauses.isEmpty() ? new Document() : Filters.and(clauses);
    }
}
