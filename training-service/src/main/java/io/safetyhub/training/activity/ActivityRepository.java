package io.safetyhub.training.activity;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.training.common.DocumentCodec;
import io.safetyhub.training.config.TrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code activities} collection. */
@ApplicationScoped
public class ActivityRepository {
    private final MongoCollection<Document> collection;
    private final DocumentCodec codec;

    public ActivityRepository(MongoClient mongo, TrainingConfig config, DocumentCodec codec) {
        this.collection = mongo.getDatabase(config.database()).getCollection("activities");
        this.codec = codec;
    }

    public Optional<Activity> findById(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(d -> codec.fromDocument(d, Activity.class));
    }

    public List<Activity> find(Bson filter, Bson sort, PageRequest page) {
        return read(collection.find(filter).sort(Sorts.orderBy(sort, Sorts.ascending("_id"))).skip(page.skip()).limit(page.size()));
    }

    public List<Activity> findAll(Bson filter) {
        return read(collection.find(filter));
    }

    private List<Activity> read(Iterable<Document> documents) {
        List<Activity> found = new ArrayList<>();
        documents.forEach(d -> found.add(codec.fromDocument(d, Activity.class)));
        return found;
    }

    public long count(Bson filter) {
        return collection.countDocuments(filter);
    }

    public void save(Activity activity) {
        collection.replaceOne(Filters.eq("_id", activity.id()), codec.toDocument(activity), new ReplaceOptions().upsert(true));
    }

    public void delete(String id) {
        collection.deleteOne(Filters.eq("_id", id));
    }
}
