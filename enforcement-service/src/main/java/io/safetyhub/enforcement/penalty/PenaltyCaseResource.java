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
    private final CaseTransitions transitions;
    private final SecurityIdentity identity;

    public PenaltyCaseResource(
            PenaltyCaseService service,
            CaseRepository cases,
            CaseRecordPage record,
            CaseTransitions transitions,
            SecurityIdentity identity) {
        this.service = service;
        this.transitions = transitions;
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

    @POST @Path("/{id}/transitions")
    @RolesAllowed("regulator")
    @Operation(summary = "Move the case on: 告知 NOTIFIED, 法制审核 REVIEWED, 决定 DECIDED, 执行 EXECUTED, 结案 CLOSED, 撤销 REVOKED",
            description = "Body: the target state `to` and the fields of that step. NOTIFIED: proposedAmount (within the "
                    + "article's range), note. REVIEWED: approved, opinion (by someone other than the case handler; not "
                    + "approved keeps the case NOTIFIED). DECIDED: decisionNumber (unique in the district and year), amount "
                    + "(not above the notice; above the legal-review threshold only after an approved review), decidedOn. "
                    + "EXECUTED: paidOn, receiptNumber, note. CLOSED, REVOKED: reason (revocation withdraws the posting). "
                    + "400 names a missing or invalid field; 409 INVALID_TRANSITION when the state does not allow the move.")
    public PenaltyCase transition(@PathParam("id") String id, @NotNull @Valid CaseRequests.Transition request) {
        return transitions.apply(caller(), id, request);
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
