package io.safetyhub.enforcement.inspection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.safetyhub.enforcement.common.Stored;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code inspections} collection. Every change of state is one conditional update on the state it starts from,
 * so two inspectors acting at once cannot both move an inspection on.
 */
@ApplicationScoped
public class InspectionRepository {
    private final MongoCollection<Document> inspections;
    private final Stored stored;

    public InspectionRepository(
            MongoClient mongo,
            EnforcementConfig config,
            Stored stored) {
        this.inspections = mongo.getDatabase(config.database()).getCollection("inspections");
        this.stored = stored;
    }

    public Optional<Inspection> byId(String id) {
        return Optional.ofNullable(inspections.find(Filters.eq("_id", id)).first()).map(d -> stored.read(d, Inspection.class));
    }

    public List<Inspection> find(Bson filter, PageRequest page) {
        List<Inspection> out = new ArrayList<>();
        inspections.find(filter).sort(Sorts.descending("openedAt", "_id")).skip(page.skip()).limit(page.size())
                .forEach(d -> out.add(stored.read(d, Inspection.class)));
        return out;
    }

    public long count(Bson filter) {
        return inspections.countDocuments(filter);
    }

    public long countForDraw(String drawId) {
        return inspections.countDocuments(Filters.eq("drawId", drawId));
    }

    /** False when an inspection with this id (one per drawn enterprise) already exists. */
    public boolean insert(Inspection inspection) {
        try {
            inspections.insertOne(stored.write(inspection));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Stores results while no inspector has signed; false otherwise. */
    public boolean saveResults(String id, LocalDate inspectedOn, List<Inspection.ItemResult> results) {
        Document set = new Document("results", results.stream().map(stored::fields).toList())
                .append("inspectedOn", inspectedOn.toString())
                .append("status", Inspection.Status.AWAITING_SIGNATURES.name());
        return inspections.updateOne(Filters.and(Filters.eq("_id", id), Filters.ne("status", Inspection.Status.COMPLETED.name()),
                Filters.size("signatures", 0)), new Document("$set", set)).getModifiedCount() == 1;
    }

    /** Adds a signature of an inspector who has not signed yet, while signatures are awaited; false otherwise. */
    public boolean addSignature(String id, Inspection.Signature signature) {
        return inspections.updateOne(Filters.and(Filters.eq("_id", id),
                        Filters.eq("status", Inspection.Status.AWAITING_SIGNATURES.name()),
                        Filters.ne("signatures.inspectorId", signature.inspectorId())),
                new Document("$push", new Document("signatures", stored.fields(signature)))).getModifiedCount() == 1;
    }

    /** Completes an inspection awaiting signatures; true for exactly one caller. */
    public boolean complete(String id, Instant at) {
        return inspections.updateOne(Filters.and(Filters.eq("_id", id),
                        Filters.eq("status", Inspection.Status.AWAITING_SIGNATURES.name())),
                new Document("$set", new Document("status", Inspection.Status.COMPLETED.name())
                        .append("completedAt", at.toString()))).getModifiedCount() == 1;
    }
}
