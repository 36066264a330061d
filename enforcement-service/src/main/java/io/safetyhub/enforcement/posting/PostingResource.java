package io.safetyhub.enforcement.posting;

import com.mongodb.client.model.Filters;
import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.enforcement.common.Paging;
import io.safetyhub.enforcement.common.Scope;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
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

/** Postings of decisions, pending ones included, for the regulators who publish them (and an enterprise's own). */
@Path("/api/enforcement/postings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "postings", description = "执法公示")
public class PostingResource {
    private final PostingService service;
    private final SecurityIdentity identity;

    public PostingResource(
            PostingService service,
            SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Postings in scope, latest decision first; status PENDING, POSTED or WITHDRAWN")
    public Page<Posting> list(@QueryParam("status") String status, @QueryParam("page") String page,
                              @QueryParam("size") String size) {
        List<Bson> clauses = new ArrayList<>();
        Posting.Status s = QueryParams.enumOf(Posting.Status.class, "status", status);
        if (s != null) {
            clauses.add(Filters.eq("status", s.name()));
        }
        Bson filter = Scope.filter(caller(), clauses);
        PageRequest request = QueryParams.page(page, size, Paging.MAX_SIZE);
        return Page.of(service.find(filter, request), request, service.count(filter));
    }

    @GET @Path("/{id}")
    @Operation(summary = "One posting")
    public Posting get(@PathParam("id") String id) {
        return service.get(caller(), id);
    }

    @POST @Path("/{id}/publish")
    @RolesAllowed("regulator")
    @Operation(summary = "Put a pending posting on the public view now (the job does it on its last working day otherwise)")
    public Posting publish(@PathParam("id") String id) {
        return service.publish(caller(), id);
    }

    private Caller caller() {
        return Callers.of(identity);
    }
}
