package io.safetyhub.training.personnel;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.training.common.Page;
import io.safetyhub.training.error.QueryParams;
import io.safetyhub.training.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Personnel over REST; role and tenant rules live in {@link PersonService}. */
@Path("/api/personnel")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "personnel", description = "从业人员")
public class PersonnelResource {
    private final PersonService service;
    private final SecurityIdentity identity;

    public PersonnelResource(PersonService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Personnel visible to the caller, in id order; identity-card numbers masked")
    public Page<PersonView> list(@QueryParam("enterpriseId") String enterpriseId, @QueryParam("post") String post,
                                 @QueryParam("roleCategory") String roleCategory, @QueryParam("status") String status,
                                 @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                 @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(Caller.of(identity), new PersonService.Filter(blankToNull(enterpriseId), blankToNull(post),
                QueryParams.parse(RoleCategory.class, "roleCategory", roleCategory),
                QueryParams.parse(EmploymentStatus.class, "status", status)), page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One person; 404 when missing or outside the caller's scope")
    public PersonView get(@PathParam("id") String id) {
        return service.get(Caller.of(identity), id);
    }

    @POST
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Register a person; 400 for a wrong identity-card check digit, 409 for a duplicate in the enterprise")
    public Response create(@NotNull @Valid PersonRequest request) {
        PersonView created = service.create(Caller.of(identity), request);
        return Response.created(URI.create("/api/personnel/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Replace a person's fields (not the enterprise)")
    public PersonView update(@PathParam("id") String id, @NotNull @Valid PersonRequest request) {
        return service.update(Caller.of(identity), id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Remove a person registered by mistake, with their certificates (someone who left is updated to status LEFT instead)")
    public Response delete(@PathParam("id") String id) {
        service.delete(Caller.of(identity), id);
        return Response.noContent().build();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
