package io.safetyhub.enterprise.majorhazard;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.Strings;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

/** The register across the caller's scope: the regulator's view (一张图, 一张表) and the standard's tables. */
@Path("/api/major-hazards")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "operator"})
@Tag(name = "major-hazards")
public class MajorHazardRegisterResource {
    private final MajorHazardService service;
    private final SecurityIdentity identity;

    public MajorHazardRegisterResource(MajorHazardService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Installations of the caller's scope, optionally of one grade (FIRST…FOURTH), in id order")
    public Page<MajorHazardView> list(@QueryParam("district") @Size(max = 50) String district,
                                      @QueryParam("town") @Size(max = 50) String town,
                                      @QueryParam("grade") @Size(max = 64) String grade,
                                      @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.across(Callers.of(identity), Strings.blankToNull(district), Strings.blankToNull(town),
                QueryParams.enumOf(MajorHazardGrade.class, "grade", grade),
                QueryParams.page(page, size, MajorHazardResource.MAX_PAGE_SIZE));
    }

    @GET
    @Path("/by-grade")
    @Operation(summary = "How many installations of each grade the scope has")
    public MajorHazardService.GradeCounts byGrade(@QueryParam("district") @Size(max = 50) String district) {
        return service.byGrade(Callers.of(identity), Strings.blankToNull(district));
    }

    /** GB 18218-2018 表1 and 表2/表4 as this service applies them, for the declaration form. */
    public record Thresholds(List<NamedSubstance> named, List<CategoryRow> categories, List<ToxicGasBeta.Row> toxicGases) {
    }

    public record CategoryRow(HazardCategory category, String code, double threshold, double beta, String clause) {
    }

    @GET
    @Path("/thresholds")
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Operation(summary = "The standard's tables: named substances (表1), categories (表2, 表4), toxic gases (表3)")
    public Thresholds thresholds() {
        return new Thresholds(SubstanceTable.rows(), Arrays.stream(HazardCategory.values())
                .map(c -> new CategoryRow(c, c.code(), c.threshold().doubleValue(), c.beta().doubleValue(), c.clause()))
                .toList(), ToxicGasBeta.ROWS);
    }
}
