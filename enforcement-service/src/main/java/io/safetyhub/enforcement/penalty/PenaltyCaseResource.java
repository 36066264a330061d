package io.safetyhub.enforcement.penalty;

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
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static io.safetyhub.platform.Strings.blankToNull;

/** Penalty cases (行政处罚): regulators move them on; an enterprise reads its own. */
@Path("/api/enforcement/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "cases", description = "行政处罚")
public class PenaltyCaseResource {
    private final PenaltyCaseService service;
    private final CaseRepository cases;
    private final CaseRecordPage record;
    private final SecurityIdentity identity;

    public PenaltyCaseResource(
            PenaltyCaseService service,
            CaseRepository cases,
            CaseRecordPage record,
            SecurityIdentity identity) {
        this.service = service;
        this.cases = cases;
        this.record = record;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Cases in scope, latest first; filter by status and enterprise")
    public Page<PenaltyCase> list(@QueryParam("status") String status, @QueryParam("enterpriseId") String enterpriseId,
                                  @QueryParam("page") String page, @QueryParam("size") String size) {
        Caller caller = caller();
        List<Bson> clauses = new ArrayList<>();
        CaseStatus s = QueryParams.enumOf(CaseStatus.class, "status", status);
        if (s != null) {
            clauses.add(Filters.eq("status", s.name()));
        }
        if (blankToNull(enterpriseId) != null) {
            clauses.add(Filters.eq("enterpriseId", enterpriseId.strip()));
        }
        Bson filter = Scope.filter(caller, clauses);
        PageRequest request = QueryParams.page(page, size, Paging.MAX_SIZE);
        Page<PenaltyCase> found = Page.of(cases.find(filter, request), request, cases.count(filter));
        return caller.confinedEnterprise() != null ? found.map(PenaltyCase::forEnterprise) : found;
    }

    @POST
    @RolesAllowed("regulator")
    @Operation(summary = "立案: file a case under a catalogue entry, optionally from an inspection and its findings")
    public Response file(@NotNull @Valid CaseRequests.File request) {
        PenaltyCase c = service.file(caller(), request);
        return Response.created(URI.create("/api/enforcement/cases/" + c.id())).entity(c).build();
    }

    @GET @Path("/{id}")
    @Operation(summary = "One case")
    public PenaltyCase get(@PathParam("id") String id) {
        return service.get(caller(), id);
    }

    @POST @Path("/{id}/notice")
    @RolesAllowed("regulator")
    @Operation(summary = "告知: notify the proposed fine, within the article's range")
    public PenaltyCase notice(@PathParam("id") String id, @NotNull @Valid CaseRequests.Notice request) {
        return service.notify(caller(), id, request);
    }

    @POST @Path("/{id}/review")
    @RolesAllowed("regulator")
    @Operation(summary = "法制审核: another regulator approves the case or sends it back with an opinion")
    public PenaltyCase review(@PathParam("id") String id, @NotNull @Valid CaseRequests.Review request) {
        return service.review(caller(), id, request);
    }

    @POST @Path("/{id}/decision")
    @RolesAllowed("regulator")
    @Operation(summary = "决定: decide the fine under a number unique in the district and year; the posting is prepared")
    public PenaltyCase decide(@PathParam("id") String id, @NotNull @Valid CaseRequests.Decide request) {
        return service.decide(caller(), id, request);
    }

    @POST @Path("/{id}/execution")
    @RolesAllowed("regulator")
    @Operation(summary = "执行: record the fine paid")
    public PenaltyCase execute(@PathParam("id") String id, @NotNull @Valid CaseRequests.Execute request) {
        return service.execute(caller(), id, request);
    }

    @POST @Path("/{id}/closure")
    @RolesAllowed("regulator")
    @Operation(summary = "结案: close the case")
    public PenaltyCase close(@PathParam("id") String id, @NotNull @Valid CaseRequests.Reason request) {
        return service.close(caller(), id, request.reason().strip());
    }

    @POST @Path("/{id}/revocation")
    @RolesAllowed("regulator")
    @Operation(summary = "撤销: revoke the decision; its public posting is withdrawn")
    public PenaltyCase revoke(@PathParam("id") String id, @NotNull @Valid CaseRequests.Reason request) {
        return service.revoke(caller(), id, request.reason().strip());
    }

    @GET @Path("/{id}/record")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @RolesAllowed({"regulator", "operator"})
    @Operation(summary = "The whole record of the case (全过程记录) as one print-ready HTML page")
    public String record(@PathParam("id") String id) {
        Caller caller = caller();
        return record.render(caller, service.get(caller, id));
    }

    private Caller caller() {
        return Callers.of(identity);
    }
}
