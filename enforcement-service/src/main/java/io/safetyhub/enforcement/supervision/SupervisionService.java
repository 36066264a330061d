package io.safetyhub.enforcement.supervision;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.safetyhub.enforcement.audit.AuditLog;
import io.safetyhub.enforcement.common.Scope;
import io.safetyhub.enforcement.common.Stored;
import io.safetyhub.enforcement.common.Today;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.enforcement.finding.Finding;
import io.safetyhub.enforcement.finding.FindingRepository;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/** Listed supervision (挂牌督办) of major hazards not rectified, kept in {@code supervisions}. */
@ApplicationScoped
public class SupervisionService {
    private static final Logger LOG = Logger.getLogger(SupervisionService.class);

    private final MongoCollection<Document> supervisions;
    private final Stored stored;
    private final FindingRepository findings;
    private final EnforcementConfig config;
    private final AuditLog audit;
    private final Today today;

    public SupervisionService(
            MongoClient mongo,
            Stored stored,
            FindingRepository findings,
            EnforcementConfig config,
            AuditLog audit,
            Today today) {
        this.supervisions = mongo.getDatabase(config.database()).getCollection("supervisions");
        this.stored = stored;
        this.findings = findings;
        this.config = config;
        this.audit = audit;
        this.today = today;
    }

    /** Lists a finding; listing the same finding twice keeps the first listing. */
    public void list(Caller caller, Finding f, String reinspectionId, String reason) {
        ListedSupervision s = new ListedSupervision("ls-" + f.id(), f.id(), f.inspectionId(), reinspectionId, f.enterpriseId(),
                f.enterpriseName(), f.district(), f.town(), f.item(), f.legalBasis(), reason, today.date(),
                today.date().plusDays(config.supervision().rectificationDays()), ListedSupervision.Status.LISTED,
                caller.subject(), null, null, null);
        try {
            supervisions.insertOne(stored.write(s));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return;
            }
            throw e;
        }
        audit.record(caller, subject(s), "LISTED", null, s.status().name(), reason);
        LOG.infof("major hazard %s of %s put under listed supervision until %s", f.id(), f.enterpriseId(), s.rectifyBy());
    }

    public List<ListedSupervision> find(Caller caller, ListedSupervision.Status status) {
        List<Bson> clauses = new ArrayList<>();
        if (status != null) {
            clauses.add(Filters.eq("status", status.name()));
        }
        List<ListedSupervision> out = new ArrayList<>();
        supervisions.find(Scope.filter(caller, clauses)).sort(Sorts.ascending("rectifyBy", "_id"))
                .forEach(d -> out.add(stored.read(d, ListedSupervision.class)));
        return out;
    }

    public ListedSupervision get(Caller caller, String id) {
        ListedSupervision s = java.util.Optional.ofNullable(supervisions.find(Filters.eq("_id", id)).first())
                .map(d -> stored.read(d, ListedSupervision.class))
                .orElseThrow(() -> DomainException.notFound("listed supervision", id));
        Scope.requireVisible(caller, s.enterpriseId(), s.district(), s.town(), "listed supervision", id);
        return s;
    }

    /** Lifts a listing (摘牌) once the hazard is rectified; the finding becomes RECTIFIED. */
    public ListedSupervision lift(Caller caller, String id, String reason) {
        Scope.requireRegulator(caller);
        ListedSupervision s = get(caller, id);
        boolean lifted = supervisions.updateOne(Filters.and(Filters.eq("_id", id),
                        Filters.eq("status", ListedSupervision.Status.LISTED.name())),
                new Document("$set", new Document("status", ListedSupervision.Status.LIFTED.name())
                        .append("liftedOn", today.date().toString()).append("liftReason", reason)
                        .append("liftedBy", caller.subject()))).getModifiedCount() == 1;
        if (!lifted) {
            throw DomainException.conflict("ALREADY_LIFTED", "listing " + id + " was lifted on " + s.liftedOn());
        }
        audit.record(caller, subject(s), "LIFTED", ListedSupervision.Status.LISTED.name(),
                ListedSupervision.Status.LIFTED.name(), reason);
        if (findings.move(s.findingId(), Finding.Status.LISTED, Finding.Status.RECTIFIED)) {
            audit.record(caller, AuditLog.Subject.of("FINDING", s.findingId(), s.enterpriseId(), s.district(), s.town(),
                    s.inspectionId()), "RECTIFIED", Finding.Status.LISTED.name(), Finding.Status.RECTIFIED.name(), reason);
        }
        return get(caller, id);
    }

    private static AuditLog.Subject subject(ListedSupervision s) {
        return AuditLog.Subject.of("SUPERVISION", s.id(), s.enterpriseId(), s.district(), s.town(), s.findingId(), s.inspectionId());
    }
}
