package io.safetyhub.adapter.credential;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.adapter.credential.CredentialViews.CertificateRequest;
import io.safetyhub.adapter.credential.CredentialViews.CredentialsView;
import io.safetyhub.adapter.credential.CredentialViews.IssuedPassword;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Device credentials over REST, for operators; rules in {@link CredentialService}. */
@Path("/api/devices/{id}/credentials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
@Tag(name = "device credentials", description = "How MQTT devices log in (设备凭证)")
public class CredentialResource {
    private final CredentialService service;
    private final SecurityIdentity identity;

    public CredentialResource(CredentialService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "What credentials the device has and until when; never a secret")
    public CredentialsView get(@PathParam("id") String id) {
        return service.view(Callers.of(identity), id);
    }

    /** No body: a password needs nothing but the device; {@code validDays} (1-3650) may shorten or lengthen it. */
    @POST
    @Path("/password")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Issue a new password (rotating any earlier one); the answer shows it once, keep it")
    public Response issuePassword(@PathParam("id") String id, @QueryParam("validDays") String validDays) {
        int days = QueryParams.integer("validDays", validDays, 0, 1, 3650);
        IssuedPassword issued = service.issuePassword(Callers.of(identity), id, days == 0 ? null : days);
        return Response.status(Response.Status.CREATED).header("Cache-Control", "no-store").entity(issued).build();
    }

    @DELETE
    @Path("/password")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Revoke the password; a device connected with it is disconnected")
    public Response revokePassword(@PathParam("id") String id) {
        service.revokePassword(Callers.of(identity), id);
        return Response.noContent().build();
    }

    @PUT
    @Path("/certificate")
    @Operation(summary = "Pin the device's client certificate (PEM, issued by the device CA, subject CN = MQTT id)")
    public CredentialsView pinCertificate(@PathParam("id") String id, @NotNull @Valid CertificateRequest request) {
        return service.pinCertificate(Callers.of(identity), id, request.certificate());
    }

    @DELETE
    @Path("/certificate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Revoke the client certificate; a device connected with it is disconnected")
    public Response revokeCertificate(@PathParam("id") String id) {
        service.revokeCertificate(Callers.of(identity), id);
        return Response.noContent().build();
    }
}
