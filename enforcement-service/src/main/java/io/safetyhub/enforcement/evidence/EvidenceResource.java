package io.safetyhub.enforcement.evidence;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.enforcement.audit.AuditLog;
import io.safetyhub.enforcement.common.Today;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.enforcement.inspection.Inspection;
import io.safetyhub.enforcement.inspection.InspectionService;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.Problem;
import io.safetyhub.platform.Strings;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * Evidence attachments of an inspection: uploaded by its regulators as multipart (photos from a phone's camera, PDF),
 * served back only to callers who may see the inspection.
 */
@Path("/api/enforcement/inspections/{id}/evidence")
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "evidence", description = "现场检查证据")
public class EvidenceResource {
    private final InspectionService inspections;
    private final EvidenceStore store;
    private final EvidenceType types;
    private final EnforcementConfig config;
    private final AuditLog audit;
    private final Today today;
    private final SecurityIdentity identity;

    public EvidenceResource(
            InspectionService inspections,
            EvidenceStore store,
            EvidenceType types,
            EnforcementConfig config,
            AuditLog audit,
            Today today,
            SecurityIdentity identity) {
        this.inspections = inspections;
        this.store = store;
        this.types = types;
        this.config = config;
        this.audit = audit;
        this.today = today;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The inspection's attachments: item, name, detected type, size, SHA-256")
    public List<Evidence> list(@PathParam("id") String id) {
        return store.of(inspections.get(caller(), id).id());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("regulator")
    @Operation(summary = "Attach a photo or PDF to a checklist item (multipart: file, itemCode); type judged from the bytes")
    public Response upload(@PathParam("id") String id, @RestForm("file") FileUpload file, @RestForm("itemCode") String itemCode) {
        Caller caller = caller();
        Inspection inspection = inspections.forRegulator(caller, id);
        if (file == null || file.uploadedFile() == null) {
            throw DomainException.field("file", "a multipart part named file is required");
        }
        String code = Strings.blankToNull(itemCode);
        if (code == null || inspection.items().stream().noneMatch(i -> i.code().equals(code))) {
            throw DomainException.field("itemCode", "must name an item of this inspection's checklist");
        }
        long max = config.evidence().maxFileSize().asLongValue();
        if (file.size() > max) {
            String message = "is " + file.size() + " bytes; at most " + max + " are accepted";
            throw new DomainException(413, "FILE_TOO_LARGE", "file: " + message, List.of(new Problem.FieldError("file", message)));
        }
        if (!inspection.acceptsEvidence()) {
            throw DomainException.conflict("RESULTS_SIGNED", "inspection " + id + " has been signed; no evidence can be added");
        }
        if (store.count(id) >= config.evidence().maxPerInspection()) {
            throw DomainException.conflict("TOO_MUCH_EVIDENCE", "inspection " + id + " already holds "
                    + config.evidence().maxPerInspection() + " attachments");
        }
        String type;
        try (InputStream head = Files.newInputStream(file.uploadedFile())) {
            type = types.require(head);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Evidence evidence = store.put(inspection, code, fileName(file.fileName()), type, file.uploadedFile(),
                caller.subject(), today.now());
        audit.record(caller, AuditLog.Subject.of("EVIDENCE", evidence.id(), inspection.enterpriseId(), inspection.district(),
                inspection.town(), inspection.id()), "ATTACHED", null, type, code + " " + evidence.fileName()
                + " sha256=" + evidence.sha256());
        return Response.created(URI.create("/api/enforcement/inspections/" + id + "/evidence/" + evidence.id()))
                .entity(evidence).build();
    }

    @GET @Path("/{evidenceId}")
    @Operation(summary = "The attachment's bytes, streamed, with its detected type")
    public Response download(@PathParam("id") String id, @PathParam("evidenceId") String evidenceId) {
        Inspection inspection = inspections.get(caller(), id);
        Evidence evidence = store.byId(evidenceId).filter(e -> inspection.id().equals(e.inspectionId()))
                .orElseThrow(() -> DomainException.notFound("evidence", evidenceId));
        StreamingOutput body = out -> store.copy(evidence.id(), out);
        return Response.ok(body, evidence.contentType())
                .header("Content-Length", evidence.size())
                .header("Content-Disposition", "inline; filename*=UTF-8''"
                        + URLEncoder.encode(evidence.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    /** The client's file name, reduced to something safe to show: no path, no control characters, 200 characters. */
    static String fileName(String raw) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return "evidence";
        }
        return name.length() <= 200 ? name : name.substring(name.length() - 200);
    }

    private Caller caller() {
        return Callers.of(identity);
    }
}
