package io.safetyhub.enterprise.hazard;

import io.safetyhub.enterprise.enterprise.Sector;

import java.time.LocalDate;

/**
 * What a hazard query may return, tenant scope folded in. Null means "any".
 *
 * @param district      only this district (a district regulator's own is forced here)
 * @param openOnly      only hazards not yet closed
 * @param overdueBefore only open hazards whose deadline is before this day
 */
public record HazardFilter(String enterpriseId, String district, Sector category, HazardStatus status,
                           HazardGrade grade, boolean openOnly, LocalDate overdueBefore) {
}
