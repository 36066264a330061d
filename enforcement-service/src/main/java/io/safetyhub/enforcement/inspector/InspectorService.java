package io.safetyhub.enforcement.inspector;

import com.mongodb.client.model.Filters;
import io.safetyhub.enforcement.audit.AuditLog;
import io.safetyhub.enforcement.common.Scope;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The inspector roster: operators keep it (rosters are their job), regulators read the inspectors of their own
 * district, enterprises see nothing of it (least of all the declared conflicts).
 */
@ApplicationScoped
public class InspectorService {
    private final InspectorRepository repository;
    private final AuditLog audit;

    public InspectorService(
            InspectorRepository repository,
            AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
    }

    public List<Inspector> list(Caller caller, String district) {
        List<Bson> clauses = new ArrayList<>();
        if (caller.confinedDistrict() != null) {
            clauses.add(Filters.eq("district", caller.confinedDistrict()));
        }
        if (district != null) {
            clauses.add(Filters.eq("district", district));
        }
        return repository.find(clauses.isEmpty() ? new Document() : Filters.and(clauses));
    }

    public Inspector get(Caller caller, String id) {
        Inspector inspector = repository.byId(id).orElseThrow(() -> DomainException.notFound("inspector", id));
        if (!Scope.seesArea(caller, inspector.district(), null)) {
            throw DomainException.notFound("inspector", id);
        }
        return inspector;
    }

    public Inspector create(Caller caller, InspectorRequest request) {
        requireOperator(caller);
        Inspector inspector = toInspector("in-" + UUID.randomUUID().toString().substring(0, 8), request);
        repository.put(inspector);
        audit.record(caller, subject(inspector), "ADDED", null, inspector.active() ? "ACTIVE" : "INACTIVE", null);
        return inspector;
    }

    public Inspector replace(Caller caller, String id, InspectorRequest request) {
        requireOperator(caller);
        Inspector before = repository.byId(id).orElseThrow(() -> DomainException.notFound("inspector", id));
        Inspector after = toInspector(id, request);
        repository.put(after);
        audit.record(caller, subject(after), "CHANGED", before.active() ? "ACTIVE" : "INACTIVE",
                after.active() ? "ACTIVE" : "INACTIVE", "conflicts " + before.conflicts().size() + " -> " + after.conflicts().size());
        return after;
    }

    private static Inspector toInspector(String id, InspectorRequest r) {
        List<Inspector.Conflict> conflicts = r.conflicts() == null ? List.of()
                : r.conflicts().stream().map(c -> new Inspector.Conflict(c.enterpriseId().strip(), c.reason().strip())).toList();
        return new Inspector(id, r.name().strip(), r.badgeNumber(), r.district().strip(),
                r.town() == null || r.town().isBlank() ? null : r.town().strip(), r.sectors().stream().distinct().toList(),
                conflicts, r.username() == null || r.username().isBlank() ? null : r.username().strip(),
                r.active() == null || r.active());
    }

    private static AuditLog.Subject subject(Inspector i) {
        return AuditLog.Subject.of("INSPECTOR", i.id(), null, i.district(), i.town());
    }

    private static void requireOperator(Caller caller) {
        if (!caller.operator()) {
            throw DomainException.forbidden("the inspector roster is kept by operators");
        }
    }
}
