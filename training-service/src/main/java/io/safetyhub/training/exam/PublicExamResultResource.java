package io.safetyhub.training.exam;

import io.safetyhub.training.common.Page;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Published exam results for anyone: names and identity-card numbers masked. */
@Path("/api/public/exam-results")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "public")
public class PublicExamResultResource {
    private final ExamResultService service;

    public PublicExamResultResource(ExamResultService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Published 应知应会 exam results, newest first; identities masked")
    public Page<PublicExamResultView> list(@QueryParam("examName") String examName,
                                           @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                           @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.published(examName == null || examName.isBlank() ? null : examName.trim(), page, size);
    }
}
