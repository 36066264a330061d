package io.safetyhub.training.activity;

import io.safetyhub.training.common.BusinessDay;
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
                                             @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.upcoming(days.today(), district == null || district.isBlank() ? null : district.trim(), page, size);
    }
}
