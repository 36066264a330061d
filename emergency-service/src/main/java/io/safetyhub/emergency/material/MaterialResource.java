package io.safetyhub.emergency.material;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.emergency.common.Limits;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Created;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

/** Emergency materials and dispatches over REST; regulators of the area and operators only. */
@Path("/api/emergency/materials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "operator"})
@Tag(name = "materials", description = "应急物资")
public class MaterialResource {
    private final MaterialService service;
    private final SecurityIdentity identity;

    public MaterialResource(MaterialService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Stocks in the caller's area; lowStock=true lists those at or below their threshold")
    public Page<MaterialView> list(@QueryParam("district") String district, @QueryParam("tier") String tier,
                                   @QueryParam("item") String item, @QueryParam("lowStock") String lowStock,
                                   @QueryParam("page") String page, @QueryParam("size") String size) {
        Boolean low = switch (String.valueOf(blankToNull(lowStock))) {
            case "null" -> null;
            case "true" -> true;
            case "false" -> false;
            default -> throw DomainException.field("lowStock", "must be true or false");
        };
        return service.list(Callers.of(identity), new MaterialService.Filter(blankToNull(district),
                QueryParams.enumOf(Tier.class, "tier", tier), blankToNull(item), low), QueryParams.page(page, size, Limits.MAX_PAGE));
    }

    @GET
    @Path("/dispatches")
    @Operation(summary = "Dispatches from or to the caller's district, newest first")
    public Page<Dispatch> dispatches(@QueryParam("page") String page, @QueryParam("size") String size) {
        return service.dispatches(Callers.of(identity), QueryParams.page(page, size, Limits.MAX_PAGE));
    }

    @POST
    @Path("/dispatches")
    @Operation(summary = "Move stock between two stocks of the same item; 409 INSUFFICIENT_STOCK naming quantity")
    public Response dispatch(@NotNull @Valid DispatchRequest request) {
        Dispatch d = service.dispatch(Callers.of(identity), request);
        return Created.at("/api/emergency/materials/dispatches/" + d.id(), d);
    }

    @GET
    @Path("/dispatches/{id}")
    @Operation(summary = "One dispatch")
    public Dispatch dispatch(@PathParam("id") String id) {
        return service.dispatch(Callers.of(identity), id);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One stock")
    public MaterialView get(@PathParam("id") String id) {
        return service.get(Callers.of(identity), id);
    }

    @POST
    @Operation(summary = "Record a stock of the caller's area")
    public Response create(@NotNull @Valid MaterialRequest request) {
        MaterialView created = service.create(Callers.of(identity), request);
        return Created.at("/api/emergency/materials/" + created.id(), created);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a stock's record (a count sets the quantity)")
    public MaterialView update(@PathParam("id") String id, @NotNull @Valid MaterialRequest request) {
        return service.update(Callers.of(identity), id, request);
    }
}
