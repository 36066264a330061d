package io.safetyhub.training.enterprise;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.safetyhub.training.config.TrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The local enterprise view ({@code enterprises}); looked up by {@code _id} only. */
@ApplicationScoped
public class RegisteredEnterpriseRepository {
    static final String COLLECTION = "enterprises";

    private final MongoCollection<Document> collection;
    private final RegisteredEnterpriseMapper mapper;

    public RegisteredEnterpriseRepository(MongoClient mongo, TrainingConfig config, RegisteredEnterpriseMapper mapper) {
        this.collection = mongo.getDatabase(config.database()).getCollection(COLLECTION);
        this.mapper = mapper;
    }

    public Optional<RegisteredEnterprise> findById(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(mapper::fromDocument);
    }

    /** The whole view: one document per enterprise of the area, small enough to read at once. */
    public List<RegisteredEnterprise> findAll() {
        List<RegisteredEnterprise> all = new ArrayList<>();
        for (Document doc : collection.find()) {
            all.add(mapper.fromDocument(doc));
        }
        return all;
    }

    public void save(RegisteredEnterprise enterprise) {
        collection.replaceOne(Filters.eq("_id", enterprise.id()), mapper.toDocument(enterprise),
                new ReplaceOptions().upsert(true));
    }

    public void delete(String id) {
        collection.deleteOne(Filters.eq("_id", id));
    }
}
