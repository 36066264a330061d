package io.safetyhub.enterprise.majorhazard;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.quarkus.runtime.StartupEvent;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.enterprise.TenantScope;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code major_hazards} collection; {@code _id} is the installation id ({@code MHS-<enterprise>-<nn>}). */
@ApplicationScoped
public class MajorHazardRepository {
    private final MongoCollection<Document> collection;
    private final MajorHazardMapper mapper;

    public MajorHazardRepository(MongoClient mongo, EnterpriseConfig config, MajorHazardMapper mapper) {
        this.collection = mongo.getDatabase(config.database()).getCollection("major_hazards");
        this.mapper = mapper;
    }

    void createIndexes(@Observes StartupEvent ignored) {
        collection.createIndex(Indexes.ascending("enterpriseId", "_id"), new IndexOptions().name("enterprise_id"));
        collection.createIndex(Indexes.ascending("district", "grade"), new IndexOptions().name("district_grade"));
    }

    public Optional<MajorHazard> findById(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(mapper::fromDocument);
    }

    /** Inserts; false when the id is taken (two writers numbering the same installation at once). */
    public boolean insert(MajorHazard m) {
        try {
            collection.insertOne(mapper.toDocument(m));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public void replace(MajorHazard m) {
        collection.replaceOne(Filters.eq("_id", m.id()), mapper.toDocument(m));
    }

    public boolean delete(String id) {
        return collection.deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
    }

    /** Every installation, in id order, one at a time (the startup announcement, the duty scheduler). */
    public void forEach(java.util.function.Consumer<MajorHazard> action) {
        for (Document d : collection.find().sort(Sorts.ascending("_id"))) {
            action.accept(mapper.fromDocument(d));
        }
    }

    /** The ids an enterprise's installations already use, to number the next one. */
    public List<String> idsOf(String enterpriseId) {
        List<String> ids = new ArrayList<>();
        for (Document d : collection.find(Filters.eq("enterpriseId", enterpriseId)).projection(new Document("_id", 1))) {
            ids.add(d.getString("_id"));
        }
        return ids;
    }

    public List<MajorHazard> find(TenantScope scope, MajorHazardGrade grade, PageRequest page) {
        if (scope.empty()) {
            return List.of();
        }
        List<MajorHazard> found = new ArrayList<>();
        for (Document d : collection.find(toBson(scope, grade)).sort(Sorts.ascending("_id")).skip(page.skip())
                .limit(page.size())) {
            found.add(mapper.fromDocument(d));
        }
        return found;
    }

    public long count(TenantScope scope, MajorHazardGrade grade) {
        return scope.empty() ? 0 : collection.countDocuments(toBson(scope, grade));
    }

    private static Bson toBson(TenantScope scope, MajorHazardGrade grade) {
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
        if (grade != null) {
            clauses.add(Filters.eq("grade", grade.name()));
        }
        return clauses.isEmpty() ? new Document() : Filters.and(clauses);
    }
}
