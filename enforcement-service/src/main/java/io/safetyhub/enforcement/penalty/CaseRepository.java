package io.safetyhub.enforcement.penalty;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.safetyhub.enforcement.common.Stored;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code cases} collection; each move is one update conditional on the state it starts from. */
@ApplicationScoped
public class CaseRepository {
    private final MongoCollection<Document> cases;
    private final Stored stored;

    public CaseRepository(
            MongoClient mongo,
            EnforcementConfig config,
            Stored stored) {
        this.cases = mongo.getDatabase(config.database()).getCollection("cases");
        this.stored = stored;
    }

    public void insert(PenaltyCase c) {
        cases.insertOne(stored.write(c));
    }

    public Optional<PenaltyCase> byId(String id) {
        return Optional.ofNullable(cases.find(Filters.eq("_id", id)).first()).map(d -> stored.read(d, PenaltyCase.class));
    }

    public List<PenaltyCase> find(Bson filter, PageRequest page) {
        List<PenaltyCase> out = new ArrayList<>();
        cases.find(filter).sort(Sorts.descending("filedAt", "_id")).skip(page.skip()).limit(page.size())
                .forEach(d -> out.add(stored.read(d, PenaltyCase.class)));
        return out;
    }

    public long count(Bson filter) {
        return cases.countDocuments(filter);
    }

    /**
     * Moves a case from {@code from} to {@code to}, setting {@code field} to {@code value} (a record stored as an
     * embedded document, or a plain value); false when the case is no longer in {@code from}.
     */
    public boolean move(String id, CaseStatus from, CaseStatus to, Document set) {
        Document update = new Document(set).append("status", to.name());
        return cases.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", from.name())),
                new Document("$set", update)).getModifiedCount() == 1;
    }

    public Document embedded(Object value) {
        return stored.fields(value);
    }
}
