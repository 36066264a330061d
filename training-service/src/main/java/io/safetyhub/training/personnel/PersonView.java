package io.safetyhub.training.personnel;

import java.time.LocalDate;

/** A person as callers see it: the identity-card number masked ({@code 110105********1234}). */
public record PersonView(String id, String enterpriseId, String enterpriseName, String district, String name,
                         String idCardNumber, String post, RoleCategory roleCategory, EmploymentStatus status,
                         LocalDate hiredOn) {
}
