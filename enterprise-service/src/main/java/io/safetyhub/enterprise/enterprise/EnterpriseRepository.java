package io.safetyhub.enterprise.enterprise;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.quarkus.runtime.StartupEvent;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The {@code enterprises} collection; {@code _id} is the registry id, so lookups use the primary index. */
@ApplicationScoped
public class EnterpriseRepository {
    static final String COLLECTION = "enterprises";

    private final MongoCollection<Document> collection;
    private final EnterpriseMapper mapper;

    public EnterpriseRepository(MongoClient mongo, EnterpriseConfig config, EnterpriseMapper mapper) {
        this.collection = mongo.getDatabase(config.database()).getCollection(COLLECTION);
        this.mapper = mapper;
    }

    /**
     * Indexes for real MongoDB: the USCC is unique in the country; district and sector filters and the
     * map need their own. The embedded server enforces the unique one and ignores the rest.
     */
    void createIndexes(@Observes StartupEvent ignored) {
        collection.createIndex(Indexes.ascending("uscc"), new IndexOptions().unique(true).name("uscc_unique"));
        collection.createIndex(Indexes.ascending("district", "_id"), new IndexOptions().name("district_id"));
        collection.createIndex(Indexes.ascending("sectors", "_id"), new IndexOptions().name("sectors_id"));
        collection.createIndex(Indexes.geo2dsphere("location"), new IndexOptions().name("location_2dsphere"));
    }

    public Optional<Enterprise> findById(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(mapper::fromDocument);
    }

    /** One page of the enterprises matching {@code filter}, in id order (stable across pages). */
    public List<Enterprise> find(EnterpriseFilter filter, PageRequest page) {
        if (filter.scope().empty()) {
            return List.of();
        }
        List<Enterprise> found = new ArrayList<>();
        for (Document doc : collection.find(toBson(filter)).sort(Sorts.ascending("_id"))
                .skip(page.skip()).limit(page.size())) {
            found.add(mapper.fromDocument(doc));
        }
        return found;
    }

    public long count(EnterpriseFilter filter) {
        return filter.scope().empty() ? 0 : collection.countDocuments(toBson(filter));
    }

    /** Writes the whole entry (insert or replace); the caller has already decided what changed. */
    public void save(Enterprise enterprise) {
        collection.replaceOne(Filters.eq("_id", enterprise.id()), mapper.toDocument(enterprise),
                new ReplaceOptions().upsert(true));
    }

    /** Every enterprise matching {@code filter}, in id order; for views that aggregate the whole scope. */
    public List<Enterprise> findAll(EnterpriseFilter filter) {
        if (filter.scope().empty()) {
            return List.of();
        }
        List<Enterprise> found = new ArrayList<>();
        for (Document doc : collection.find(toBson(filter)).sort(Sorts.ascending("_id"))) {
            found.add(mapper.fromDocument(doc));
        }
        return found;
    }

    private static Bson toBson(EnterpriseFilter filter) {
        List<Bson> clauses = new ArrayList<>();
        TenantScope scope = filter.scope();
        if (scope.enterpriseId() != null) {
            clauses.add(Filters.eq("_id", scope.enterpriseId()));
        }
        if (scope.district() != null) {
            clauses.add(Filters.eq("district", scope.district()));
        }
        if (scope.town() != null) {
            clauses.add(Filters.eq("town", scope.town()));
        }
        if (filter.sector() != null) {
            clauses.add(Filters.eq("sectors", filter.sector().name()));
        }
        if (filter.riskColour() != null) {
            clauses.add(Filters.eq("riskColour", filter.riskColour().name()));
        }
        if (filter.status() != null) {
            clauses.add(Filters.eq("status", filter.status().name()));
        }
        if (filter.nameQuery() != null) {
            // Quoted: a search for "(有限)" is text, not a regular expression.
            clauses.add(Filters.regex("name", Pattern.quote(filter.nameQuery()), "i"));
        }
        return clauses.isEmpty() ? new Document() : Filters.and(clauses);
    }
}
