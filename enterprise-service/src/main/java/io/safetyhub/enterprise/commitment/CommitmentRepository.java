package io.safetyhub.enterprise.commitment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code commitments}: {@code _id} = {@code enterpriseId|yyyy-MM-dd|version (3 digits)}. The primary key
 * does the work of a unique index: a second "version 1" of a day cannot be inserted, and an enterprise's
 * history is a range scan of the primary index. {@code commitment_missing} records, by
 * {@code enterpriseId|date}, which missing commitments have been announced.
 */
@ApplicationScoped
public class CommitmentRepository {
    private final MongoCollection<Document> commitments;
    private final MongoCollection<Document> announced;
    private final ObjectMapper json;

    public CommitmentRepository(MongoClient mongo, EnterpriseConfig config, ObjectMapper json) {
        this.commitments = mongo.getDatabase(config.database()).getCollection("commitments");
        this.announced = mongo.getDatabase(config.database()).getCollection("commitment_missing");
        this.json = json;
    }

    /** Inserts the version; false when that version of that day already exists. */
    @SuppressWarnings("unchecked")
    public boolean insert(Commitment c) {
        Document doc = new Document(json.convertValue(c, Map.class));
        doc.put("_id", key(c.enterpriseId(), c.date(), c.version()));
        try {
            commitments.insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** One page of every version of every day from {@code from} to {@code to} inclusive, newest first. */
    public List<Commitment> history(String enterpriseId, LocalDate from, LocalDate to, PageRequest page) {
        List<Commitment> found = new ArrayList<>();
        for (Document d : commitments.find(range(enterpriseId, from, to)).sort(Sorts.descending("_id"))
                .skip(page.skip()).limit(page.size())) {
            d.remove("_id");
            found.add(json.convertValue(d, Commitment.class));
        }
        return found;
    }

    public long count(String enterpriseId, LocalDate from, LocalDate to) {
        return commitments.countDocuments(range(enterpriseId, from, to));
    }

    /** The latest version for the day, if any. */
    public Optional<Commitment> latest(String enterpriseId, LocalDate date) {
        List<Commitment> day = history(enterpriseId, date, date, new PageRequest(0, 1));
        return day.isEmpty() ? Optional.empty() : Optional.of(day.get(0));
    }

    /** The primary-key range of the enterprise's days: keys sort as {@code id|date|version}. */
    private static Bson range(String enterpriseId, LocalDate from, LocalDate to) {
        return Filters.and(Filters.gte("_id", enterpriseId + "|" + from), Filters.lt("_id", enterpriseId + "|" + to + "|~"));
    }

    /** Marks the missing commitment as announced; false when it already was. */
    public boolean markAnnounced(String enterpriseId, LocalDate date) {
        try {
            announced.insertOne(new Document("_id", enterpriseId + "|" + date));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public boolean wasAnnounced(String enterpriseId, LocalDate date) {
        return announced.find(Filters.eq("_id", enterpriseId + "|" + date)).first() != null;
    }

    private static String key(String enterpriseId, LocalDate date, int version) {
        return enterpriseId + "|" + date + "|" + String.format("%03d", version);
    }
}
