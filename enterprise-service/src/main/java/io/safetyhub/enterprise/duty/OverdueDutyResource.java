package io.safetyhub.enterprise.duty;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.Strings;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The regulator's list of 包保 duties whose period ended without a check, across its scope. */
@Path("/api/duties/overdue")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "operator"})
@Tag(name = "duties")
public class OverdueDutyResource {
    private final DutyService service;
    private final SecurityIdentity identity;

    public OverdueDutyResource(DutyService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Overdue duty periods of the caller's scope, oldest due first")
    public Page<DutyViews.Overdue> list(@QueryParam("district") @Size(max = 50) String district,
                                        @QueryParam("town") @Size(max = 50) String town,
                                        @QueryParam("role") String role,
                                        @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.overdue(Callers.of(identity), Strings.blankToNull(district), Strings.blankToNull(town),
                QueryParams.enumOf(DutyRole.class, "role", role), QueryParams.page(page, size, 100));
    }
}
