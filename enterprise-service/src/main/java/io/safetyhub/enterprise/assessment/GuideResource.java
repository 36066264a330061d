package io.safetyhub.enterprise.assessment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The 2018 guide's table, from which an assessment form is built. */
@Path("/api/risk-assessments/items")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "risk-assessments")
public class GuideResource {

    @GET
    @Operation(summary = "The guide's scored items (maximum deductions), bonuses and direct-red conditions")
    public Items items() {
        return new Items(GuideTable.items(), java.util.Arrays.stream(DirectRed.values()).map(c -> new DirectRedRow(c, c.text())).toList());
    }

    /** The items in the guide's order, and the four direct-red conditions with their text. */
    public record Items(List<GuideItem> items, List<DirectRedRow> directRed) {
    }

    public record DirectRedRow(DirectRed condition, String text) {
    }
}
