package io.safetyhub.training.exam;

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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static io.safetyhub.platform.Strings.blankToNull;


/** Principals' 应知应会 exam results for signed-in callers. */
@Path("/api/exam-results")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "exam-results", description = "应知应会考试")
public class ExamResultResource {
    private final ExamResultService service;
    private final BusinessDay days;
    private final SecurityIdentity identity;

    public ExamResultResource(ExamResultService service, BusinessDay days, SecurityIdentity identity) {
        this.service = service;
        this.days = days;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Exam results in scope, newest first")
    public Page<ExamResultView> list(@QueryParam("enterpriseId") String enterpriseId,
                                     @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(Callers.of(identity), blankToNull(enterpriseId), QueryParams.page(page, size, Paging.MAX_SIZE));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One exam result; 404 when missing or outside the caller's scope")
    public ExamResultView get(@PathParam("id") String id) {
        return service.get(Callers.of(identity), id);
    }

    @POST
    @RolesAllowed({"regulator", "operator"})
    @Operation(summary = "Record a principal's result (unpublished)")
    public Response record(@NotNull @Valid ExamResultRequest request) {
        ExamResultView created = service.record(Callers.of(identity), request, days.today());
        return Created.at("/api/exam-results/" + created.id(), created);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({"regulator", "operator"})
    @Operation(summary = "Publish a result on the public list (masked); idempotent")
    public ExamResultView publish(@PathParam("id") String id) {
        return service.publish(Callers.of(identity), id);
    }
}
