package io.safetyhub.enterprise.hazard;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
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

/** The {@code hazards} collection; {@code _id} is the hazard id. */
@ApplicationScoped
public class HazardRepository {
    private static final Bson ORDER = Sorts.ascending("reportedAt", "_id");

    private final MongoCollection<Document> collection;
    private final HazardMapper mapper;

    public HazardRepository(MongoClient mongo, EnterpriseConfig config, HazardMapper mapper) {
        this.collection = mongo.getDatabase(config.database()).getCollection("hazards");
        this.mapper = mapper;
    }

    /** For real MongoDB: regulator views go by district/status/grade, enterprise views by enterprise. */
    void createIndexes(@Observes StartupEvent ignored) {
        collection.createIndex(Indexes.ascending("enterpriseId", "status"), new IndexOptions().name("enterprise_status"));
        collection.createIndex(Indexes.ascending("status", "grade", "district"), new IndexOptions().name("status_grade_district"));
        collection.createIndex(Indexes.ascending("status", "deadline"), new IndexOptions().name("status_deadline"));
    }

    public Optional<Hazard> findById(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(mapper::fromDocument);
    }

    public void insert(Hazard hazard) {
        collection.insertOne(mapper.toDocument(hazard));
    }

    /**
     * Replaces the hazard only if it is still in {@code expected}: two people moving the same hazard at
     * once cannot both win. Returns false when someone else moved it first.
     */
    public boolean replaceIf(Hazard hazard, HazardStatus expected) {
        return collection.replaceOne(Filters.and(Filters.eq("_id", hazard.id()), Filters.eq("status", expected.name())),
                mapper.toDocument(hazard)).getMatchedCount() == 1;
    }

    /** One page of the hazards matching {@code filter}, oldest first (stable across pages). */
    public List<Hazard> find(HazardFilter filter, PageRequest page) {
        if (filter.scope().empty()) {
            return List.of();
        }
        return read(collection.find(toBson(filter)).sort(ORDER).skip(page.skip()).limit(page.size()));
    }

    /** Every hazard matching {@code filter}, oldest first; for counts over a whole scope. */
    public List<Hazard> findAll(HazardFilter filter) {
        return filter.scope().empty() ? List.of() : read(collection.find(toBson(filter)).sort(ORDER));
    }

    public long count(HazardFilter filter) {
        return filter.scope().empty() ? 0 : collection.countDocuments(toBson(filter));
    }

    private List<Hazard> read(Iterable<Document> documents) {
        List<Hazard> found = new ArrayList<>();
        for (Document d : documents) {
            found.add(mapper.fromDocument(d));
        }
        return found;
    }

    private static Bson toBson(HazardFilter f) {
        List<Bson> clauses = new ArrayList<>();
        if (f.scope().enterpriseId() != null) {
            clauses.add(Filters.eq("enterpriseId", f.scope().enterpriseId()));
        }
        if (f.scope().district() != null) {
            clauses.add(Filters.eq("district", f.scope().district()));
        }
        if (f.scope().town() != null) {
            clauses.add(Filters.eq("town", f.scope().town()));
        }
        if (f.category() != null) {
            clauses.add(Filters.eq("category", f.category().name()));
        }
        if (f.status() != null) {
            clauses.add(Filters.eq("status", f.status().name()));
        }
        if (f.grade() != null) {
            clauses.add(Filters.eq("grade", f.grade().name()));
        }
        if (f.openOnly() || f.overdueBefore() != null) {
            clauses.add(Filters.ne("status", HazardStatus.CLOSED.name()));
        }
        if (f.overdueBefore() != null) {
            clauses.add(Filters.lt("deadline", f.overdueBefore().toString()));
        }
        return clauses.isEmpty() ? new Document() : Filters.and(clauses);
    }
}
