package io.safetyhub.training.personnel;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person employed by an enterprise (从业人员), as stored in {@code personnel}. Never sent over REST:
 * {@link PersonMapper} masks the identity-card number on the way out.
 *
 * @param idCardKey {@code enterpriseId|idCardNumber}, unique: one number once per enterprise
 */
public record Person(String id, String enterpriseId, String name, String idCardNumber, String idCardKey, String post,
                     RoleCategory roleCategory, EmploymentStatus status, LocalDate hiredOn, Instant createdAt,
                     Instant updatedAt) {

    public static String key(String enterpriseId, String idCardNumber) {
        return enterpriseId + "|" + idCardNumber;
    }
}
