package io.safetyhub.training.compliance;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.QueryParams;
import io.safetyhub.training.common.BusinessDay;
import io.safetyhub.training.common.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

import static io.safetyhub.platform.Strings.blankToNull;

/** Compliance figures: certificate rate of the three posts, people without a certificate, reminders. */
@Path("/api/compliance")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "compliance", description = "持证率, 无证上岗, reminders")
public class ComplianceResource {
    private final ComplianceService service;
    private final ReminderService reminders;
    private final ReminderCheck check;
    private final BusinessDay days;
    private final SecurityIdentity identity;

    public ComplianceResource(ComplianceService service, ReminderService reminders, ReminderCheck check,
                              BusinessDay days, SecurityIdentity identity) {
        this.service = service;
        this.reminders = reminders;
        this.check = check;
        this.days = days;
        this.identity = identity;
    }

    @GET
    @Path("/certificate-rates")
    @Operation(summary = "Certificate rate of the three posts per enterprise in scope (an enterprise sees its own)")
    public List<CertificateRate> perEnterprise() {
        return service.byEnterprise(Callers.of(identity));
    }

    @GET
    @Path("/certificate-rates/by")
    @RolesAllowed({"regulator", "operator"})
    @Operation(summary = "Certificate rate of the three posts per sector or district (group=SECTOR|DISTRICT)")
    public List<CertificateRate> perGroup(@QueryParam("group") String group) {
        ComplianceService.GroupBy by = QueryParams.enumOf(ComplianceService.GroupBy.class, "group", group);
        return service.byGroup(Callers.of(identity), by == null ? ComplianceService.GroupBy.DISTRICT : by);
    }

    @GET
    @Path("/uncertified")
    @Operation(summary = "People in the three posts working without a valid certificate (无证上岗), by enterprise")
    public Page<Uncertified> uncertified(@QueryParam("enterpriseId") String enterpriseId,
                                         @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.uncertified(Callers.of(identity), blankToNull(enterpriseId), QueryParams.page(page, size, Paging.MAX_SIZE));
    }

    @GET
    @Path("/reminders")
    @Operation(summary = "Reminders raised 90 and 30 days before expiry or review, soonest due first")
    public Page<ReminderView> reminders(@QueryParam("enterpriseId") String enterpriseId,
                                        @QueryParam("page") String page, @QueryParam("size") String size) {
        return reminders.list(Callers.of(identity), blankToNull(enterpriseId), QueryParams.page(page, size, Paging.MAX_SIZE));
    }

    @POST
    @Path("/reminders/check")
    @RolesAllowed("operator")
    @Operation(summary = "Run the reminder check now (it also runs on a schedule); returns the reminders it published")
    public List<ReminderView> checkNow() {
        List<String> ids = check.check(days.today()).stream().map(Reminder::id).toList();
        return reminders.views(ids);
    }
}
