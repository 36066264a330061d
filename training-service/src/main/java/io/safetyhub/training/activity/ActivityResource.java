package io.safetyhub.training.activity;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Created;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.QueryParams;
import io.safetyhub.training.common.BusinessDay;
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

import java.util.List;

import static io.safetyhub.platform.Strings.blankToNull;

/** Publicity activities over REST; role and tenant rules live in {@link ActivityService}. */
@Path("/api/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "activities", description = "安全宣传")
public class ActivityResource {
    private final ActivityService service;
    private final BusinessDay days;
    private final SecurityIdentity identity;

    public ActivityResource(ActivityService service, BusinessDay days, SecurityIdentity identity) {
        this.service = service;
        this.days = days;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Activities in scope, latest first; from/to are yyyy-MM-dd")
    public Page<ActivityView> list(@QueryParam("district") String district, @QueryParam("kind") String kind,
                                   @QueryParam("from") String from, @QueryParam("to") String to,
                                   @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(Callers.of(identity), new ActivityService.Filter(blankToNull(district),
                QueryParams.enumOf(ActivityKind.class, "kind", kind), QueryParams.date("from", from), QueryParams.date("to", to)),
                QueryParams.page(page, size, Paging.MAX_SIZE));
    }

    @GET
    @Path("/stats")
    @RolesAllowed({"regulator", "operator"})
    @Operation(summary = "Activities, participants and online reach per district, month and kind in a year (default: this year)")
    public List<ActivityStats> stats(@QueryParam("year") String year) {
        Integer parsed = QueryParams.year("year", year);
        return service.stats(Callers.of(identity), parsed == null ? days.today().getYear() : parsed);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One activity")
    public ActivityView get(@PathParam("id") String id) {
        return service.get(Callers.of(identity), id);
    }

    @POST
    @Operation(summary = "Record an activity (an enterprise's own, or a regulator's in its district)")
    public Response create(@NotNull @Valid ActivityRequest request) {
        ActivityView created = service.create(Callers.of(identity), request);
        return Created.at("/api/activities/" + created.id(), created);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace an activity's fields")
    public ActivityView update(@PathParam("id") String id, @NotNull @Valid ActivityRequest request) {
        return service.update(Callers.of(identity), id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an activity")
    public Response delete(@PathParam("id") String id) {
        service.delete(Callers.of(identity), id);
        return Response.noContent().build();
    }
}
