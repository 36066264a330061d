package io.safetyhub.enterprise.majorhazard;

import java.time.Instant;
import java.util.List;

/**
 * An installation with its identification and grade as computed now.
 *
 * @param s          S = Σ qᵢ/Qᵢ
 * @param alpha      α by the people within 500 m
 * @param r          R = α · Σ βᵢ · qᵢ/Qᵢ
 * @param major      S ≥ 1: a major hazard
 * @param grade      FIRST … FOURTH, null when not a major hazard
 * @param gradeLabel 一级 … 四级, null when not a major hazard
 * @param substances each substance with the Q and β taken and the rows of the standard they come from
 */
public record MajorHazardView(String id, String enterpriseId, String district, String town, String name,
                              UnitType unitType, int peopleWithin500m, List<SubstanceLine> substances, double s,
                              double alpha, double r, boolean major, MajorHazardGrade grade, String gradeLabel,
                              Instant createdAt, Instant updatedAt, String updatedBy) {

    public record SubstanceLine(String substance, HazardCategory category, double quantity, double threshold,
                                String thresholdClause, double beta, String betaClause) {
    }
}
