package io.safetyhub.enforcement.checklist;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.enforcement.audit.AuditLog;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Inspection checklists: everyone signed in reads them (they quote the law), operators keep them. */
@Path("/api/enforcement/checklists")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "checklists", description = "执法检查表")
public class ChecklistResource {
    private final ChecklistRepository repository;
    private final AuditLog audit;
    private final SecurityIdentity identity;

    public ChecklistResource(
            ChecklistRepository repository,
            AuditLog audit,
            SecurityIdentity identity) {
        this.repository = repository;
        this.audit = audit;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Every checklist with its items and their legal basis")
    public List<Checklist> list() {
        return repository.all();
    }

    @GET @Path("/{id}")
    @Operation(summary = "One checklist")
    public Checklist get(@PathParam("id") String id) {
        return repository.byId(id).orElseThrow(() -> DomainException.notFound("checklist", id));
    }

    @PUT @Path("/{id}")
    @RolesAllowed("operator")
    @Operation(summary = "Create or replace a checklist (operators); inspections under way keep the items they copied")
    public Checklist put(@PathParam("id") String id, @NotNull @Valid ChecklistRequest request) {
        if (!id.matches("[a-z0-9-]{3,64}")) {
            throw DomainException.field("id", "must be 3 to 64 lower-case letters, digits or hyphens");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < request.items().size(); i++) {
            if (!codes.add(request.items().get(i).code())) {
                throw DomainException.field("items[" + i + "].code", "is used twice");
            }
        }
        Checklist checklist = new Checklist(id, request.sector(), request.title().strip(), request.version().strip(),
                request.items().stream().map(i -> new Checklist.Item(i.code(), i.text().strip(), i.legalBasis().strip(), i.major()))
                        .toList());
        boolean existed = repository.byId(id).isPresent();
        repository.put(checklist);
        audit.record(caller(), AuditLog.Subject.of("CHECKLIST", id, null, null, null),
                existed ? "REPLACED" : "ADDED", null, checklist.version(), checklist.items().size() + " items");
        return checklist;
    }

    private Caller caller() {
        return Callers.of(identity);
    }
}
