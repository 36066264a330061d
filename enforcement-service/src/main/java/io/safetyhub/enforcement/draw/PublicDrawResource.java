package io.safetyhub.enforcement.draw;

import com.mongodb.client.model.Filters;
import io.safetyhub.enforcement.common.Paging;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static io.safetyhub.platform.Strings.blankToNull;

/** Draw results for anyone (一公开), and the re-run anyone may ask for. */
@Path("/api/public/enforcement/draws")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "public")
public class PublicDrawResource {
    private final DrawRepository draws;
    private final DrawService service;

    public PublicDrawResource(
            DrawRepository draws,
            DrawService service) {
        this.draws = draws;
        this.service = service;
    }

    @GET
    @Operation(summary = "Draw results, latest first, superseded draws included with the reason they were redrawn")
    public Page<PublicDrawView> list(@QueryParam("district") String district, @QueryParam("page") String page,
                                     @QueryParam("size") String size) {
        Bson filter = blankToNull(district) == null ? new Document() : Filters.eq("district", district.strip());
        PageRequest request = QueryParams.page(page, size, Paging.MAX_SIZE);
        return Page.of(draws.find(filter, request), request, draws.count(filter)).map(PublicDrawView::of);
    }

    @GET @Path("/{id}")
    @Operation(summary = "One draw result")
    public PublicDrawView get(@PathParam("id") String id) {
        return PublicDrawView.of(draws.byId(id).orElseThrow(() -> DomainException.notFound("draw", id)));
    }

    @GET @Path("/{id}/verification")
    @Operation(summary = "Re-run the draw from its stored seed and inputs; reproduced=true when the result is the same")
    public PublicVerification verify(@PathParam("id") String id) {
        DrawService.Verification v = service.verify(draws.byId(id).orElseThrow(() -> DomainException.notFound("draw", id)));
        return new PublicVerification(v.drawId(), v.seed(), v.algorithm(), v.reproduced());
    }

    /** The public answer leaves the inputs out: they name inspectors' conflicts. */
    public record PublicVerification(String drawId, String seed, String algorithm, boolean reproduced) {
    }
}
