package io.safetyhub.enterprise.duty;

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
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.enterprise.TenantScope;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The three collections of the 包保 duties: {@code duty_holders} (one per installation), {@code duty_checks} (what the
 * holders recorded) and {@code duty_overdue} (what the scheduler announced, keyed by dutyKey so nothing is announced
 * twice). Dates are stored as ISO strings, which sort as dates.
 */
@ApplicationScoped
public class DutyRepository {
    private final MongoCollection<Document> holders;
    private final MongoCollection<Document> checks;
    private final MongoCollection<Document> overdue;

    public DutyRepository(MongoClient mongo, EnterpriseConfig config) {
        var db = mongo.getDatabase(config.database());
        this.holders = db.getCollection("duty_holders");
        this.checks = db.getCollection("duty_checks");
        this.overdue = db.getCollection("duty_overdue");
    }

    void createIndexes(@Observes StartupEvent ignored) {
        checks.createIndex(Indexes.ascending("installationId", "role", "date"), new IndexOptions().name("installation_role_date"));
        overdue.createIndex(Indexes.ascending("district", "dueBy"), new IndexOptions().name("district_due"));
        overdue.createIndex(Indexes.ascending("installationId"), new IndexOptions().name("installation"));
    }

    public Optional<DutyAssignment> holders(String installationId) {
        return Optional.ofNullable(holders.find(Filters.eq("_id", installationId)).first()).map(DutyRepository::assignment);
    }

    public void saveHolders(DutyAssignment a) {
        Document byRole = new Document();
        a.holders().forEach((role, h) -> byRole.append(role.name(), new Document("name", h.name())
                .append("position", h.position()).append("phone", h.phone()).append("since", h.since().toString())
                .append("assignedBy", h.assignedBy()).append("assignedAt", java.util.Date.from(h.assignedAt()))));
        holders.replaceOne(Filters.eq("_id", a.installationId()), new Document("_id", a.installationId())
                .append("enterpriseId", a.enterpriseId()).append("district", a.district()).append("town", a.town())
                .append("holders", byRole), new ReplaceOptions().upsert(true));
    }

    public void deleteHolders(String installationId) {
        holders.deleteOne(Filters.eq("_id", installationId));
    }

    public void insertCheck(DutyCheck c) {
        checks.insertOne(new Document("_id", c.id()).append("installationId", c.installationId())
                .append("enterpriseId", c.enterpriseId()).append("district", c.district()).append("town", c.town())
                .append("role", c.role().name()).append("personName", c.personName()).append("date", c.date().toString())
                .append("findings", c.findings()).append("outcome", c.outcome().name()).append("recordedBy", c.recordedBy())
                .append("recordedAt", java.util.Date.from(c.recordedAt())));
    }

    /** The days on which checks of one role of one installation were recorded, from {@code since} on. */
    public Set<LocalDate> checkDays(String installationId, DutyRole role, LocalDate since) {
        Set<LocalDate> days = new HashSet<>();
        for (Document d : checks.find(Filters.and(Filters.eq("installationId", installationId),
                Filters.eq("role", role.name()), Filters.gte("date", since.toString()))).projection(new Document("date", 1))) {
            days.add(LocalDate.parse(d.getString("date")));
        }
        return days;
    }

    /** One installation's checks, newest day first, optionally of one role. */
    public List<DutyCheck> checks(String installationId, DutyRole role, PageRequest page) {
        List<DutyCheck> found = new ArrayList<>();
        for (Document d : checks.find(checkFilter(installationId, role)).sort(Sorts.descending("date", "recordedAt"))
                .skip(page.skip()).limit(page.size())) {
            found.add(check(d));
        }
        return found;
    }

    public long countChecks(String installationId, DutyRole role) {
        return checks.countDocuments(checkFilter(installationId, role));
    }

    /** The dutyKeys already announced for an installation. */
    public Set<String> announcedKeys(String installationId) {
        Set<String> keys = new HashSet<>();
        for (Document d : overdue.find(Filters.eq("installationId", installationId)).projection(new Document("_id", 1))) {
            keys.add(d.getString("_id"));
        }
        return keys;
    }

