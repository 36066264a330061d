package io.safetyhub.enforcement.report;

import com.mongodb.client.model.Filters;
import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.enforcement.common.Paging;
import io.safetyhub.enforcement.common.Scope;
import io.safetyhub.enforcement.inspection.Inspection;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
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
import org.bson.conversions.Bson;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports for regulators of their area (and operators); the steps and the reporter's identity need the
 * {@code report-handler} role too. Enterprises never see reports: the reported must not learn who, or what, exactly.
 */
@Path("/api/enforcement/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "operator"})
@Tag(name = "reports", description = "举报")
public class ReportResource {
    private final ReportHandling handling;
    private final ReportRepository reports;
    private final ReportPhotos photos;
    private final SecurityIdentity identity;

    public ReportResource(
            ReportHandling handling,
            ReportRepository reports,
            ReportPhotos photos,
            SecurityIdentity identity) {
        this.handling = handling;
        this.reports = reports;
        this.photos = photos;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Reports of the caller's area, latest first; filter by status")
    public Page<ReportViews.Handling> list(@QueryParam("status") String status, @QueryParam("page") String page,
                                           @QueryParam("size") String size) {
        List<Bson> clauses = new ArrayList<>();
        ReportStatus s = QueryParams.enumOf(ReportStatus.class, "status", status);
        if (s != null) {
            clauses.add(Filters.eq("status", s.name()));
        }
        Bson filter = Scope.filter(caller(), clauses);
        PageRequest request = QueryParams.page(page, size, Paging.MAX_SIZE);
        return Page.of(reports.find(filter, request), request, reports.count(filter)).map(ReportViews.Handling::of);
    }

    @GET @Path("/{id}")
    @Operation(summary = "One report, without who reported")
    public ReportViews.Handling get(@PathParam("id") String id) {
        return ReportViews.Handling.of(handling.get(caller(), id));
    }

    @GET @Path("/{id}/photos/{photoId}")
    @Produces({"image/jpeg", "image/png", "image/webp", MediaType.APPLICATION_JSON})
    @Operation(summary = "A photo of the report, as it was sent")
    public Response photo(@PathParam("id") String id, @PathParam("photoId") String photoId) {
        Report r = handling.get(caller(), id);
        String type = r.photos().stream().filter(p -> p.id().equals(photoId)).map(Report.Photo::contentType).findFirst()
                .orElseGet(() -> r.additions().stream().flatMap(a -> a.photos().stream()).filter(p -> p.id().equals(photoId))
                        .map(Report.Photo::contentType).findFirst().orElse("application/octet-stream"));
        byte[] bytes = photos.read(r, photoId).orElseThrow(() -> DomainException.notFound("photo", photoId));
        return Response.ok(bytes, type).header("X-Content-Type-Options", "nosniff").build();
    }

    @GET @Path("/{id}/reporter")
    @RolesAllowed("regulator")
    @Operation(summary = "Who reported and how to reach them: the report's handler only, audited")
    public ReporterVault.Reporter reporter(@PathParam("id") String id) {
        return handling.reporter(caller(), handler(), id);
    }

    @POST @Path("/{id}/triage")
    @RolesAllowed("regulator")
    @Operation(summary = "受理 or 不予受理; the caller becomes the report's handler")
    public ReportViews.Handling triage(@PathParam("id") String id, @Valid @NotNull ReportRequests.Triage t) {
        return ReportViews.Handling.of(handling.triage(caller(), handler(), id, t));
    }

    @POST @Path("/{id}/verification")
    @RolesAllowed("regulator")
    @Operation(summary = "Link the inspection that verifies the report")
    public ReportViews.Handling verify(@PathParam("id") String id, @Valid @NotNull ReportRequests.Verification v) {
        return ReportViews.Handling.of(handling.verify(caller(), handler(), id, v));
    }

    @POST @Path("/{id}/inspection")
    @RolesAllowed("regulator")
    @Operation(summary = "Open the inspection of the reported enterprise outside a draw, linked as the report's verification")
    public Response openInspection(@PathParam("id") String id, @Valid @NotNull ReportRequests.OpenInspection o) {
        Inspection inspection = handling.openInspection(caller(), handler(), id, o);
        return Response.created(URI.create("/api/enforcement/inspections/" + inspection.id())).entity(inspection).build();
    }

    @POST @Path("/{id}/outcome")
    @RolesAllowed("regulator")
    @Operation(summary = "属实 or 不属实; a founded report enters the enterprise's credit ledger")
    public ReportViews.Handling outcome(@PathParam("id") String id, @Valid @NotNull ReportRequests.Outcome o) {
        return ReportViews.Handling.of(handling.decide(caller(), handler(), id, o));
    }

    @POST @Path("/{id}/reward")
    @RolesAllowed("regulator")
    @Operation(summary = "Compute the reward (安监总财〔2018〕19号 第十一条) from a decided case or a concealed accident")
    public ReportViews.Handling reward(@PathParam("id") String id, @Valid @NotNull ReportRequests.RewardBasis b) {
        return ReportViews.Handling.of(handling.reward(caller(), handler(), id, b));
    }

    private boolean handler() {
        return identity.hasRole(ReportHandling.ROLE);
    }

    private Caller caller() {
        return Callers.of(identity);
    }
}
