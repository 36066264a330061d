package io.safetyhub.training.certificate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.quarkus.runtime.StartupEvent;
import io.safetyhub.training.common.DocumentCodec;
import io.safetyhub.training.config.TrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code certificates} collection. */
@ApplicationScoped
public class CertificateRepository {
    private final MongoCollection<Document> collection;
    private final DocumentCodec codec;

    public CertificateRepository(MongoClient mongo, TrainingConfig config, DocumentCodec codec) {
        this.collection = mongo.getDatabase(config.database()).getCollection("certificates");
        this.codec = codec;
    }

    /** For real MongoDB; the embedded server ignores these and scans. */
    void createIndexes(@Observes StartupEvent ignored) {
        collection.createIndex(Indexes.ascending("enterpriseId", "kind"), new IndexOptions().name("enterprise_kind"));
        collection.createIndex(Indexes.ascending("personId"), new IndexOptions().name("person"));
    }

    public Optional<Certificate> findById(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(d -> codec.fromDocument(d, Certificate.class));
    }

    public List<Certificate> findAll(Bson filter) {
        List<Certificate> found = new ArrayList<>();
        for (Document d : collection.find(filter).sort(Sorts.ascending("_id"))) {
            found.add(codec.fromDocument(d, Certificate.class));
        }
        return found;
    }

    public void save(Certificate certificate) {
        collection.replaceOne(Filters.eq("_id", certificate.id()), codec.toDocument(certificate), new ReplaceOptions().upsert(true));
    }

    public void deleteByPerson(String personId) {
        collection.deleteMany(Filters.eq("personId", personId));
    }
}
