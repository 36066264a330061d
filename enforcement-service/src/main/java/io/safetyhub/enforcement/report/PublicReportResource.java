package io.safetyhub.enforcement.report;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reports from anyone (举报, no account). The secret travels in the {@code X-Report-Secret} header, never in the URL,
 * so that it is in no access log.
 */
@Path("/api/public/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "public")
public class PublicReportResource {
    static final String SECRET = "X-Report-Secret";

    private final PublicReportService service;

    public PublicReportResource(PublicReportService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "File a report, anonymous or named; answers the tracking code and secret only")
    public Response file(@Valid @NotNull ReportRequests.Filing filing, @Context HttpServerRequest request) {
        return Response.status(Response.Status.CREATED).entity(service.file(filing, client(request))).build();
    }

    @GET @Path("/{code}")
    @Operation(summary = "Where a report stands and its outcome, with the secret in X-Report-Secret")
    public ReportViews.Tracking track(@PathParam("code") String code, @HeaderParam(SECRET) String secret) {
        return ReportViews.Tracking.of(service.track(code, secret));
    }

    @POST @Path("/{code}/additions")
    @Operation(summary = "Add information (text, photos) to a report still being handled")
    public ReportViews.Tracking add(@PathParam("code") String code, @HeaderParam(SECRET) String secret,
                                    @Valid @NotNull ReportRequests.Addition addition) {
        return ReportViews.Tracking.of(service.add(code, secret, addition));
    }

    /**
     * The client as the gateway saw it: the first address of {@code X-Forwarded-For}, which the gateway writes
     * (keeping a caller's own claim only behind a trusted proxy); the socket's address when called directly.
     */
    static String client(HttpServerRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].strip();
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
