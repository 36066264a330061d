package io.safetyhub.training.trainingrecord;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.quarkus.runtime.StartupEvent;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.training.common.DocumentCodec;
import io.safetyhub.training.config.TrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code training_records} collection; dates are ISO strings, so a year is a string range. */
@ApplicationScoped
public class TrainingRecordRepository {
    private final MongoCollection<Document> collection;
    private final DocumentCodec codec;

    public TrainingRecordRepository(MongoClient mongo, TrainingConfig config, DocumentCodec codec) {
        this.collection = mongo.getDatabase(config.database()).getCollection("training_records");
        this.codec = codec;
    }

    void createIndexes(@Observes StartupEvent ignored) {
        collection.createIndex(Indexes.ascending("enterpriseId", "date"), new IndexOptions().name("enterprise_date"));
    }

    public boolean exists(String id) {
        return collection.find(Filters.eq("_id", id)).first() != null;
    }

    public Optional<TrainingRecord> findById(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(d -> codec.fromDocument(d, TrainingRecord.class));
    }

    /** Newest first. */
    public List<TrainingRecord> find(Bson filter, PageRequest page) {
        return read(collection.find(filter).sort(Sorts.orderBy(Sorts.descending("date"), Sorts.ascending("_id")))
                .skip(page.skip()).limit(page.size()));
    }

    public List<TrainingRecord> findAll(Bson filter) {
        return read(collection.find(filter));
    }

    private List<TrainingRecord> read(Iterable<Document> documents) {
        List<TrainingRecord> found = new ArrayList<>();
        documents.forEach(d -> found.add(codec.fromDocument(d, TrainingRecord.class)));
        return found;
    }

    public long count(Bson filter) {
        return collection.countDocuments(filter);
    }

    public void save(TrainingRecord record) {
        collection.replaceOne(Filters.eq("_id", record.id()), codec.toDocument(record), new ReplaceOptions().upsert(true));
    }

    public static Bson year(int year) {
        return Filters.and(Filters.gte("date", year + "-01-01"), Filters.lte("date", year + "-12-31"));
    }
}
