package io.safetyhub.emergency.accident;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static io.safetyhub.platform.Strings.blankToNull;

/** The public "days without a fatal accident" counter, shown on district notice boards and the public page. */
@Path("/api/public/emergency/safe-days")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "public", description = "安全发展累计日")
public class PublicSafeDaysResource {
    private final AccidentFigures figures;

    public PublicSafeDaysResource(AccidentFigures figures) {
        this.figures = figures;
    }

    @GET
    @Operation(summary = "Days since the last fatal accident, city-wide or in one district; no enterprise named")
    public AccidentFigures.SafeDays get(@QueryParam("district") String district) {
        return figures.publicSafeDays(blankToNull(district));
    }
}
