package io.safetyhub.enterprise.checks;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.enterprise.TenantScope;
import io.safetyhub.enterprise.riskpoint.CheckFrequency;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** The {@code check_instances} collection; the id is derived from point, task and period, so a re-run adds nothing. */
@ApplicationScoped
public class CheckInstanceRepository {
    private static final Bson ORDER = Sorts.ascending("dueAt", "_id");
    private final MongoCollection<Document> collection;

    public CheckInstanceRepository(MongoClient mongo, EnterpriseConfig config) {
        this.collection = mongo.getDatabase(config.database()).getCollection("check_instances");
    }

    void createIndexes(@Observes StartupEvent ignored) {
        collection.createIndex(Indexes.ascending("enterpriseId", "dueAt"), new IndexOptions().name("enterprise_due"));
        collection.createIndex(Indexes.ascending("status", "district", "dueAt"), new IndexOptions().name("status_district_due"));
    }

    /** Inserts unless an instance with that id exists; true when it was new. */
    public boolean insertIfAbsent(CheckInstance c) {
        try {
            collection.insertOne(toDocument(c));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<CheckInstance> findById(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(CheckInstanceRepository::fromDocument);
    }

    /** Replaces only while the instance is still {@code expected}: two people recording one check cannot both win. */
    public boolean replaceIf(CheckInstance c, CheckStatus expected) {
        return collection.replaceOne(Filters.and(Filters.eq("_id", c.id()), Filters.eq("status", expected.name())),
                toDocument(c)).getMatchedCount() == 1;
    }

    /** Open instances due by {@code now} not yet counted as overdue. */
    public List<CheckInstance> overdueUncounted(Instant now) {
        return read(collection.find(Filters.and(Filters.eq("status", CheckStatus.OPEN.name()),
                Filters.lte("dueAt", Date.from(now)), Filters.eq("overdueCounted", false))).sort(ORDER));
    }

    public void markOverdueCounted(String id) {
        collection.updateOne(Filters.eq("_id", id), Updates.set("overdueCounted", true));
    }

    public List<CheckInstance> find(TenantScope scope, CheckStatus status, Instant overdueAt, PageRequest page) {
        return scope.empty() ? List.of()
                : read(collection.find(toBson(scope, status, overdueAt)).sort(ORDER).skip(page.skip()).limit(page.size()));
    }

    public long count(TenantScope scope, CheckStatus status, Instant overdueAt) {
        return scope.empty() ? 0 : collection.countDocuments(toBson(scope, status, overdueAt));
    }

    private static Bson toBson(TenantScope scope, CheckStatus status, Instant overdueAt) {
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
        if (overdueAt != null) {
            clauses.add(Filters.eq("status", CheckStatus.OPEN.name()));
            clauses.add(Filters.lte("dueAt", Date.from(overdueAt)));
        } else if (status != null) {
            clauses.add(Filters.eq("status", status.name()));
        }
        return clauses.isEmpty() ? new Document() : Filters.and(clauses);
    }

    private static List<CheckInstance> read(Iterable<Document> docs) {
        List<CheckInstance> found = new ArrayList<>();
        docs.forEach(d -> found.add(fromDocument(d)));
        return found;
    }

    static Document toDocument(CheckInstance c) {
        return new Document("_id", c.id()).append("enterpriseId", c.enterpriseId()).append("district", c.district())
                .append("town", c.town()).append("pointId", c.pointId()).append("pointName", c.pointName())
                .append("measureId", c.measureId()).append("measure", c.measure()).append("taskId", c.taskId())
                .append("content", c.content()).append("frequency", c.frequency().name()).append("post", c.post())
                .append("dueFrom", Date.from(c.dueFrom())).append("dueAt", Date.from(c.dueAt()))
                .append("status", c.status().name()).append("note", c.note()).append("doneBy", c.doneBy())
                .append("doneAt", c.doneAt() == null ? null : Date.from(c.doneAt())).append("hazardId", c.hazardId())
                .append("overdueCounted", c.overdueCounted());
    }

    static CheckInstance fromDocument(Document d) {
        Date doneAt = d.getDate("doneAt");
        return new CheckInstance(d.getString("_id"), d.getString("enterpriseId"), d.getString("district"),
                d.getString("town"), d.getString("pointId"), d.getString("pointName"), d.getString("measureId"),
                d.getString("measure"), d.getString("taskId"), d.getString("content"),
                CheckFrequency.valueOf(d.getString("frequency")), d.getString("post"), d.getDate("dueFrom").toInstant(),
                d.getDate("dueAt").toInstant(), CheckStatus.valueOf(d.getString("status")), d.getString("note"),
                d.getString("doneBy"), doneAt == null ? null : doneAt.toInstant(), d.getString("hazardId"),
                Boolean.TRUE.equals(d.getBoolean("overdueCounted")));
    }
}
