package io.safetyhub.enforcement.reinspection;

import com.mongodb.client.model.Filters;
import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.enforcement.common.Scope;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.PlainText;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

/** Re-inspections (整改复查): regulators record them; an enterprise sees its own. */
@Path("/api/enforcement/reinspections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "reinspections", description = "整改复查")
public class ReinspectionResource {
    private final ReinspectionService service;
    private final ReinspectionRepository repository;
    private final SecurityIdentity identity;

    public ReinspectionResource(
            ReinspectionService service,
            ReinspectionRepository repository,
            SecurityIdentity identity) {
        this.service = service;
        this.repository = repository;
        this.identity = identity;
    }

    public record OutcomeRequest(@NotEmpty @Size(max = 300) List<@NotNull @Valid Item> outcomes) {
        public record Item(@NotBlank @Size(max = 200) String findingId, @NotNull Boolean rectified,
                           @Size(max = 2000) @PlainText String note) {
        }
    }

    @GET
    @Operation(summary = "Re-inspections in scope, soonest due first; filter by status (SCHEDULED, DUE, DONE)")
    public List<Reinspection> list(@QueryParam("status") String status) {
        List<Bson> clauses = new ArrayList<>();
        Reinspection.Status s = QueryParams.enumOf(Reinspection.Status.class, "status", status);
        if (s != null) {
            clauses.add(Filters.eq("status", s.name()));
        }
        return repository.find(Scope.filter(caller(), clauses));
    }

    @GET @Path("/{id}")
    @Operation(summary = "One re-inspection")
    public Reinspection get(@PathParam("id") String id) {
        return service.get(caller(), id);
    }

    @POST @Path("/{id}/outcome")
    @RolesAllowed("regulator")
    @Operation(summary = "Record whether each finding was rectified; a major hazard not rectified goes under listed supervision")
    public Reinspection outcome(@PathParam("id") String id, @NotNull @Valid OutcomeRequest request) {
        return service.record(caller(), id, request.outcomes().stream()
                .map(i -> new Reinspection.Outcome(i.findingId(), i.rectified(), i.note() == null ? null : i.note().strip()))
                .toList());
    }

    private Caller caller() {
        return Callers.of(identity);
    }
}
