package io.safetyhub.training.personnel;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Created;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.QueryParams;
import io.safetyhub.training.common.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import static io.safetyhub.platform.Strings.blankToNull;


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
                                 @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(Callers.of(identity), new PersonService.Filter(blankToNull(enterpriseId), blankToNull(post),
                QueryParams.enumOf(RoleCategory.class, "roleCategory", roleCategory),
                QueryParams.enumOf(EmploymentStatus.class, "status", status)), QueryParams.page(page, size, Paging.MAX_SIZE));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One person; 404 when missing or outside the caller's scope")
    public PersonView get(@PathParam("id") String id) {
        return service.get(Callers.of(identity), id);
    }

    @POST
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Register a person; 400 for a wrong identity-card check digit, 409 for a duplicate in the enterprise")
    public Response create(@NotNull @Valid PersonRequest request) {
        PersonView created = service.create(Callers.of(identity), request);
        return Created.at("/api/personnel/" + created.id(), created);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Replace a person's fields (not the enterprise)")
    public PersonView update(@PathParam("id") String id, @NotNull @Valid PersonRequest request) {
        return service.update(Callers.of(identity), id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Remove a person registered by mistake, with their certificates (someone who left is updated to status LEFT instead)")
    public Response delete(@PathParam("id") String id) {
        service.delete(Callers.of(identity), id);
        return Response.noContent().build();
    }

}
