package io.safetyhub.emergency.drill;

import io.safetyhub.emergency.plan.PlanKind;
import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Bodies of the drill routes. */
public final class DrillRequests {
    private DrillRequests() {
    }

    /** A planned drill; {@code district} names the district of a regulator's drill (city-wide regulators). */
    public record Plan(
            @NotBlank @Size(max = 200) @PlainText String title,
            @NotNull DrillForm form,
            @NotNull PlanKind scope,
            @Size(max = 64) String planId,
            boolean large,
            @NotNull LocalDate plannedOn,
            @Size(max = 40) @PlainText String district) {
    }

    /** The drill was held: when and how many took part. */
    public record Held(@NotNull LocalDate heldOn, @NotNull @Min(1) @Max(1_000_000) Integer participants) {
    }

    public record Evaluate(
            @NotBlank @Size(max = 4000) @PlainText String summary,
            @NotNull @Size(max = 100) List<@NotNull @Valid FindingBody> findings,
            LocalDate evaluatedOn) {
    }

    public record FindingBody(@NotBlank @Size(max = 1000) @PlainText String problem,
                              @Size(max = 1000) @PlainText String measure) {
    }
}
