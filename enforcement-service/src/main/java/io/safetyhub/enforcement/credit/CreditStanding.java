package io.safetyhub.enforcement.credit;

import java.time.Instant;

/** An enterprise's current score, grade and 严重失信 standing (collection {@code credit_standings}, {@code _id} = enterprise). */
public record CreditStanding(String id, String enterpriseName, String district, String town, int score, CreditGrade grade,
                             boolean listed, Instant listedSince, Instant listedUntil, String listedReason,
                             Instant updatedAt) {
}
