package io.safetyhub.enterprise.commitment;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.Strings;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Daily safety commitments (安全承诺公告) over REST. */
@Path("/api/commitments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "commitments", description = "Daily safety commitment of hazardous-chemical enterprises")
public class CommitmentResource {
    /** Largest page of any list here. */
    static final int MAX_PAGE_SIZE = 100;

    private final CommitmentService service;
    private final SecurityIdentity identity;

    public CommitmentResource(CommitmentService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed("enterprise")
    @Operation(summary = "Post today's commitment; 409 COMMITMENT_EXISTS unless correction=true (a new version)")
    public Response post(@NotNull @Valid CommitmentRequest request) {
        return Response.status(201).entity(service.post(Callers.of(identity), request)).build();
    }

    @GET
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Operation(summary = "Commitment history of one enterprise (default: own, last 30 days), newest first, paged")
    public Page<Commitment> history(@QueryParam("enterpriseId") @Size(max = 64) String enterpriseId,
                                    @QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.history(Callers.of(identity), Strings.blankToNull(enterpriseId), QueryParams.date("from", from),
                QueryParams.date("to", to), QueryParams.page(page, size, MAX_PAGE_SIZE));
    }

    @GET
    @Path("/missing")
    @RolesAllowed({"regulator", "operator"})
    @Operation(summary = "Operating hazardous-chemical enterprises without a commitment for the day (default today), "
            + "in id order, paged; total is the number missing")
    public Page<MissingCommitment> missing(@QueryParam("date") String date, @QueryParam("page") String page,
                                           @QueryParam("size") String size) {
        return service.missing(Callers.of(identity), QueryParams.date("date", date),
                QueryParams.page(page, size, MAX_PAGE_SIZE));
    }
}
