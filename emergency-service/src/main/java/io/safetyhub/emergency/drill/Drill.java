package io.safetyhub.emergency.drill;

import io.safetyhub.emergency.plan.PlanKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A drill (演练, {@code drills}) of an enterprise or, when {@code enterpriseId} is null, of the district. {@code scope}
 * is the kind of plan drilled (comprehensive, special, on-site); {@code large} marks the district's large drills
 * (大型应急演练) counted against its yearly target.
 */
public record Drill(String id, String enterpriseId, String district, String town, String title, DrillForm form,
                    PlanKind scope, String planId, boolean large, LocalDate plannedOn, LocalDate heldOn, int participants,
                    DrillStatus status, Evaluation evaluation, Instant updatedAt, String updatedBy) {

    /** 评估: what was found and what will be done about it. */
    public record Evaluation(LocalDate evaluatedOn, String summary, List<Finding> findings, String evaluatedBy) {
        public Evaluation {
            findings = findings == null ? List.of() : List.copyOf(findings);
        }
    }

    public record Finding(String problem, String measure) {
    }
}
