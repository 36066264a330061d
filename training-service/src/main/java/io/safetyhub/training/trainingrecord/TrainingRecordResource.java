package io.safetyhub.training.trainingrecord;

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


/** Training records and yearly hours over REST. */
@Path("/api/training-records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "training-records", description = "培训记录 and annual hours")
public class TrainingRecordResource {
    private final TrainingRecordService service;
    private final BusinessDay days;
    private final SecurityIdentity identity;

    public TrainingRecordResource(TrainingRecordService service, BusinessDay days, SecurityIdentity identity) {
        this.service = service;
        this.days = days;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Training records in scope, newest first")
    public Page<TrainingRecordView> list(@QueryParam("enterpriseId") String enterpriseId, @QueryParam("personId") String personId,
                                         @QueryParam("year") String year,
                                         @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(Callers.of(identity), blankToNull(enterpriseId), blankToNull(personId),
                QueryParams.year("year", year), QueryParams.page(page, size, Paging.MAX_SIZE));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One training record; 404 when missing or outside the caller's scope")
    public TrainingRecordView get(@PathParam("id") String id) {
        return service.get(Callers.of(identity), id);
    }

    @POST
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Record a course attended; passed = examScore >= the pass mark of the person's category")
    public Response create(@NotNull @Valid TrainingRecordRequest request) {
        TrainingRecordView created = service.create(Callers.of(identity), request, days.today());
        return Created.at("/api/training-records/" + created.id(), created);
    }

    @GET
    @Path("/hours")
    @Operation(summary = "Hours per employed person in a year against the configured minimum (default: this year)")
    public Page<AnnualHours> hours(@QueryParam("year") String year, @QueryParam("enterpriseId") String enterpriseId,
                                   @QueryParam("page") String page, @QueryParam("size") String size) {
        Integer parsed = QueryParams.year("year", year);
        int y = parsed == null ? days.today().getYear() : parsed;
        return service.hours(Callers.of(identity), blankToNull(enterpriseId), y, QueryParams.page(page, size, Paging.MAX_SIZE));
    }

}
