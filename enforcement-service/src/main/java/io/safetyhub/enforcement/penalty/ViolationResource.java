package io.safetyhub.enforcement.penalty;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.enforcement.audit.AuditLog;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.PlainText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The violation catalogue: everyone signed in reads it (it quotes the law), operators keep it. */
@Path("/api/enforcement/violations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "violations", description = "违法行为与处罚裁量目录")
public class ViolationResource {
    private final ViolationRepository repository;
    private final AuditLog audit;
    private final SecurityIdentity identity;

    public ViolationResource(
            ViolationRepository repository,
            AuditLog audit,
            SecurityIdentity identity) {
        this.repository = repository;
        this.audit = audit;
        this.identity = identity;
    }

    public record ViolationRequest(@NotBlank @Size(max = 300) @PlainText String title,
                                   @NotBlank @Size(max = 300) @PlainText String article,
                                   @NotNull @Min(1) @Max(100_000_000) Long fineMin,
                                   @NotNull @Min(1) @Max(100_000_000) Long fineMax,
                                   @Size(max = 500) @PlainText String note) {
    }

    @GET
    @Operation(summary = "The catalogue: act, article of the 安全生产法 (2021), fine range in yuan")
    public List<Violation> list() {
        return repository.all();
    }

    @GET @Path("/{code}")
    @Operation(summary = "One catalogue entry")
    public Violation get(@PathParam("code") String code) {
        return repository.byCode(code).orElseThrow(() -> DomainException.notFound("violation", code));
    }

    @PUT @Path("/{code}")
    @RolesAllowed("operator")
    @Operation(summary = "Create or replace a catalogue entry (operators); cases already filed keep the entry they copied")
    public Violation put(@PathParam("code") String code, @NotNull @Valid ViolationRequest request) {
        if (!code.matches("[A-Z0-9-]{2,40}")) {
            throw DomainException.field("code", "must be 2 to 40 capitals, digits or hyphens");
        }
        if (request.fineMin() > request.fineMax()) {
            throw DomainException.field("fineMin", "must not exceed fineMax");
        }
        Violation v = new Violation(code, request.title().strip(), request.article().strip(), request.fineMin(),
                request.fineMax(), request.note() == null ? null : request.note().strip());
        repository.put(v);
        audit.record(caller(), AuditLog.Subject.of("VIOLATION", code, null, null, null), "PUT", null,
                v.fineMin() + "-" + v.fineMax(), v.article());
        return v;
    }

    private Caller caller() {
        return Callers.of(identity);
    }
}
