package io.safetyhub.enterprise.hazard;

import io.safetyhub.enterprise.enterprise.Sector;
import io.safetyhub.enterprise.enterprise.TenantScope;

import java.time.LocalDate;

/**
 * What a hazard query may return, tenant scope folded in. Null means "any".
 *
 * @param scope         tenant scope and the enterprise / district asked for
 * @param openOnly      only hazards not yet closed
 * @param overdueBefore only open hazards whose deadline is before this day
 */
public record HazardFilter(TenantScope scope, Sector category, HazardStatus status,
                           HazardGrade grade, boolean openOnly, LocalDate overdueBefore) {
}
