package io.safetyhub.emergency.plan;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.emergency.common.Limits;
import io.safetyhub.emergency.common.Today;
import io.safetyhub.platform.rest.PlainText;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Created;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.safetyhub.platform.Strings.blankToNull;

/** Emergency plans, their filing (备案) and their document over REST. */
@Path("/api/emergency/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "plans", description = "应急预案")
public class PlanResource {
    private final PlanService service;
    private final PlanDocuments documents;
    private final Today today;
    private final SecurityIdentity identity;

    public PlanResource(PlanService service, PlanDocuments documents, Today today, SecurityIdentity identity) {
        this.service = service;
        this.documents = documents;
        this.today = today;
        this.identity = identity;
    }

    /** The regulator's remark on its decision. */
    public record Decision(@Size(max = 1000) @PlainText String remark) {
    }

    @GET
    @Operation(summary = "Plans in scope with filing and revision deadlines, newest publication first")
    public Page<PlanView> list(@QueryParam("kind") String kind, @QueryParam("filing") String filing,
                               @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(caller(), QueryParams.enumOf(PlanKind.class, "kind", kind),
                QueryParams.enumOf(FilingStatus.class, "filing", filing), QueryParams.page(page, size, Limits.MAX_PAGE));
    }

    @GET
    @Path("/overdue")
    @RolesAllowed({"regulator", "operator"})
    @Operation(summary = "Per district: plans, filings overdue (20 working days), revisions overdue (3 years)")
    public List<PlanService.Overdue> overdue() {
        return service.overdue(caller());
    }

    @GET
    @Path("/{id}")
    public PlanView get(@PathParam("id") String id) {
        return service.get(caller(), id);
    }

    @POST
    @RolesAllowed({"regulator", "enterprise"})
    @Operation(summary = "Record a plan: an enterprise's own, or a regulator's district plan")
    public Response create(@NotNull @Valid PlanRequest request) {
        PlanView created = service.create(caller(), request);
        return Created.at("/api/emergency/plans/" + created.id(), created);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({"regulator", "enterprise"})
    @Operation(summary = "Correct a plan or record its new edition (a new publication date is filed again)")
    public PlanView update(@PathParam("id") String id, @NotNull @Valid PlanRequest request) {
        return service.update(caller(), id, request);
    }

    @POST
    @Path("/{id}/filing")
    @RolesAllowed("enterprise")
    @Operation(summary = "File the plan with the district (备案); 409 ALREADY_FILED when filed or accepted")
    public PlanView file(@PathParam("id") String id) {
        return service.file(caller(), id);
    }

    @POST
    @Path("/{id}/filing/acceptance")
    @RolesAllowed("regulator")
    public PlanView accept(@PathParam("id") String id, @Valid Decision decision) {
        return service.decide(caller(), id, true, decision == null ? null : blankToNull(decision.remark()));
    }

    @POST
    @Path("/{id}/filing/return")
    @RolesAllowed("regulator")
    @Operation(summary = "Return the filing for correction; remark required")
    public PlanView returnFiling(@PathParam("id") String id, @Valid Decision decision) {
        return service.decide(caller(), id, false, decision == null ? null : blankToNull(decision.remark()));
    }

    @POST
    @Path("/{id}/document")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({"regulator", "enterprise"})
    @Operation(summary = "Attach the plan's text (multipart part file, a PDF judged by its bytes); replaces the previous one")
    public PlanView upload(@PathParam("id") String id, @RestForm("file") FileUpload file) {
        Caller caller = caller();
        Plan plan = service.owned(caller, id);
        if (file == null || file.uploadedFile() == null) {
            throw DomainException.field("file", "a multipart part named file is required");
        }
        Plan.Document stored = documents.store(plan, file.uploadedFile(), name(file.fileName()), caller.subject(), today.now());
        service.attach(caller, id, stored);
        return service.get(caller, id);
    }

    @GET
    @Path("/{id}/document")
    @Produces("application/pdf")
    public Response download(@PathParam("id") String id) {
        Plan plan = service.visible(caller(), id);
        if (plan.document() == null) {
            throw DomainException.notFound("document of plan", id);
        }
        StreamingOutput body = out -> documents.copy(plan.document(), out);
        return Response.ok(body, "application/pdf").header("Content-Length", plan.document().size())
                .header("Content-Disposition", "inline; filename*=UTF-8''"
                        + URLEncoder.encode(plan.document().fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private Caller caller() {
        return Callers.of(identity);
    }

    /** The client's file name without path or control characters, at most 200 characters. */
    static String name(String raw) {
        String n = raw == null ? "" : raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
        n = n.replaceAll("\\p{Cntrl}", "").strip();
        return n.isEmpty() ? "plan.pdf" : n.substring(0, Math.min(n.length(), 200));
    }
}
