package io.safetyhub.training.exam;

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

/** The {@code exam_results} collection. */
@ApplicationScoped
public class ExamResultRepository {
    private final MongoCollection<Document> collection;
    private final DocumentCodec codec;

    public ExamResultRepository(MongoClient mongo, TrainingConfig config, DocumentCodec codec) {
        this.collection = mongo.getDatabase(config.database()).getCollection("exam_results");
        this.codec = codec;
    }

    public Optional<ExamResult> findById(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(d -> codec.fromDocument(d, ExamResult.class));
    }

    public List<ExamResult> find(Bson filter, PageRequest page) {
        List<ExamResult> found = new ArrayList<>();
        for (Document d : collection.find(filter).sort(Sorts.orderBy(Sorts.descending("examDate"), Sorts.ascending("_id")))
                .skip(page.skip()).limit(page.size())) {
            found.add(codec.fromDocument(d, ExamResult.class));
        }
        return found;
    }

    public long count(Bson filter) {
        return collection.countDocuments(filter);
    }

    public void save(ExamResult result) {
        collection.replaceOne(Filters.eq("_id", result.id()), codec.toDocument(result), new ReplaceOptions().upsert(true));
    }
}
