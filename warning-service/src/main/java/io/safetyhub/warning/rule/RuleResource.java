package io.safetyhub.warning.rule;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Page;
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


/** Built-in rules and their per-enterprise and per-device overrides. */
@Path("/api/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "rules")
public class RuleResource {
    static final int MAX_PAGE_SIZE = 200;

    private final RuleService rules;
    private final SecurityIdentity identity;

    public RuleResource(RuleService rules, SecurityIdentity identity) {
        this.rules = rules;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Operation(summary = "Built-in rules, then the overrides and created rules within the caller's scope, paged")
    public Page<RuleView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return rules.list(Callers.of(identity), QueryParams.page(page, size, MAX_PAGE_SIZE));
    }

    @GET
    @Path("/audit")
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Operation(summary = "Who changed which override or created rule, when, before and after; within scope, newest first")
    public Page<RuleAudit> audit(@QueryParam("page") String page, @QueryParam("size") String size) {
        return rules.audit(Callers.of(identity), QueryParams.page(page, size, MAX_PAGE_SIZE));
    }

    @PUT
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Set an enterprise or device override of a built-in rule, within the standard's bounds")
    public RuleView put(@NotNull @Valid RuleOverrideRequest request) {
        return rules.put(Callers.of(identity), request);
    }

    @POST
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Create (or replace) a rule for a metric without a national default, e.g. tank level")
    public Response create(@NotNull @Valid CustomRuleRequest request) {
        return Response.status(Response.Status.CREATED).entity(rules.create(Callers.of(identity), request)).build();
    }

    @DELETE
    @Path("/{key}")
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Remove an override (the built-in default applies again) or a created rule")
    public void delete(@PathParam("key") String key) {
        rules.delete(Callers.of(identity), key);
    }
}
