package io.safetyhub.training.compliance;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.training.common.DocumentCodec;
import io.safetyhub.training.config.TrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code reminders} collection, keyed by the reminder's idempotency key. */
@ApplicationScoped
public class ReminderRepository {
    private final MongoCollection<Document> collection;
    private final DocumentCodec codec;

    public ReminderRepository(MongoClient mongo, TrainingConfig config, DocumentCodec codec) {
        this.collection = mongo.getDatabase(config.database()).getCollection("reminders");
        this.codec = codec;
    }

    public Optional<Reminder> findById(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(d -> codec.fromDocument(d, Reminder.class));
    }

    /** True when this call created it; false when it already existed (another run, or a redelivery). */
    public boolean insertIfAbsent(Reminder reminder) {
        try {
            collection.insertOne(codec.toDocument(reminder));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public void markPublished(String id) {
        collection.updateOne(Filters.eq("_id", id), Updates.set("published", true));
    }

    /** Soonest due first. */
    public List<Reminder> find(Bson filter, PageRequest page) {
        return read(sorted(filter).skip(page.skip()).limit(page.size()));
    }

    public List<Reminder> findAll(Bson filter) {
        return read(sorted(filter));
    }

    public long count(Bson filter) {
        return collection.countDocuments(filter);
    }

    private FindIterable<Document> sorted(Bson filter) {
        return collection.find(filter).sort(Sorts.orderBy(Sorts.ascending("dueOn"), Sorts.ascending("_id")));
    }

    private List<Reminder> read(Iterable<Document> documents) {
        List<Reminder> found = new ArrayList<>();
        documents.forEach(d -> found.add(codec.fromDocument(d, Reminder.class)));
        return found;
    }
}
