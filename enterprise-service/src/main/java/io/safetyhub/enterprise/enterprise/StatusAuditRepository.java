package io.safetyhub.enterprise.enterprise;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.quarkus.runtime.StartupEvent;
import io.safetyhub.enterprise.audit.AuditDocuments;
import io.safetyhub.enterprise.audit.AuditEntry;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/** {@code enterprise_status_audit}: one document per status change (停产整顿 orders are rare, so few per enterprise). */
@ApplicationScoped
public class StatusAuditRepository {
    private final MongoCollection<Document> collection;

    public StatusAuditRepository(MongoClient mongo, EnterpriseConfig config) {
        this.collection = mongo.getDatabase(config.database()).getCollection("enterprise_status_audit");
    }

    void createIndexes(@Observes StartupEvent ignored) {
        collection.createIndex(Indexes.ascending("enterpriseId", "at"), new IndexOptions().name("enterprise_at"));
    }

    public void append(String enterpriseId, AuditEntry entry) {
        collection.insertOne(AuditDocuments.toDocument(entry).append("enterpriseId", enterpriseId));
    }

    public List<AuditEntry> history(String enterpriseId) {
        List<AuditEntry> found = new ArrayList<>();
        for (Document d : collection.find(Filters.eq("enterpriseId", enterpriseId)).sort(Sorts.ascending("at"))) {
            found.add(AuditDocuments.fromDocument(d));
        }
        return found;
    }
}
