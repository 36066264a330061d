package io.safetyhub.emergency.duty;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

import static io.safetyhub.platform.Strings.blankToNull;

/** The duty rota (值班值守) over REST. */
@Path("/api/emergency/duty")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "operator"})
@Tag(name = "duty", description = "值班值守")
public class DutyRotaResource {
    private final DutyService service;
    private final SecurityIdentity identity;

    public DutyRotaResource(DutyService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Rota days in the caller's area, from (default today) to (default a week on), yyyy-MM-dd")
    public List<DutyView> list(@QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("district") String district) {
        return service.list(Callers.of(identity), QueryParams.date("from", from), QueryParams.date("to", to), blankToNull(district))
                .stream().map(DutyView::of).toList();
    }

    @GET
    @Path("/today")
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Operation(summary = "Today's duty officers and leaders the caller may call on")
    public List<DutyView> today() {
        return service.today(Callers.of(identity)).stream().map(DutyView::of).toList();
    }

    @PUT
    @Path("/{date}")
    @Operation(summary = "Set a day's rota of a district or one of its towns; published on emergency.duty.v1")
    public Response set(@PathParam("date") String date, @NotNull @Valid DutyRequest request) {
        DutyService.Written written = service.set(Callers.of(identity), day(date), request);
        // 202 when Kafka has not acknowledged yet: stored, and sent again until it is
        return Response.status(written.published() ? 200 : 202).entity(DutyView.of(written.rota(), written.published())).build();
    }

    @DELETE
    @Path("/{date}")
    @Operation(summary = "Remove a day's rota (district, town as query parameters)")
    public Response remove(@PathParam("date") String date, @QueryParam("district") String district,
                           @QueryParam("town") String town) {
        service.remove(Callers.of(identity), day(date), blankToNull(district), blankToNull(town));
        return Response.noContent().build();
    }

    private static LocalDate day(String value) {
        LocalDate date = QueryParams.date("date", value);
        if (date == null) {
            throw DomainException.field("date", "required, yyyy-MM-dd");
        }
        return date;
    }
}
