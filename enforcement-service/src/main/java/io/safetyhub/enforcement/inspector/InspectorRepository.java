package io.safetyhub.enforcement.inspector;

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
import io.safetyhub.enforcement.common.Stored;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.platform.rest.DomainException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The {@code inspectors} collection; the badge number is unique (unique index). */
@ApplicationScoped
public class InspectorRepository {
    private final MongoCollection<Document> inspectors;
    private final Stored stored;

    public InspectorRepository(
            MongoClient mongo,
            EnforcementConfig config,
            Stored stored) {
        this.inspectors = mongo.getDatabase(config.database()).getCollection("inspectors");
        this.stored = stored;
    }

    void indexes(@Observes @Priority(10) StartupEvent ignored) {
        inspectors.createIndex(Indexes.ascending("badgeNumber"), new IndexOptions().unique(true));
    }

    public Optional<Inspector> byId(String id) {
        return Optional.ofNullable(inspectors.find(Filters.eq("_id", id)).first()).map(d -> stored.read(d, Inspector.class));
    }

    public List<Inspector> byIds(Collection<String> ids) {
        return find(Filters.in("_id", ids));
    }

    /** Inspectors matching {@code filter}, by id: the draw reads them in this fixed order. */
    public List<Inspector> find(Bson filter) {
        List<Inspector> out = new ArrayList<>();
        inspectors.find(filter).sort(Sorts.ascending("_id")).forEach(d -> out.add(stored.read(d, Inspector.class)));
        return out;
    }

    /** Inserts or replaces; a badge number already held by another inspector is a 409 naming the field. */
    public void put(Inspector inspector) {
        try {
            inspectors.replaceOne(Filters.eq("_id", inspector.id()), stored.write(inspector), new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new DomainException(409, "BADGE_NUMBER_TAKEN", "badgeNumber: " + inspector.badgeNumber()
                        + " is already on the roster", List.of(new io.safetyhub.platform.Problem.FieldError("badgeNumber",
                        "already held by another inspector")));
            }
            throw e;
        }
    }
}
