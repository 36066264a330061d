package io.safetyhub.enterprise.majorhazard;

import java.time.Instant;
import java.util.List;

/**
 * A major-hazard installation (重大危险源) as stored ({@code major_hazards}, {@code _id} = id). The enterprise's district
 * and town are copied in for regulator views; S, R and the grade are stored as last computed so that the regulator's
 * lists filter by grade, and recomputed for every view.
 */
public record MajorHazard(String id, String enterpriseId, String district, String town, String name, UnitType unitType,
                          int peopleWithin500m, List<Substance> substances, double s, double r, MajorHazardGrade grade,
                          Instant createdAt, Instant updatedAt, String updatedBy) {

    public MajorHazard {
        substances = List.copyOf(substances);
    }

    /** One substance held: its name, its category when given, its maximum quantity present in tonnes. */
    public record Substance(String substance, HazardCategory category, double quantity) {
    }

    public List<MajorHazardCalculator.Input> inputs() {
        return substances.stream().map(x -> new MajorHazardCalculator.Input(x.substance(), x.category(),
                java.math.BigDecimal.valueOf(x.quantity()))).toList();
    }
}
