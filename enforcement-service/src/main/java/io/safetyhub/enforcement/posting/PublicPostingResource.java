package io.safetyhub.enforcement.posting;

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
import org.bson.conversions.Bson;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

import static io.safetyhub.platform.Strings.blankToNull;

/** Posted decisions for anyone (执法公示); pending and withdrawn postings are not shown. */
@Path("/api/public/enforcement/postings")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "public")
public class PublicPostingResource {
    private final PostingService service;

    public PublicPostingResource(PostingService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Posted decisions, latest first, personal data masked")
    public Page<PublicPosting> list(@QueryParam("district") String district, @QueryParam("page") String page,
                                    @QueryParam("size") String size) {
        List<Bson> clauses = new ArrayList<>(List.of(Filters.eq("status", Posting.Status.POSTED.name())));
        if (blankToNull(district) != null) {
            clauses.add(Filters.eq("district", district.strip()));
        }
        PageRequest request = QueryParams.page(page, size, Paging.MAX_SIZE);
        Bson filter = Filters.and(clauses);
        return Page.of(service.find(filter, request), request, service.count(filter)).map(PublicPosting::of);
    }

    @GET @Path("/{id}")
    @Operation(summary = "One posted decision")
    public PublicPosting get(@PathParam("id") String id) {
        return service.byId(id).filter(p -> p.status() == Posting.Status.POSTED).map(PublicPosting::of)
                .orElseThrow(() -> DomainException.notFound("posting", id));
    }
}
