package io.safetyhub.training.certificate;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Created;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.QueryParams;
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


/** Certificates over REST; role and tenant rules live in {@link CertificateService}. */
@Path("/api/certificates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "certificates", description = "证书: validity, review, renewal, revocation")
public class CertificateResource {
    private final CertificateService service;
    private final SecurityIdentity identity;

    public CertificateResource(CertificateService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Certificates in scope with their computed status (VALID, EXPIRING, EXPIRED, REVOKED)")
    public Page<CertificateView> list(@QueryParam("enterpriseId") String enterpriseId, @QueryParam("personId") String personId,
                                      @QueryParam("kind") String kind, @QueryParam("status") String status,
                                      @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(Callers.of(identity), new CertificateService.Filter(blankToNull(enterpriseId), blankToNull(personId),
                QueryParams.enumOf(CertificateKind.class, "kind", kind),
                QueryParams.enumOf(CertificateStatus.class, "status", status)), QueryParams.page(page, size, Paging.MAX_SIZE));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One certificate with its history of terms")
    public CertificateView get(@PathParam("id") String id) {
        return service.get(Callers.of(identity), id);
    }

    @POST
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Record a certificate; validUntil and nextReview default from the kind")
    public Response create(@NotNull @Valid CertificateRequest request) {
        CertificateView created = service.create(Callers.of(identity), request);
        return Created.at("/api/certificates/" + created.id(), created);
    }

    @POST
    @Path("/{id}/renew")
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Start a new term; the current one goes into the history")
    public CertificateView renew(@PathParam("id") String id, @NotNull @Valid RenewRequest request) {
        return service.renew(Callers.of(identity), id, request);
    }

    @POST
    @Path("/{id}/revoke")
    @RolesAllowed({"regulator", "operator"})
    @Operation(summary = "Revoke a certificate (吊销); 409 when already revoked")
    public CertificateView revoke(@PathParam("id") String id, @NotNull @Valid RevokeRequest request) {
        return service.revoke(Callers.of(identity), id, request);
    }

}
