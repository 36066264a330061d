package io.safetyhub.enforcement.draw;

import com.mongodb.client.model.Filters;
import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.enforcement.common.Paging;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.platform.rest.PlainText;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import jakarta.ws.rs.core.Response;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static io.safetyhub.platform.Strings.blankToNull;

/** The double-random draw (双随机) for regulators: read a draw with its inputs, re-run it, redraw with a reason. */
@Path("/api/enforcement/draws")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "operator"})
@Tag(name = "draws", description = "双随机抽取")
public class DrawResource {
    private final DrawService service;
    private final DrawRepository draws;
    private final SecurityIdentity identity;

    public DrawResource(
            DrawService service,
            DrawRepository draws,
            SecurityIdentity identity) {
        this.service = service;
        this.draws = draws;
        this.identity = identity;
    }

    /** Why a draw is made again (重新抽取的理由): kept on both draws and in the audit trail. */
    public record RedrawRequest(@NotBlank @Size(max = 1000) @PlainText String reason) {
    }

    @GET
    @Operation(summary = "Draws of the caller's area, latest first, superseded ones included")
    public Page<Draw> list(@QueryParam("planId") String planId, @QueryParam("page") String page, @QueryParam("size") String size) {
        Caller caller = caller();
        List<Bson> clauses = new ArrayList<>();
        if (caller.confinedDistrict() != null) {
            clauses.add(Filters.eq("district", caller.confinedDistrict()));
        }
        if (caller.confinedTown() != null) {
            clauses.add(Filters.in("town", caller.confinedTown(), null));
        }
        if (blankToNull(planId) != null) {
            clauses.add(Filters.eq("planId", planId.strip()));
        }
        Bson filter = clauses.isEmpty() ? new Document() : Filters.and(clauses);
        PageRequest request = QueryParams.page(page, size, Paging.MAX_SIZE);
        return Page.of(draws.find(filter, request), request, draws.count(filter));
    }

    @GET @Path("/{id}")
    @Operation(summary = "One draw with its seed, inputs (roster, inspectors, conflicts, previous teams) and result")
    public Draw get(@PathParam("id") String id) {
        return service.get(caller(), id);
    }

    @GET @Path("/{id}/verification")
    @Operation(summary = "Re-run the draw from its stored seed and inputs; reproduced=true when the result is the same")
    public DrawService.Verification verify(@PathParam("id") String id) {
        return service.verify(service.get(caller(), id));
    }

    @POST @Path("/{id}/redraw")
    @RolesAllowed("regulator")
    @Operation(summary = "Draw the plan again, with a reason; both draws stay on record and public")
    public Response redraw(@PathParam("id") String id, @NotNull @Valid RedrawRequest request) {
        Draw draw = service.redraw(caller(), id, request.reason().strip());
        return Response.created(URI.create("/api/enforcement/draws/" + draw.id())).entity(draw).build();
    }

    private Caller caller() {
        return Callers.of(identity);
    }
}
