package io.safetyhub.emergency.accident;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.emergency.common.Limits;
import io.safetyhub.emergency.common.Today;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Created;
import io.safetyhub.platform.rest.DomainException;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static io.safetyhub.platform.Strings.blankToNull;

/** Accidents over REST: parse, identify the caller, hand over to {@link AccidentService} and {@link AccidentFigures}. */
@Path("/api/emergency/accidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "accidents", description = "生产安全事故")
public class AccidentResource {
    private final AccidentService service;
    private final AccidentFigures figures;
    private final Today today;
    private final SecurityIdentity identity;

    public AccidentResource(AccidentService service, AccidentFigures figures, Today today, SecurityIdentity identity) {
        this.service = service;
        this.figures = figures;
        this.today = today;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Accidents in scope, newest first; late=true lists those reported late or overdue")
    public Page<AccidentView> list(@QueryParam("district") String district, @QueryParam("grade") String grade,
                                   @QueryParam("status") String status, @QueryParam("year") String year,
                                   @QueryParam("late") String late, @QueryParam("page") String page,
                                   @QueryParam("size") String size) {
        return service.list(caller(), new AccidentService.Filter(blankToNull(district),
                        QueryParams.enumOf(AccidentGrade.class, "grade", grade), QueryParams.enumOf(AccidentStatus.class, "status", status),
                        QueryParams.year("year", year), bool("late", late)),
                QueryParams.page(page, size, Limits.MAX_PAGE));
    }

    @GET
    @Path("/stats")
    @Operation(summary = "A year's accidents, deaths, serious injuries and loss by DISTRICT, SECTOR or MONTH, year on year")
    public AccidentFigures.Stats stats(@QueryParam("year") String year, @QueryParam("by") String by,
                                       @QueryParam("district") String district) {
        Integer y = QueryParams.year("year", year);
        AccidentStatistics.Group group = QueryParams.enumOf(AccidentStatistics.Group.class, "by", by);
        return figures.stats(caller(), y == null ? today.date().getYear() : y,
                group == null ? AccidentStatistics.Group.MONTH : group, blankToNull(district));
    }

    @GET
    @Path("/safe-days")
    @Operation(summary = "Days since the last fatal accident in scope (安全发展累计日)")
    public AccidentFigures.SafeDays safeDays(@QueryParam("district") String district) {
        return figures.safeDays(caller(), blankToNull(district));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One accident with its reporting steps, deadlines and supplementary reports")
    public AccidentView get(@PathParam("id") String id) {
        return service.get(caller(), id);
    }

    @POST
    @RolesAllowed({"regulator", "enterprise"})
    @Operation(summary = "Report an accident; graded per 国务院令第493号 第三条")
    public Response report(@NotNull @Valid AccidentRequests.Report request) {
        AccidentView created = service.report(caller(), request);
        return Created.at("/api/emergency/accidents/" + created.id(), created);
    }

    @POST
    @Path("/{id}/reports")
    @RolesAllowed("regulator")
    @Operation(summary = "Record that the next level received the report (第十条, 第十一条)")
    public AccidentView levelUp(@PathParam("id") String id, @NotNull @Valid AccidentRequests.LevelUp request) {
        return service.levelUp(caller(), id, request);
    }

    @POST
    @Path("/{id}/casualties")
    @RolesAllowed({"regulator", "enterprise"})
    @Operation(summary = "补报: the casualty figures as they now stand; re-grades the accident (第十三条)")
    public AccidentView casualties(@PathParam("id") String id, @NotNull @Valid AccidentRequests.CasualtyChange request) {
        return service.changeCasualties(caller(), id, request);
    }

    @POST
    @Path("/{id}/investigation")
    @RolesAllowed("regulator")
    @Operation(summary = "Start the investigation (事故调查)")
    public AccidentView investigate(@PathParam("id") String id, @NotNull @Valid AccidentRequests.Investigate request) {
        return service.investigate(caller(), id, request);
    }

    @POST
    @Path("/{id}/closure")
    @RolesAllowed("regulator")
    @Operation(summary = "Close the case (结案)")
    public AccidentView close(@PathParam("id") String id, @NotNull @Valid AccidentRequests.Close request) {
        return service.close(caller(), id, request);
    }

    private Caller caller() {
        return Callers.of(identity);
    }

    private static Boolean bool(String field, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw DomainException.field(field, "must be true or false");
        }
        return Boolean.valueOf(v);
    }
}
