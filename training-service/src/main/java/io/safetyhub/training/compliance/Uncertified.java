package io.safetyhub.training.compliance;

import io.safetyhub.training.personnel.RoleCategory;

/**
 * A person in one of the three posts working without a valid certificate (无证上岗).
 *
 * @param reason NO_CERTIFICATE, EXPIRED (expired or review overdue) or REVOKED: the best certificate they hold
 */
public record Uncertified(String personId, String name, String idCardNumber, String post, RoleCategory roleCategory,
                          String enterpriseId, String enterpriseName, String district, String reason) {
}
