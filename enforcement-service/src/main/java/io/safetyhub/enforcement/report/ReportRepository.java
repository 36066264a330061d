package io.safetyhub.enforcement.report;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.safetyhub.enforcement.common.Stored;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code reports} collection; the tracking code is unique. Every move is conditional on the state it leaves. */
@ApplicationScoped
public class ReportRepository {
    private final MongoCollection<Document> reports;
    private final Stored stored;

    public ReportRepository(
            MongoClient mongo,
            EnforcementConfig config,
            Stored stored) {
        this.reports = mongo.getDatabase(config.database()).getCollection("reports");
        this.stored = stored;
        reports.createIndex(Indexes.ascending("trackingCode"), new IndexOptions().unique(true));
        reports.createIndex(Indexes.ascending("district", "status", "receivedAt"));
    }

    public void insert(Report report) {
        reports.insertOne(stored.write(report));
    }

    public Optional<Report> byId(String id) {
        return Optional.ofNullable(reports.find(Filters.eq("_id", id)).first()).map(d -> stored.read(d, Report.class));
    }

    public Optional<Report> byTrackingCode(String code) {
        return Optional.ofNullable(reports.find(Filters.eq("trackingCode", code)).first()).map(d -> stored.read(d, Report.class));
    }

    public List<Report> find(Bson filter, PageRequest page) {
        List<Report> out = new ArrayList<>();
        reports.find(filter).sort(Sorts.descending("receivedAt")).skip(page.skip()).limit(page.size())
                .forEach(d -> out.add(stored.read(d, Report.class)));
        return out;
    }

    public long count(Bson filter) {
        return reports.countDocuments(filter);
    }

    /** Moves the report from {@code from} to {@code to} with {@code set}; false when it was no longer in {@code from}. */
    public boolean move(String id, ReportStatus from, ReportStatus to, Document set, Instant at) {
        Document fields = new Document(set).append("status", to.name()).append("updatedAt", at.toString());
        return reports.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", from.name())),
                new Document("$set", fields)).getModifiedCount() == 1;
    }

    /** Appends the reporter's addition while the report is still in {@code status}. */
    public boolean addAddition(String id, ReportStatus status, Report.Addition addition, Instant at) {
        return reports.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", status.name())),
                Updates.combine(Updates.push("additions", stored.fields(addition)), Updates.set("updatedAt", at.toString())))
                .getModifiedCount() == 1;
    }

    public Document embedded(Object value) {
        return stored.fields(value);
    }
}
