package io.safetyhub.training.activity;

import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.QueryParams;
import io.safetyhub.training.common.BusinessDay;
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

/** Upcoming publicity activities for anyone. */
@Path("/api/public/activities")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "public")
public class PublicActivityResource {
    private final ActivityService service;
    private final BusinessDay days;

    public PublicActivityResource(ActivityService service, BusinessDay days) {
        this.service = service;
        this.days = days;
    }

    @GET
    @Operation(summary = "Activities from today on, soonest first")
    public Page<PublicActivityView> upcoming(@QueryParam("district") String district,
                                             @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.upcoming(days.today(), blankToNull(district), QueryParams.page(page, size, Paging.MAX_SIZE));
    }
}
