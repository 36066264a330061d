package io.safetyhub.training.personnel;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.quarkus.runtime.StartupEvent;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.training.common.DocumentCodec;
import io.safetyhub.training.config.TrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The {@code personnel} collection; the identity-card number is unique per enterprise through {@code idCardKey}. */
@ApplicationScoped
public class PersonRepository {
    private final MongoCollection<Document> collection;
    private final DocumentCodec codec;

    public PersonRepository(MongoClient mongo, TrainingConfig config, DocumentCodec codec) {
        this.collection = mongo.getDatabase(config.database()).getCollection("personnel");
        this.codec = codec;
    }

    /** A single-field unique index, because the embedded server ignores compound ones. */
    void createIndexes(@Observes StartupEvent ignored) {
        collection.createIndex(Indexes.ascending("idCardKey"), new IndexOptions().unique(true).name("id_card_per_enterprise"));
        collection.createIndex(Indexes.ascending("enterpriseId", "_id"), new IndexOptions().name("enterprise_id"));
    }

    public Optional<Person> findById(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(d -> codec.fromDocument(d, Person.class));
    }

    public Optional<Person> findByIdCardKey(String key) {
        return Optional.ofNullable(collection.find(Filters.eq("idCardKey", key)).first()).map(d -> codec.fromDocument(d, Person.class));
    }

    public List<Person> find(Bson filter, PageRequest page) {
        return read(collection.find(filter).sort(Sorts.ascending("_id")).skip(page.skip()).limit(page.size()));
    }

    public List<Person> findAll(Bson filter) {
        return read(collection.find(filter).sort(Sorts.ascending("_id")));
    }

    private List<Person> read(Iterable<Document> documents) {
        List<Person> found = new ArrayList<>();
        documents.forEach(d -> found.add(codec.fromDocument(d, Person.class)));
        return found;
    }

    public List<Person> findByIds(Collection<String> ids) {
        return findAll(Filters.in("_id", ids));
    }

    public long count(Bson filter) {
        return collection.countDocuments(filter);
    }

    /** Insert or replace; a second person with the same number in the same enterprise is a 409. */
    public void save(Person person) {
        try {
            collection.replaceOne(Filters.eq("_id", person.id()), codec.toDocument(person), new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw duplicate();
            }
            throw e;
        }
    }

    public void delete(String id) {
        collection.deleteOne(Filters.eq("_id", id));
    }

    static DomainException duplicate() {
        return DomainException.conflict("DUPLICATE_ID_CARD", "a person with this identity-card number is already registered in this enterprise");
    }
}
