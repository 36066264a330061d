package io.safetyhub.warning.verification;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.rest.Callers;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The regulator's verification queue and decisions, the enterprise's resubmission, and the figures. Under
 * {@code /api/alarms} like {@code AlarmResource} (RESTEasy Reactive merges resource classes of one path; the literal
 * {@code verifications} is matched before the template {@code {id}}).
 */
@Path("/api/alarms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "verifications")
public class VerificationResource {
    private final VerificationService verifications;
    private final SecurityIdentity identity;

    public VerificationResource(VerificationService verifications, SecurityIdentity identity) {
        this.verifications = verifications;
        this.identity = identity;
    }

    @GET
    @Path("/verifications")
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Operation(summary = "Disposals of closed level I/II alarms and their verification, newest closed first, in scope")
    public Page<Verification> list(@QueryParam("status") String status, @QueryParam("page") String page,
                                   @QueryParam("size") String size) {
        return verifications.list(Callers.of(identity),
                QueryParams.enumOf(Verification.Status.class, "status", status), QueryParams.page(page, size, 100));
    }

    @GET
    @Path("/{id}/verification")
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Operation(summary = "The verification of one closed alarm's disposal")
    public Verification get(@PathParam("id") String id) {
        return verifications.get(Callers.of(identity), id);
    }

    @POST
    @Path("/{id}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("regulator")
    @Operation(summary = "Accept the disposal, or return it with a note (核查)")
    public Verification decide(@PathParam("id") String id, @NotNull @Valid VerificationRequests.Decision decision) {
        return verifications.decide(Callers.of(identity), id, decision);
    }

    @POST
    @Path("/{id}/disposal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("enterprise")
    @Operation(summary = "Submit a returned disposal again, with its cause and note")
    public Verification resubmit(@PathParam("id") String id,
                                 @NotNull @Valid VerificationRequests.Resubmission request) {
        return verifications.resubmit(Callers.of(identity), id, request);
    }

    @GET
    @Path("/verifications/stats")
    @RolesAllowed({"regulator", "operator"})
    @Operation(summary = "Share of disposals verified and time to verify, for alarms closed from..to (default 30 days)")
    public VerificationStats stats(@QueryParam("from") String from, @QueryParam("to") String to) {
        return verifications.stats(Callers.of(identity), QueryParams.date("from", from), QueryParams.date("to", to));
    }
}
