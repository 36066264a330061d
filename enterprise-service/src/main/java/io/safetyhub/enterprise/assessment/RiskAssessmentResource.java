package io.safetyhub.enterprise.assessment;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Page;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The 2018 guide's 100-point assessments of one hazardous-chemical enterprise. */
@Path("/api/enterprises/{id}/risk-assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "risk-assessments", description = "危险化学品企业安全风险评估诊断分级 (2018 guide, 100 points)")
public class RiskAssessmentResource {
    private final RiskAssessmentService service;
    private final SecurityIdentity identity;

    public RiskAssessmentResource(RiskAssessmentService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The enterprise's assessments, newest first; the first is the one in force")
    public Page<RiskAssessmentView> list(@PathParam("id") String id, @QueryParam("page") String page,
                                         @QueryParam("size") String size) {
        return service.list(Callers.of(identity), id, QueryParams.page(page, size, 100));
    }

    @POST
    @RolesAllowed("regulator")
    @Operation(summary = "Record an assessment; 400 naming the row, 409 ASSESSMENT_NOT_APPLICABLE for other sectors")
    public Response record(@PathParam("id") String id, @NotNull @Valid RiskAssessmentRequest request) {
        RiskAssessmentView created = service.record(Callers.of(identity), id, request);
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/enterprises/" + id + "/risk-assessments/" + created.id())
                .entity(created).build();
    }

    @GET
    @Path("/{assessmentId}")
    @Operation(summary = "One assessment")
    public RiskAssessmentView get(@PathParam("id") String id, @PathParam("assessmentId") String assessmentId) {
        return service.get(Callers.of(identity), id, assessmentId);
    }
}
