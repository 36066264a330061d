package io.safetyhub.training.exam;

import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.QueryParams;
import io.safetyhub.training.common.Paging;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static io.safetyhub.platform.Strings.blankToNull;

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
                                           @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.published(blankToNull(examName), QueryParams.page(page, size, Paging.MAX_SIZE));
    }
}