    /** Remembers an announcement; false when another run remembered it first. */
    public boolean markAnnounced(OverdueDuty o) {
        try {
            overdue.insertOne(new Document("_id", o.dutyKey()).append("installationId", o.installationId())
                    .append("installationName", o.installationName()).append("enterpriseId", o.enterpriseId())
                    .append("enterpriseName", o.enterpriseName()).append("district", o.district()).append("town", o.town())
                    .append("role", o.role().name()).append("personName", o.personName())
                    .append("frequency", o.frequency().name()).append("periodStart", o.periodStart().toString())
                    .append("dueBy", java.util.Date.from(o.dueBy())).append("announcedAt", java.util.Date.from(o.announcedAt())));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Overdue duties across a scope, oldest due first, optionally of one role. */
    public List<OverdueDuty> overdue(TenantScope scope, DutyRole role, PageRequest page) {
        if (scope.empty()) {
            return List.of();
        }
        List<OverdueDuty> found = new ArrayList<>();
        for (Document d : overdue.find(overdueFilter(scope, role)).sort(Sorts.ascending("dueBy", "_id"))
                .skip(page.skip()).limit(page.size())) {
            found.add(overdueDuty(d));
        }
        return found;
    }

    public long countOverdue(TenantScope scope, DutyRole role) {
        return scope.empty() ? 0 : overdue.countDocuments(overdueFilter(scope, role));
    }

    private static Bson checkFilter(String installationId, DutyRole role) {
        Bson byInstallation = Filters.eq("installationId", installationId);
        return role == null ? byInstallation : Filters.and(byInstallation, Filters.eq("role", role.name()));
    }

    private static Bson overdueFilter(TenantScope scope, DutyRole role) {
        List<Bson> clauses = new ArrayList<>();
        if (scope.enterpriseId() != null) {
            clauses.add(Filters.eq("enterpriseId", scope.enterpriseId()));
        }
        if (scope.district() != null) {
            clauses.add(Filters.eq("district", scope.district()));
        }
        if (scope.town() != null) {
            clauses.add(Filters.eq("town", scope.town()));
        }
        if (role != null) {
            clauses.add(Filters.eq("role", role.name()));
        }
        return clauses.isEmpty() ? new Document() : Filters.and(clauses);
    }

    private static DutyAssignment assignment(Document d) {
        Map<DutyRole, DutyHolder> byRole = new EnumMap<>(DutyRole.class);
        Document hs = d.get("holders", Document.class);
        if (hs != null) {
            for (DutyRole role : DutyRole.values()) {
                Document h = hs.get(role.name(), Document.class);
                if (h != null) {
                    byRole.put(role, new DutyHolder(h.getString("name"), h.getString("position"), h.getString("phone"),
                            LocalDate.parse(h.getString("since")), h.getString("assignedBy"), h.getDate("assignedAt").toInstant()));
                }
            }
        }
        return new DutyAssignment(d.getString("_id"), d.getString("enterpriseId"), d.getString("district"),
                d.getString("town"), byRole);
    }

    private static DutyCheck check(Document d) {
        return new DutyCheck(d.getString("_id"), d.getString("installationId"), d.getString("enterpriseId"),
                d.getString("district"), d.getString("town"), DutyRole.valueOf(d.getString("role")), d.getString("personName"),
                LocalDate.parse(d.getString("date")), d.getString("findings"), DutyOutcome.valueOf(d.getString("outcome")),
                d.getString("recordedBy"), d.getDate("recordedAt").toInstant());
    }

    private static OverdueDuty overdueDuty(Document d) {
        return new OverdueDuty(d.getString("_id"), d.getString("installationId"), d.getString("installationName"),
                d.getString("enterpriseId"), d.getString("enterpriseName"), d.getString("district"), d.getString("town"),
                DutyRole.valueOf(d.getString("role")), d.getString("personName"), DutyFrequency.valueOf(d.getString("frequency")),
                LocalDate.parse(d.getString("periodStart")), d.getDate("dueBy").toInstant(), d.getDate("announcedAt").toInstant());
    }
}
