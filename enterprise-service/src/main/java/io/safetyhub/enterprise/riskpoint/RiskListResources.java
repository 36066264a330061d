package io.safetyhub.enterprise.riskpoint;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.enterprise.enterprise.RiskColour;
import io.safetyhub.platform.Strings;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 一图三清单 over REST: the risk map and the measure and task lists of one enterprise (each its own path under the
 * enterprise, so each is a resource of its own), and the regulator's red points across its scope.
 */
public final class RiskListResources {
    private RiskListResources() {
    }

    @Path("/api/enterprises/{id}/risk-map")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Tag(name = "risk-points")
    public static class RiskMapResource {
        private final RiskLists lists;
        private final SecurityIdentity identity;

        public RiskMapResource(RiskLists lists, SecurityIdentity identity) {
            this.lists = lists;
            this.identity = identity;
        }

        @GET
        @Operation(summary = "The risk map (一图): every risk point with its position and colour")
        public RiskLists.RiskMap map(@PathParam("id") String id) {
            return lists.map(Callers.of(identity), id);
        }
    }

    @Path("/api/enterprises/{id}/control-measures")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Tag(name = "risk-points")
    public static class MeasureListResource {
        private final RiskLists lists;
        private final SecurityIdentity identity;

        public MeasureListResource(RiskLists lists, SecurityIdentity identity) {
            this.lists = lists;
            this.identity = identity;
        }

        @GET
        @Operation(summary = "The control-measure list (管控措施清单), by point")
        public Page<RiskLists.MeasureRow> list(@PathParam("id") String id, @QueryParam("page") String page,
                                               @QueryParam("size") String size) {
            return lists.measures(Callers.of(identity), id,
                    QueryParams.page(page, size, RiskPointResource.MAX_PAGE_SIZE));
        }
    }

    @Path("/api/enterprises/{id}/check-tasks")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Tag(name = "risk-points")
    public static class TaskListResource {
        private final RiskLists lists;
        private final SecurityIdentity identity;

        public TaskListResource(RiskLists lists, SecurityIdentity identity) {
            this.lists = lists;
            this.identity = identity;
        }

        @GET
        @Operation(summary = "The check-task list (排查任务清单), by point and measure, optionally of one frequency")
        public Page<RiskLists.TaskRow> list(@PathParam("id") String id,
                                            @QueryParam("frequency") @Size(max = 64) String frequency,
                                            @QueryParam("page") String page, @QueryParam("size") String size) {
            return lists.tasks(Callers.of(identity), id, QueryParams.enumOf(CheckFrequency.class, "frequency", frequency),
                    QueryParams.page(page, size, RiskPointResource.MAX_PAGE_SIZE));
        }
    }

    @Path("/api/risk-points")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"regulator", "operator"})
    @Tag(name = "risk-points")
    public static class ScopeRiskPointResource {
        private final RiskPointService points;
        private final SecurityIdentity identity;

        public ScopeRiskPointResource(RiskPointService points, SecurityIdentity identity) {
            this.points = points;
            this.identity = identity;
        }

        @GET
        @Operation(summary = "Risk points across the caller's scope, optionally of one colour (colour=RED: 重大风险点)")
        public Page<RiskPointView> list(@QueryParam("district") @Size(max = 50) String district,
                                        @QueryParam("colour") @Size(max = 64) String colour,
                                        @QueryParam("page") String page, @QueryParam("size") String size) {
            return points.across(Callers.of(identity), Strings.blankToNull(district),
                    QueryParams.enumOf(RiskColour.class, "colour", colour),
                    QueryParams.page(page, size, RiskPointResource.MAX_PAGE_SIZE));
        }
    }
}
