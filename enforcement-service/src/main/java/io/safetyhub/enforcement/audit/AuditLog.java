package io.safetyhub.enforcement.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.quarkus.runtime.StartupEvent;
import io.safetyhub.enforcement.common.Stored;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.platform.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The append-only {@code audit} collection: entries are written, never changed or removed. */
@ApplicationScoped
public class AuditLog {
    /** Subject prefix of the callers scheduled jobs act as. */
    public static final String SYSTEM = "system:";

    private final MongoCollection<org.bson.Document> entries;
    private final Stored stored;
    private final Clock clock;

    public AuditLog(
            MongoClient mongo,
            EnforcementConfig config,
            Stored stored,
            Clock clock) {
        this.entries = mongo.getDatabase(config.database()).getCollection("audit");
        this.stored = stored;
        this.clock = clock;
    }

    void indexes(@Observes StartupEvent ignored) {
        entries.createIndex(Indexes.ascending("refs"));
        entries.createIndex(Indexes.ascending("subjectId"));
    }

    /** The caller a scheduled job acts as: sees everything, recorded as {@code system:<job>}. */
    public static Caller system(String job) {
        return new Caller(SYSTEM + job, false, false, true, null, null, null, null);
    }

    /** What changed about one subject; {@code place} gives the enterprise/district/town the entry is scoped by. */
    public record Subject(String type, String id, String enterpriseId, String district, String town, List<String> refs) {
        public static Subject of(String type, String id, String enterpriseId, String district, String town, String... refs) {
            List<String> all = new ArrayList<>(List.of(refs));
            all.add(id);
            return new Subject(type, id, enterpriseId, district, town, all);
        }
    }

    public AuditEntry record(Caller who, Subject subject, String action, String from, String to, String reason) {
        // Scheduled jobs act as "system:<job>"; their entries say so rather than showing an anonymous role.
        String role = who.subject().startsWith(SYSTEM) ? "system" : who.role();
        AuditEntry entry = new AuditEntry("au-" + UUID.randomUUID(), clock.instant(), who.subject(), role,
                subject.type(), subject.id(), action, from, to, reason, subject.enterpriseId(), subject.district(),
                subject.town(), subject.refs());
        entries.insertOne(stored.write(entry));
        return entry;
    }

    /** Every entry that refers to any of {@code ids}, oldest first. */
    public List<AuditEntry> about(Collection<String> ids) {
        return find(Filters.in("refs", ids));
    }

    public List<AuditEntry> find(Bson filter) {
        List<AuditEntry> found = new ArrayList<>();
        entries.find(filter).sort(Sorts.ascending("at", "_id")).forEach(d -> found.add(stored.read(d, AuditEntry.class)));
        return found;
    }
}
