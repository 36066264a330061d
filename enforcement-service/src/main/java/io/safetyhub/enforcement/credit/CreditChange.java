package io.safetyhub.enforcement.credit;

import java.time.Instant;

/** One change of an enterprise's standing and its cause (collection {@code credit_history}, append-only). */
public record CreditChange(String id, String enterpriseId, Instant at, CreditCause cause, String ref, int points,
                           int scoreBefore, int scoreAfter, CreditGrade gradeBefore, CreditGrade gradeAfter,
                           boolean listedBefore, boolean listedAfter, String note) {
}
