package io.safetyhub.training.trainingrecord;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.training.common.BusinessDay;
import io.safetyhub.training.common.Page;
import io.safetyhub.training.error.QueryParams;
import io.safetyhub.training.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

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
                                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                         @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(Caller.of(identity), blankToNull(enterpriseId), blankToNull(personId),
                QueryParams.year("year", year), page, size);
    }

    @POST
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Record a course attended; passed = examScore >= the pass mark of the person's category")
    public Response create(@NotNull @Valid TrainingRecordRequest request) {
        TrainingRecordView created = service.create(Caller.of(identity), request, days.today());
        return Response.created(URI.create("/api/training-records?personId=" + created.personId())).entity(created).build();
    }

    @GET
    @Path("/hours")
    @Operation(summary = "Hours per employed person in a year against the configured minimum (default: this year)")
    public List<AnnualHours> hours(@QueryParam("year") String year, @QueryParam("enterpriseId") String enterpriseId) {
        Integer parsed = QueryParams.year("year", year);
        int y = parsed == null ? days.today().getYear() : parsed;
        return service.hours(Caller.of(identity), blankToNull(enterpriseId), y);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
