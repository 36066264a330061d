package io.safetyhub.enforcement.finding;

import io.safetyhub.enforcement.audit.AuditLog;
import io.safetyhub.enforcement.common.Scope;
import io.safetyhub.enforcement.inspection.Inspection;
import io.safetyhub.enforcement.reinspection.ReinspectionService;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/** Turns a completed inspection's failures into findings, schedules their re-inspection and sends them out. */
@ApplicationScoped
public class FindingService {
    private static final Logger LOG = Logger.getLogger(FindingService.class);

    private final FindingRepository repository;
    private final FindingPublisher publisher;
    private final ReinspectionService reinspections;
    private final AuditLog audit;

    public FindingService(
            FindingRepository repository,
            FindingPublisher publisher,
            ReinspectionService reinspections,
            AuditLog audit) {
        this.repository = repository;
        this.publisher = publisher;
        this.reinspections = reinspections;
        this.audit = audit;
    }

    /** Stores and publishes the findings of a completed inspection; returns how many it has. Safe to call twice. */
    public int raise(Caller caller, Inspection inspection) {
        List<Finding> findings = Finding.of(inspection);
        for (Finding f : findings) {
            if (repository.insertIfAbsent(f)) {
                audit.record(caller, subject(f), "RAISED", null, Finding.Status.OPEN.name(),
                        f.grade() + " " + f.itemCode() + ", deadline " + f.deadline());
            }
        }
        reinspections.schedule(caller, inspection, findings);
        try {
            publisher.publishPending();
        } catch (RuntimeException e) {
            // Stored unpublished: the outbox sweep sends them once Kafka is back.
            LOG.warnf("findings of %s stored, not yet sent: %s", inspection.id(), e.getMessage());
        }
        return findings.size();
    }

    public Finding get(Caller caller, String id) {
        Finding f = repository.byId(id).orElseThrow(() -> DomainException.notFound("finding", id));
        Scope.requireVisible(caller, f.enterpriseId(), f.district(), f.town(), "finding", id);
        return f;
    }

    public static AuditLog.Subject subject(Finding f) {
        return AuditLog.Subject.of("FINDING", f.id(), f.enterpriseId(), f.district(), f.town(), f.inspectionId());
    }
}
