package io.safetyhub.enforcement.finding;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
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
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The {@code findings} collection, also the outbox of {@code enforcement.findings.v1} ({@code published}). */
@ApplicationScoped
public class FindingRepository {
    private final MongoCollection<Document> findings;
    private final Stored stored;

    public FindingRepository(
            MongoClient mongo,
            EnforcementConfig config,
            Stored stored) {
        this.findings = mongo.getDatabase(config.database()).getCollection("findings");
        this.stored = stored;
    }

    /** False when the finding is already stored: raising an inspection's findings twice stores them once. */
    public boolean insertIfAbsent(Finding finding) {
        try {
            findings.insertOne(stored.write(finding));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Finding> byId(String id) {
        return Optional.ofNullable(findings.find(Filters.eq("_id", id)).first()).map(d -> stored.read(d, Finding.class));
    }

    public List<Finding> byIds(Collection<String> ids) {
        return find(Filters.in("_id", ids));
    }

    public List<Finding> find(Bson filter) {
        List<Finding> out = new ArrayList<>();
        findings.find(filter).sort(Sorts.ascending("_id")).forEach(d -> out.add(stored.read(d, Finding.class)));
        return out;
    }

    public List<Finding> find(Bson filter, PageRequest page) {
        List<Finding> out = new ArrayList<>();
        findings.find(filter).sort(Sorts.descending("inspectedOn", "_id")).skip(page.skip()).limit(page.size())
                .forEach(d -> out.add(stored.read(d, Finding.class)));
        return out;
    }

    public long count(Bson filter) {
        return findings.countDocuments(filter);
    }

    public List<Finding> unpublished(int limit) {
        List<Finding> out = new ArrayList<>();
        findings.find(Filters.eq("published", false)).sort(Sorts.ascending("_id")).limit(limit)
                .forEach(d -> out.add(stored.read(d, Finding.class)));
        return out;
    }

    public void markPublished(String id) {
        findings.updateOne(Filters.eq("_id", id), new Document("$set", new Document("published", true)));
    }

    /** Moves a finding from one status to another; false when it is no longer in {@code from}. */
    public boolean move(String id, Finding.Status from, Finding.Status to) {
        return findings.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", from.name())),
                new Document("$set", new Document("status", to.name()))).getModifiedCount() == 1;
    }
}
