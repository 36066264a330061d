package io.safetyhub.training.trainingrecord;

import io.safetyhub.training.personnel.RoleCategory;

/**
 * A person's training hours in one year against the required minimum.
 *
 * @param initial true when the person was hired that year, so the initial (longer) training applies
 */
public record AnnualHours(String personId, String personName, String enterpriseId, String enterpriseName,
                          RoleCategory roleCategory, int year, double hours, int required, boolean initial, boolean met) {
}
