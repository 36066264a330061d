package io.safetyhub.warning.verification;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.enterprise.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Verifications in MongoDB ({@code alarm_verifications}, keyed by alarm id), mapped by hand. */
@ApplicationScoped
public class VerificationRepository {
    private final MongoCollection<Document> verifications;

    public VerificationRepository(MongoClient mongo, WarningConfig config) {
        this.verifications = mongo.getDatabase(config.database()).getCollection("alarm_verifications");
        verifications.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("closedAt")));
    }

    /** False when the alarm has one already (a close relayed twice). */
    public boolean insertIfAbsent(Verification v) {
        try {
            verifications.insertOne(toDocument(v));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Verification> find(String alarmId) {
        return Optional.ofNullable(verifications.find(Filters.eq("_id", alarmId)).first())
                .map(VerificationRepository::fromDocument);
    }

    /** Replaces it only if it still has the status the change was decided on; false when someone was first. */
    public boolean replace(Verification v, Verification.Status expected) {
        return verifications.replaceOne(Filters.and(Filters.eq("_id", v.alarmId()),
                Filters.eq("status", expected.name())), toDocument(v)).getMatchedCount() == 1;
    }

    /** Newest closed first. */
    public List<Verification> page(TenantScope.Reach reach, Verification.Status status, PageRequest page) {
        return verifications.find(filter(reach, status, null, null)).sort(Sorts.descending("closedAt"))
                .skip(page.skip()).limit(page.size()).map(VerificationRepository::fromDocument)
                .into(new ArrayList<>());
    }

    public long count(TenantScope.Reach reach, Verification.Status status) {
        return verifications.countDocuments(filter(reach, status, null, null));
    }

    /** Every verification opened (alarm closed) in [from, to). */
    public List<Verification> closedBetween(TenantScope.Reach reach, Instant from, Instant to) {
        return verifications.find(filter(reach, null, from, to)).map(VerificationRepository::fromDocument)
                .into(new ArrayList<>());
    }

    private static Bson filter(TenantScope.Reach reach, Verification.Status status, Instant from, Instant to) {
        List<Bson> and = new ArrayList<>();
        if (!reach.everyEnterprise()) {
            and.add(Filters.in("enterpriseId", reach.ids()));
        }
        if (status != null) {
            and.add(Filters.eq("status", status.name()));
        }
        if (from != null) {
            and.add(Filters.gte("closedAt", Date.from(from)));
            and.add(Filters.lt("closedAt", Date.from(to)));
        }
        return and.isEmpty() ? Filters.empty() : Filters.and(and);
    }

    static Document toDocument(Verification v) {
        List<Document> steps = v.steps().stream().map(s -> new Document("action", s.action().name())
                .append("by", s.by()).append("at", Date.from(s.at())).append("note", s.note())
                .append("cause", s.cause())).toList();
        return new Document("_id", v.alarmId()).append("enterpriseId", v.enterpriseId())
                .append("level", v.level().name()).append("closedAt", Date.from(v.closedAt()))
                .append("cause", v.cause()).append("status", v.status().name())
                .append("verifiedAt", v.verifiedAt() == null ? null : Date.from(v.verifiedAt()))
                .append("steps", steps);
    }

    static Verification fromDocument(Document d) {
        List<Verification.Step> steps = d.getList("steps", Document.class, List.of()).stream()
                .map(s -> new Verification.Step(Verification.Action.valueOf(s.getString("action")),
                        s.getString("by"), s.getDate("at").toInstant(), s.getString("note"), s.getString("cause")))
                .toList();
        Date verified = d.getDate("verifiedAt");
        return new Verification(d.getString("_id"), d.getString("enterpriseId"),
                AlarmLevel.valueOf(d.getString("level")), d.getDate("closedAt").toInstant(), d.getString("cause"),
                Verification.Status.valueOf(d.getString("status")), verified == null ? null : verified.toInstant(),
                steps);
    }
}
